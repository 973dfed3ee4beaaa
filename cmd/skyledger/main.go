// Command skyledger turns public drone-incident reports into a checked, reconciled ledger.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"skyledger/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
