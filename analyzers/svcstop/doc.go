// Package svcstop defines an analyzer that reports Windows services that do
// not stop cleanly: svc.Handler implementations that stop reading control
// requests, accept controls they never handle (or handle controls they never
// accept), clear their accepted controls, never report Running or block
// before reporting StopPending (WL5001–WL5005); kardianos/service programs
// whose Start blocks or whose Stop abandons running work (WL5006, WL5007);
// service programs that shut down on SIGTERM and signals Windows never
// delivers (WL5008, WL5009); and event log misuse (WL5010).
//
// Handlers are found through types: any method named Execute with the
// signature of golang.org/x/sys/windows/svc.Handler's. The Accepts values
// of the statuses they send are folded through named constants and
// variables assigned once. See ../../docs/checks/WL5001.md and following.
package svcstop

import "github.com/winlint/winlint/internal/catalog"

const doc = `report Windows services that do not stop cleanly (WL5001–WL5010)

The svcstop analyzer reads svc.Handler implementations (the request loop,
the accepted controls, the statuses sent), kardianos/service Start and
Stop methods, signal.Notify calls of programs that run as services or are
built for Windows, and event log registration. It reports services the
SCM cannot stop (errors 1052 and 1053), services killed mid-cleanup and
services that exit when a user logs off.`

// Family is the svcstop analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL5001, WL5002, WL5003, WL5004, WL5005, WL5006, WL5007, WL5008, WL5009, WL5010)

const handlerGood = `package main

import "golang.org/x/sys/windows/svc"

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	const accepted = svc.AcceptStop | svc.AcceptShutdown
	changes <- svc.Status{State: svc.StartPending}
	changes <- svc.Status{State: svc.Running, Accepts: accepted}
	for c := range r {
		switch c.Cmd {
		case svc.Interrogate:
			changes <- c.CurrentStatus
		case svc.Stop, svc.Shutdown:
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

func main() { svc.Run("example", &service{}) }`

var WL5001 = &catalog.Check{
	ID:       "WL5001",
	Title:    "svc.Handler Execute never receives from its request channel",
	Default:  true,
	Severity: catalog.Error,
	Doc: "An `Execute` method with the `svc.Handler` signature (found through types, whatever the " +
		"receiver) that never receives from its `<-chan svc.ChangeRequest` parameter, in Execute or in " +
		"the helpers Execute passes the channel to.\n\n" +
		"x/sys's control handler hands each request to Execute over an unbuffered channel and takes no " +
		"other request until Execute has received it: the first control passes, every later one blocks the " +
		"SCM's dispatcher. The SCM handles controls serially and fails a control whose handler does not " +
		"return within 30 s with error 1053 (ERROR_SERVICE_REQUEST_TIMEOUT) " +
		"(`golang.org/x/sys/windows/svc/service.go ctlHandler`; " +
		"https://learn.microsoft.com/en-us/windows/win32/api/winsvc/nf-winsvc-controlservice).\n\n" +
		"Not reported: a channel handed to code the analyzer cannot see (another package's function, a " +
		"struct field, a function value); handlers in `_test.go` files.\n\n" +
		"Fix: receive from the channel in a loop (`for c := range r` or a `select`), and return from " +
		"Execute on `svc.Stop` and `svc.Shutdown`.",
	Bad: `package main

import (
	"time"

	"golang.org/x/sys/windows/svc"
)

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for {
		time.Sleep(time.Second) // r is never read: stop requests time out (1053)
	}
}

func main() { svc.Run("example", &service{}) }`,
	Good: handlerGood,
}

