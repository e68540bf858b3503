// WL6005: binaries changed after they were signed. This package signs, so
// its unsigned-looking builds are not WL6002 findings.
package main

import (
	"os"
	"os/exec"

	"github.com/magefile/mage/sh"
)

//go:generate env GOOS=windows go build -o tool.exe
//go:generate signtool sign /fd sha256 /a tool.exe
//go:generate rcedit tool.exe --set-icon tool.ico // want `rcedit rewrites tool.exe after it was signed at line 13: the Authenticode signature no longer verifies; run rcedit before signing`

func main() {}

// Positive: upx on osslsigncode's output.
func release() error {
	if err := exec.Command("go", "build", "-o", "app.exe", ".").Run(); err != nil {
		return err
	}
	sign := exec.Command("osslsigncode", "sign", "-pkcs12", "cert.p12", "-h", "sha256", "-in", "app.exe", "-out", "app.signed.exe")
	if err := sign.Run(); err != nil {
		return err
	}
	return exec.Command("upx", "--best", "app.signed.exe").Run() // want `upx rewrites app.signed.exe after it was signed`
}

// Positive: data appended to the signed file in Go.
func Release() error {
	if err := sh.Run("AzureSignTool", "sign", "-kvu", "https://vault", "-tr", "http://ts", "dist/app.exe"); err != nil {
		return err
	}
	f, err := os.OpenFile("dist/app.exe", os.O_APPEND|os.O_WRONLY, 0) // want `os.OpenFile opens for writing dist/app.exe after it was signed`
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write([]byte("payload"))
	return err
}

// Positive: the file rewritten with os.WriteFile after jsign.
func stamp(data []byte) error {
	if err := exec.Command("jsign", "--keystore", "ks.p12", "--storepass", "x", "setup.msi").Run(); err != nil {
		return err
	}
	return os.WriteFile("setup.msi", data, 0o644) // want `os.WriteFile rewrites setup.msi after it was signed`
}

// Negative: packed first, then signed.
func packThenSign() error {
	if err := exec.Command("upx", "--best", "app.exe").Run(); err != nil {
		return err
	}
	return exec.Command("signtool", "sign", "/fd", "sha256", "/a", "app.exe").Run()
}

// Negative: upx on osslsigncode's unsigned input.
func inputOnly() error {
	if err := exec.Command("osslsigncode", "sign", "-certs", "c.pem", "-key", "k.pem", "-in", "app.exe", "-out", "app.signed.exe").Run(); err != nil {
		return err
	}
	return exec.Command("upx", "app.exe").Run()
}

// Negative: upx -o writes a new file (which is unsigned, but not changed
// after signing).
func packCopy() error {
	if err := exec.Command("signtool", "sign", "/a", "app.exe").Run(); err != nil {
		return err
	}
	return exec.Command("upx", "-o", "app.packed.exe", "app.exe").Run()
}

// Negative: the signed file is only read afterwards.
func checksum() error {
	if err := exec.Command("signtool", "sign", "/a", "app.exe").Run(); err != nil {
		return err
	}
	f, err := os.OpenFile("app.exe", os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	return f.Close()
}

// Negative: another file is changed.
func otherFile() error {
	if err := sh.Run("signtool", "sign", "/a", "dist/app.exe"); err != nil {
		return err
	}
	return sh.Run("rcedit", "dist/helper.exe", "--set-icon", "app.ico")
}
