// Added to FerretDB's fsql package by Justice Hub's build (scripts/embedded-db.ts,
// go build -overlay); not a FerretDB file.

package fsql

import (
	"context"
	"log/slog"
)

// queryLogger is the logger of a DB's (and its transactions') query log: l itself when
// it logs debug messages, else one that drops everything. The query log is written as
// l.With(args).Debug(…), and With formats its arguments at once, whether the message is
// logged or not: every statement quoted its arguments twice (an insert, its documents),
// about a twelfth of the database's CPU on a write.
func queryLogger(l *slog.Logger) *slog.Logger {
	if l.Enabled(context.Background(), slog.LevelDebug) {
		return l
	}

	return slog.New(slog.DiscardHandler)
}