var WL5002 = &catalog.Check{
	ID:       "WL5002",
	Title:    "service control handled but never accepted, or accepted but never handled",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "The controls a handler accepts are the `Accepts` of the statuses it sends (folded through " +
		"named constants, once-assigned variables, `|` and conversions); the controls it handles are the " +
		"`svc.Cmd` constants its `switch c.Cmd` cases or `if c.Cmd == …` chains compare with. Reported:\n\n" +
		"- a handled `svc.Stop`, `Shutdown`, `PreShutdown`, `Pause` or `Continue` whose `Accept…` bit no " +
		"status sets: the SCM only sends a control to a service that accepts it, so the case is dead code " +
		"(`case svc.Shutdown` without `AcceptShutdown`: the service is killed at system shutdown without " +
		"that cleanup; `case svc.Stop` without `AcceptStop`: `sc stop` fails with error 1052) " +
		"(https://learn.microsoft.com/en-us/windows/win32/services/service-control-handler-function);\n" +
		"- an accepted `AcceptStop`, `AcceptShutdown`, `AcceptPreShutdown` or `AcceptPauseAndContinue` whose " +
		"command is never handled, when the dispatch is a closed `switch` or if-chain (no `default:`, no " +
		"final `else`, nothing after it): the request is delivered and ignored (a service that accepts Stop \"must stop upon receipt\": " +
		"https://learn.microsoft.com/en-us/windows/win32/services/service-control-handler-function).\n\n" +
		"Not reported: a missing `case svc.Interrogate` (always delivered, and a default branch or the " +
		"loop takes it); handlers whose Accepts or statuses cannot be folded; dispatch the analyzer cannot " +
		"see (a `default:` branch, a request passed to another function).\n\n" +
		"Fix: add the missing `svc.Accept…` bit (a suggested fix adds it to the Accepts definition), or " +
		"handle the accepted command.",
	Bad: `package main

import "golang.org/x/sys/windows/svc"

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	const accepted = svc.AcceptStop
	changes <- svc.Status{State: svc.Running, Accepts: accepted}
	for c := range r {
		switch c.Cmd {
		case svc.Interrogate:
			changes <- c.CurrentStatus
		case svc.Stop, svc.Shutdown: // Shutdown is never sent: not accepted
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

func main() { svc.Run("example", &service{}) }`,
	Good: handlerGood,
}

var WL5003 = &catalog.Check{
	ID:       "WL5003",
	Title:    "Running or Paused status sent without Accepts",
	Default:  true,
	Severity: catalog.Error,
	Doc: "A `svc.Status{State: svc.Running}` or `svc.Status{State: svc.Paused}` literal without an " +
		"`Accepts` field sent on the status channel. x/sys builds the service's accepted controls from " +
		"`Accepts` on every status it reports, so this status accepts nothing: afterwards `sc stop` fails " +
		"with error 1052 (ERROR_INVALID_SERVICE_CONTROL) and the service cannot be stopped " +
		"(`golang.org/x/sys/windows/svc/service.go updateStatus`; " +
		"https://learn.microsoft.com/en-us/windows/win32/api/winsvc/ns-winsvc-service_status).\n\n" +
		"Not reported: StartPending, StopPending and the other pending states (no controls are expected " +
		"then); echoing `c.CurrentStatus`; statuses built elsewhere.\n\n" +
		"Fix: send the same Accepts with every Running and Paused status. When the handler's other " +
		"statuses all use one named constant or variable, a suggested fix adds it.",
	Bad: `package main

import "golang.org/x/sys/windows/svc"

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running} // accepts nothing: sc stop fails (1052)
	for c := range r {
		if c.Cmd == svc.Stop {
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

func main() { svc.Run("example", &service{}) }`,
	Good: handlerGood,
}

var WL5004 = &catalog.Check{
	ID:       "WL5004",
	Title:    "svc.Handler Execute never reports Running",
	Default:  true,
	Severity: catalog.Error,
	Doc: "An Execute method whose statuses (all of which the analyzer can read) never include " +
		"`svc.Running`. x/sys never reports Running on the service's behalf: the service stays " +
		"START_PENDING, and the SCM refuses every control to a service in that state, so it cannot be " +
		"stopped (ControlService fails with ERROR_SERVICE_CANNOT_ACCEPT_CTRL in START_PENDING: " +
		"https://learn.microsoft.com/en-us/windows/win32/api/winsvc/nf-winsvc-controlservice).\n\n" +
		"Not reported: handlers that pass the status channel to code the analyzer cannot see or send " +
		"statuses it cannot fold; not sending StartPending or Stopped (both optional).\n\n" +
		"Fix: send `svc.Status{State: svc.Running, Accepts: …}` once the service has started.",
	Bad: `package main

import "golang.org/x/sys/windows/svc"

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.StartPending}
	for c := range r { // never reported Running: stays START_PENDING
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

func main() { svc.Run("example", &service{}) }`,
	Good: handlerGood,
}

