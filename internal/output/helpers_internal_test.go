package output

import "github.com/winlint/winlint/internal/catalog"

func catalogSeverity(s string) catalog.Severity { return catalog.Severity(s) }
