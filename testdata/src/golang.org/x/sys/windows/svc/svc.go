// Package svc is a fixture stub of golang.org/x/sys/windows/svc.
package svc

type State uint32

const (
	Stopped         = State(1)
	StartPending    = State(2)
	StopPending     = State(3)
	Running         = State(4)
	ContinuePending = State(5)
	PausePending    = State(6)
	Paused          = State(7)
)

type Cmd uint32

const (
	Stop                  = Cmd(1)
	Pause                 = Cmd(2)
	Continue              = Cmd(3)
	Interrogate           = Cmd(4)
	Shutdown              = Cmd(5)
	ParamChange           = Cmd(6)
	NetBindAdd            = Cmd(7)
	NetBindRemove         = Cmd(8)
	NetBindEnable         = Cmd(9)
	NetBindDisable        = Cmd(10)
	DeviceEvent           = Cmd(11)
	HardwareProfileChange = Cmd(12)
	PowerEvent            = Cmd(13)
	SessionChange         = Cmd(14)
	PreShutdown           = Cmd(15)
)

type Accepted uint32

const (
	AcceptStop                  = Accepted(1)
	AcceptShutdown              = Accepted(4)
	AcceptPauseAndContinue      = Accepted(2)
	AcceptParamChange           = Accepted(8)
	AcceptNetBindChange         = Accepted(16)
	AcceptHardwareProfileChange = Accepted(32)
	AcceptPowerEvent            = Accepted(64)
	AcceptSessionChange         = Accepted(128)
	AcceptPreShutdown           = Accepted(256)
)

type Status struct {
	State                   State
	Accepts                 Accepted
	CheckPoint              uint32
	WaitHint                uint32
	ProcessId               uint32
	Win32ExitCode           uint32
	ServiceSpecificExitCode uint32
}

type StartReason uint32

type ChangeRequest struct {
	Cmd           Cmd
	EventType     uint32
	EventData     uintptr
	CurrentStatus Status
	Context       uintptr
}

type Handler interface {
	Execute(args []string, r <-chan ChangeRequest, s chan<- Status) (svcSpecificEC bool, exitCode uint32)
}

func Run(name string, handler Handler) error { return nil }
func IsWindowsService() (bool, error)        { return false, nil }
func IsAnInteractiveSession() (bool, error)  { return false, nil }
func StatusHandle() uintptr                  { return 0 }