var WL5005 = &catalog.Check{
	ID:       "WL5005",
	Title:    "process exit in a service's stop path, or blocking work before StopPending",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "Reported:\n\n" +
		"- `os.Exit` or `log.Fatal*` in a handler's Execute (or the helpers it hands its channels to), or " +
		"in a kardianos/service `Stop` method: the process ends before Execute returns, so `svc.Run` never " +
		"reports the service stopped (`golang.org/x/sys/windows/svc/service.go` reports Stopped after Execute " +
		"returns; kardianos/service's Interface doc: \"Stop should not call os.Exit directly\");\n" +
		"- a call that waits for other work — `(*sync.WaitGroup).Wait`, `(*http.Server).Shutdown`, " +
		"`(*exec.Cmd).Wait`/`Run`, `(*grpc.Server).GracefulStop`, `time.Sleep` of a second or more — after " +
		"the handler receives `svc.Stop`/`svc.Shutdown` and before it sends `StopPending`, directly, in a " +
		"function of the package it calls (two calls deep) or as a channel receive that is not a timer (in the case " +
		"body, and after the loop the case breaks out of). The SCM expects a service to go to " +
		"STOP_PENDING on receipt of Stop " +
		"(https://learn.microsoft.com/en-us/windows/win32/services/service-control-handler-function) and takes its WaitHint from that status.\n\n" +
		"Not reported: ordinary calls (logging, closing) before StopPending; blocking work after it; exits " +
		"inside function literals (a watchdog goroutine that kills a deadlocked shutdown is deliberate, as in " +
		"wireguard-windows); exits under an `if` that tests `svc.IsWindowsService()`/`service.Interactive()` " +
		"(console mode only, as in kardianos's `example/runner`).\n\n" +
		"Fix: return an exit code from Execute (or an error from Stop); send " +
		"`svc.Status{State: svc.StopPending, WaitHint: …}` before the cleanup.",
	Bad: `package main

import (
	"sync"

	"golang.org/x/sys/windows/svc"
)

type service struct{ wg sync.WaitGroup }

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			s.wg.Wait() // before StopPending
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

func main() { svc.Run("example", &service{}) }`,
	Good: `package main

import (
	"sync"

	"golang.org/x/sys/windows/svc"
)

type service struct{ wg sync.WaitGroup }

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			changes <- svc.Status{State: svc.StopPending, WaitHint: 10000}
			s.wg.Wait()
			return false, 0
		}
	}
	return false, 0
}

func main() { svc.Run("example", &service{}) }`,
}

var WL5006 = &catalog.Check{
	ID:       "WL5006",
	Title:    "kardianos/service Start does not return",
	Default:  true,
	Severity: catalog.Error,
	Doc: "A `Start` method of a `service.Interface` implementation that, outside goroutines, runs " +
		"`select {}`, a `for` loop with no break, return or exit, or a call that serves until the server " +
		"is closed (`http.ListenAndServe`, `(*http.Server).Serve`, `(*grpc.Server).Serve`…), directly or " +
		"in a function of the same package that Start calls.\n\n" +
		"kardianos/service calls Start synchronously and reports Running only after it returns " +
		"(\"Start should not block. Do the actual work async.\"): the service stays START_PENDING, the SCM " +
		"refuses to stop it, and later controls block the dispatcher (kardianos/service's " +
		"`service_windows.go Execute`; https://learn.microsoft.com/en-us/windows/win32/api/winsvc/nf-winsvc-controlservice).\n\n" +
		"Not reported: loops with an exit, channel receives (a Start may wait for readiness), work started " +
		"with `go`.\n\n" +
		"Fix: start the work in a goroutine and return.",
	Bad: `package main

import (
	"net/http"

	"github.com/kardianos/service"
)

type program struct{}

func (p *program) Start(s service.Service) error {
	return http.ListenAndServe(":8080", nil) // never returns: START_PENDING forever
}

func (p *program) Stop(s service.Service) error { return nil }`,
	Good: `package main

import (
	"net/http"

	"github.com/kardianos/service"
)

type program struct{ srv *http.Server }

func (p *program) Start(s service.Service) error {
	p.srv = &http.Server{Addr: ":8080"}
	go p.srv.ListenAndServe()
	return nil
}

func (p *program) Stop(s service.Service) error { return p.srv.Close() }`,
}

