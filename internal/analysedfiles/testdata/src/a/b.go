package a // want `^\{"file":"[^"]*b\.go","sha256":"[0-9a-f]{64}"\}$`
