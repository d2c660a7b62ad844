// Command ferretdb runs an embedded FerretDB (MongoDB wire protocol over SQLite)
// for development and tests. FerretDB's own command panics without its version
// file when built with `go install`, so we embed the library instead.
//
// scripts/embedded-db.ts builds it with a small patch of FerretDB's SQLite backend
// (see _overlay/) and starts it with -exit-with-stdin.
package main

import (
	"context"
	"flag"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// shutdownGrace is how long a stop may take before the process exits anyway.
const shutdownGrace = 10 * time.Second

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	listenUnix := flag.String("listen-unix", "", "Unix domain socket to listen on as well (cheaper than loopback TCP for a client on this machine)")
	dataDir := flag.String("data", ".data/db", "folder for the SQLite files")
	exitWithStdin := flag.Bool(
		"exit-with-stdin", false,
		"stop when standard input reaches end of file: the launcher holds the other end of a pipe, "+
			"so this process stops when the launcher ends, even when it is killed with SIGKILL",
	)
	flag.Parse()

	// FerretDB allocates a great deal per document read; collecting less often costs a
	// little memory (tens of MB here) and saves a fifth of its CPU.
	debug.SetGCPercent(400)

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("ferretdb: bad data folder %q: %v", *dataDir, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		log.Fatalf("ferretdb: cannot create data folder %q: %v", dir, err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen, Unix: *listenUnix},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *exitWithStdin {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		go func() {
			// Read (and ignore) until end of file or error: either means the launcher is gone.
			_, _ = io.Copy(io.Discard, os.Stdin)
			log.Printf("ferretdb: standard input closed (launcher gone), stopping")
			cancel()
		}()
	}

	go func() {
		// A stop waits for client connections to end; do not let one keep us running.
		<-ctx.Done()
		time.Sleep(shutdownGrace)
		log.Printf("ferretdb: not stopped after %s, exiting", shutdownGrace)
		os.Exit(1)
	}()

	log.Printf("ferretdb: listening on %s, data in %s", *listen, dir)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}