var WL5007 = &catalog.Check{
	ID:       "WL5007",
	Title:    "kardianos/service Stop does nothing while Start runs work until stopped",
	Default:  false,
	Severity: catalog.Note,
	Doc: "A `Stop` method that is empty or only logs and returns nil while the same type's `Start` launches a " +
		"goroutine that runs until told to stop (an endless loop, `select {}`, or a serving call such as " +
		"`ListenAndServe`).\n\n" +
		"A no-op Stop is legal and does not hang: Execute returns, svc.Run returns and the process exits " +
		"— killing that goroutine mid-work, with no flush and no graceful close (kardianos/service's " +
		"`service_windows.go Execute` returns after Stop). The check is a " +
		"hint, off by default.\n\n" +
		"Not reported: a no-op Stop when Start launches nothing, or launches a function that returns on " +
		"its own (kardianos's own `example/simple`).\n\n" +
		"Fix: give the goroutine a way to stop (a channel, a context, `Server.Shutdown`) and use it in Stop.",
	Bad: `package main

import (
	"time"

	"github.com/kardianos/service"
)

type program struct{}

func (p *program) Start(s service.Service) error {
	go p.run()
	return nil
}

func (p *program) run() {
	for {
		time.Sleep(time.Second) // killed mid-work at stop
	}
}

func (p *program) Stop(s service.Service) error { return nil }`,
	Good: `package main

import (
	"time"

	"github.com/kardianos/service"
)

type program struct{ exit chan struct{} }

func (p *program) Start(s service.Service) error {
	p.exit = make(chan struct{})
	go p.run()
	return nil
}

func (p *program) run() {
	for {
		select {
		case <-p.exit:
			return
		case <-time.After(time.Second):
		}
	}
}

func (p *program) Stop(s service.Service) error {
	close(p.exit)
	return nil
}`,
}

var WL5008 = &catalog.Check{
	ID:       "WL5008",
	Title:    "Windows service program shuts down on SIGTERM",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`signal.Notify`/`NotifyContext` with `syscall.SIGTERM`, or with no signal list, in a program " +
		"that runs as a Windows service: a main package whose `main` reaches `svc.Run` or kardianos " +
		"`Service.Run` (through the package's functions and, with facts, those of the libraries it calls), " +
		"or a function that itself reaches them.\n\n" +
		"Go maps CTRL_LOGOFF_EVENT and CTRL_SHUTDOWN_EVENT to SIGTERM once Notify asks for it, and " +
		"Windows sends those events to services only: a service that shuts down on SIGTERM shuts down " +
		"whenever any user logs off. The SCM's stop request never arrives as a signal (`runtime/os_windows.go ctrlHandler`, " +
		"the Windows section of `os/signal/doc.go`, https://learn.microsoft.com/en-us/windows/console/handlerroutine; " +
		"derived from the source and the documentation, not run on Windows).\n\n" +
		"Not reported: programs that test `svc.IsWindowsService()`, `svc.IsAnInteractiveSession()` or " +
		"`service.Interactive()` anywhere (directly or through their libraries) or offer `svc/debug`'s " +
		"console mode, where Notify is presumably the console path; ordinary console programs, where " +
		"`Notify(c, os.Interrupt, syscall.SIGTERM)` is right.\n\n" +
		"Fix: stop on `svc.Stop`/`svc.Shutdown` (kardianos: in Stop), and Notify only when " +
		"`svc.IsWindowsService()` reports false.",
	Bad: `package main

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/windows/svc"
)

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM) // fires when a user logs off
	go func() { <-sig; os.Exit(0) }()
	svc.Run("example", &service{})
}`,
	Good: `package main

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/windows/svc"
)

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

func main() {
	if ok, _ := svc.IsWindowsService(); ok {
		svc.Run("example", &service{})
		return
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
}`,
}

