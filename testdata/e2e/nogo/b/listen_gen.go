package b

import "net"

// ListenGenerated has the same bug as Listen (WL2001), in a file
// nogo_config.json excludes from netfamily.
func ListenGenerated() (net.Listener, error) {
	return net.Listen("tcp6", ":9091")
}
