module example.com/hostsfixture

go 1.26
