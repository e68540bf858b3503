package buildcmd

import (
	"path"
	"strings"
)

// signers are the Authenticode signing tools, by program name.
var signers = map[string]bool{
	"signtool":            true, // Windows SDK
	"osslsigncode":        true,
	"azuresigntool":       true,
	"jsign":               true,
	"relic":               true,
	"smctl":               true, // DigiCert KeyLocker
	"signcode":            true, // Mono
	"trusted-signing-cli": true,
}

// IsSigner reports whether c runs a known code-signing tool. A Java or
// PowerShell command counts when it runs jsign's jar or
// Set-AuthenticodeSignature.
func IsSigner(c *Command) bool {
	prog := c.Program()
	if signers[prog] {
		return true
	}
	switch prog {
	case "java", "pwsh", "powershell":
		for _, w := range c.Args[1:] {
			s := strings.ToLower(w.Prefix() + w.Suffix())
			if strings.Contains(s, "jsign") || strings.Contains(s, "set-authenticodesignature") {
				return true
			}
		}
	}
	return false
}

// opaque are programs that run other commands we do not see: shells, build
// runners and release tools, any of which may sign.
var opaque = map[string]bool{
	"sh": true, "bash": true, "zsh": true, "dash": true, "cmd": true, "pwsh": true,
	"powershell": true, "make": true, "task": true, "mage": true, "goreleaser": true,
	"just": true, "xargs": true, "docker": true, "podman": true, "nix": true,
}

// MaySign reports whether c runs a signer or a program that may run one
// unseen (a shell, make, goreleaser, "go run", a program whose name is not
// known).
func MaySign(c *Command) bool {
	if IsSigner(c) {
		return true
	}
	prog := c.Program()
	if prog == "" || opaque[prog] {
		return true
	}
	if prog == "go" && len(c.Args) > 1 {
		verb, ok := c.Args[1].Known()
		return !ok || verb == "run" || verb == "generate" || verb == "tool"
	}
	return false
}

// peExt are the extensions of files Authenticode signs in place.
var peExt = map[string]bool{
	".exe": true, ".dll": true, ".sys": true, ".msi": true, ".ocx": true,
	".cab": true, ".msix": true, ".appx": true, ".efi": true, ".scr": true, ".cpl": true,
}

// IsPE reports whether a file name has an extension of a signable Windows
// file.
func IsPE(name string) bool {
	return peExt[strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))]
}

// SignedFiles returns the known names of the files a signer command
// writes signed: osslsigncode's -out (or its second positional file),
// otherwise the PE files it names.
func SignedFiles(c *Command) []string {
	if !IsSigner(c) {
		return nil
	}
	var files []string
	if c.Program() == "osslsigncode" {
		var pos []string
		for i := 1; i < len(c.Args); i++ {
			s, ok := c.Args[i].Known()
			if !ok {
				continue
			}
			if s == "-out" && i+1 < len(c.Args) {
				if out, ok := c.Args[i+1].Known(); ok {
					return []string{out}
				}
				return nil
			}
			if strings.HasPrefix(s, "-") {
				i++ // osslsigncode's options take a value (the bool ones do not name files)
				continue
			}
			if IsPE(s) {
				pos = append(pos, s)
			}
		}
		if len(pos) == 2 {
			return pos[1:]
		}
		return nil
	}
	for _, w := range c.Args[1:] {
		if s, ok := w.Known(); ok && IsPE(s) {
			files = append(files, s)
		}
	}
	return files
}

// modifiers are programs that rewrite a PE file in place, invalidating its
// signature: packers, resource editors, header editors.
var modifiers = map[string]bool{
	"upx": true, "rcedit": true, "rcedit-x64": true, "resourcehacker": true, "verpatch": true,
	"editbin": true, "strip": true, "objcopy": true, "x86_64-w64-mingw32-strip": true,
}

// ModifiedFiles returns the known PE files a command rewrites in place.
// upx -o writes a new file and leaves its input alone.
func ModifiedFiles(c *Command) []string {
	prog := c.Program()
	if !modifiers[prog] {
		return nil
	}
	var files []string
	for _, w := range c.Args[1:] {
		s, ok := w.Known()
		if !ok {
			continue
		}
		if prog == "upx" && (s == "-o" || strings.HasPrefix(s, "-o") || strings.HasPrefix(s, "--output")) {
			return nil
		}
		// ResourceHacker -open in.exe -save out.exe: only -save is written.
		if IsPE(s) {
			files = append(files, s)
		}
	}
	if prog == "resourcehacker" {
		files = nil
		for i := 1; i+1 < len(c.Args); i++ {
			s, _ := c.Args[i].Known()
			if strings.EqualFold(s, "-save") {
				if out, ok := c.Args[i+1].Known(); ok && IsPE(out) {
					files = append(files, out)
				}
			}
		}
	}
	return files
}

// SamePath reports whether two file names written in a build script name
// the same file (cleaned, slash-insensitive).
func SamePath(a, b string) bool {
	clean := func(s string) string { return path.Clean(strings.ReplaceAll(s, `\`, "/")) }
	return clean(a) == clean(b)
}
