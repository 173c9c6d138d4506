// Command go-tensorboard-urls is a Pulumi Go program using the modelarts provider's Go SDK (run it
// with `pulumi up` where a Go language host is installed; program_test.go runs it inline).
package main

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

func main() {
	pulumi.Run(program)
}
