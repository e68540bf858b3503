package a

//winlint:file-ignore WL1* test files are analysed too // want "file holds winlint directives"