var WL5009 = &catalog.Check{
	ID:       "WL5009",
	Title:    "signal.Notify with signals Windows never delivers, or SIGTERM without os.Interrupt",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "In code built for Windows:\n\n" +
		"- `signal.Notify` with `syscall.SIGHUP`, `SIGQUIT`, `SIGPIPE`, `SIGALRM`, `SIGABRT`, `SIGILL`, " +
		"`SIGTRAP`, `SIGBUS`, `SIGFPE` or `SIGSEGV`: they compile on Windows but Go only ever delivers " +
		"os.Interrupt (Ctrl+C, Ctrl+Break) and SIGTERM (console close, logoff, shutdown), so the handler " +
		"never runs (`runtime/os_windows.go ctrlHandler` is the only sender; the Windows section of `os/signal/doc.go`);\n" +
		"- a Notify that asks for `syscall.SIGTERM` but not `os.Interrupt` (in the same function): consoles " +
		"and service wrappers such as NSSM stop a program with a Ctrl+C event, which is os.Interrupt, so " +
		"this shutdown path never runs and the program is killed (NSSM's documentation, \"Stopping the service\": " +
		"https://nssm.cc/usage). Service programs get WL5008 " +
		"instead.\n\n" +
		"Not reported: files not built for Windows; signals passed as a slice; `_test.go` files; a " +
		"signal Windows never delivers whose channel is never read (Notify used to ignore it) or whose " +
		"handlers only log or continue; " +
		"`os.Kill`/`SIGKILL` (uncatchable everywhere; vet and staticcheck cover it).\n\n" +
		"Fix: move Unix-only signals to a file built for Unix; add `os.Interrupt` next to SIGTERM (a " +
		"suggested fix adds it).",
	Bad: `package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM) // Ctrl+C and NSSM send os.Interrupt
	<-sig
}`,
	Good: `package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
}`,
}

var WL5010 = &catalog.Check{
	ID:       "WL5010",
	Title:    "event log source installed on every start, or event ID outside EventCreate's range",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "Reported:\n\n" +
		"- `eventlog.InstallAsEventCreate` or `eventlog.Install` called unconditionally at the top of " +
		"`main` or of a handler's Execute with its error ending the process (`log.Fatal`, `os.Exit`, " +
		"`panic`): it writes under HKLM (administrator rights) and fails with \"registry key already " +
		"exists\" once the source is installed, so every start after the first fails " +
		"(`golang.org/x/sys/windows/svc/eventlog/install.go`);\n" +
		"- constant event IDs outside 1..1000 passed to `Info`, `Warning` or `Error` of an `*eventlog.Log` " +
		"(or `debug.Log`) in a package that registers its source with EventCreate.exe as the message file " +
		"(`InstallAsEventCreate`, or `Install` with a message file naming EventCreate.exe): x/sys documents " +
		"that \"when EventCreate.exe is used, eid must be between 1 and 1000\" (`golang.org/x/sys/windows/svc/eventlog/log.go`).\n\n" +
		"Not reported: installation in an install command, or with its error ignored or tolerated; " +
		"`eventlog.Open` of a source that is not installed (it works; the descriptions are degraded); " +
		"`Open` without `Close` (WL1005).\n\n" +
		"Fix: install the source once from the installer; use IDs 1..1000 with EventCreate.",
	Bad: `package main

import (
	"log"

	"golang.org/x/sys/windows/svc/eventlog"
)

func main() {
	if err := eventlog.InstallAsEventCreate("myservice", eventlog.Error|eventlog.Info); err != nil {
		log.Fatal(err) // fails on every start after the first
	}
}`,
	Good: `package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows/svc/eventlog"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "install" {
		if err := eventlog.InstallAsEventCreate("myservice", eventlog.Error|eventlog.Info); err != nil {
			log.Fatal(err)
		}
		return
	}
}`,
}
