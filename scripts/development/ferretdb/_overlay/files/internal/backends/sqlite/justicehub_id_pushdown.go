// NOT A FERRETDB FILE. Justice Hub's scripts/embedded-db.ts adds it to FerretDB v1.24.2's
// package internal/backends/sqlite when building our embedded database, with
// `go build -overlay` (every file under scripts/ferretdb/_overlay/files/ is added at the
// same path inside the FerretDB module; scripts/ferretdb/_overlay/edits.json holds the
// small text edits of FerretDB's own collection.go and metadata.go that call it). It sits
// under a folder starting with "_" so that the go tool never compiles it as part of our
// own module. It is not meant to be compiled in any other way.
//
// Why: FerretDB v1.24's SQLite backend sends SQLite a WHERE clause only for a filter that
// is exactly {_id: <string|ObjectId>}, so every other lookup by _id (DataLoader batches
// `{_id: {$in: [...]}}`, `{_id, owner}` conditions) reads and decodes the whole table.

package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// justicehubMaxIDPushdownValues bounds the bound parameters of a pushed-down `$in`
// (SQLite's limit is 32766); a longer list is not pushed down.
const justicehubMaxIDPushdownValues = 10_000

// prepareIDWhereClause returns a WHERE clause (with a leading space) and its arguments
// that select, through the unique `_id` index, a superset of the documents matching
// filter, and whether it made one. It makes one when filter has a single top-level `_id`
// key whose value is
//   - a string or an ObjectId: ` WHERE <IDColumn> = ?`;
//   - a document whose only operator is `$in`, with an array of at most
//     justicehubMaxIDPushdownValues strings and ObjectIds: ` WHERE <IDColumn> IN (?, …)`,
//     or ` WHERE 0` for an empty array,
//
// whatever the other keys of filter are (they are ANDed with `_id`). Anything else gives
// "", nil, false: no WHERE clause, FerretDB's own behaviour.
//
// It only has to give a superset because every handler that queries with a filter (find,
// getMore, count, distinct, update, delete, findAndModify, aggregate's leading $match)
// applies the whole filter again to the documents it gets, and never pushes a limit
// together with a filter. Values are encoded as FerretDB encodes them for its own
// `_id` pushdown and for UpdateAll/DeleteAll (sjson.MarshalSingleValue).
func prepareIDWhereClause(filter *types.Document) (string, []any, bool) {
	var id any
	found := false

	// not filter.Get("_id"): it panics on duplicate keys
	keys, values := filter.Keys(), filter.Values()
	for i, k := range keys {
		if k != "_id" {
			continue
		}

		if found {
			return "", nil, false // `_id` twice: leave it to the handler
		}

		id, found = values[i], true
	}

	if !found {
		return "", nil, false
	}

	if pushableID(id) {
		return fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), []any{marshalID(id)}, true
	}

	ops, ok := id.(*types.Document)
	if !ok || ops.Len() != 1 || ops.Keys()[0] != "$in" {
		return "", nil, false
	}

	list, ok := ops.Values()[0].(*types.Array)
	if !ok || list.Len() > justicehubMaxIDPushdownValues {
		return "", nil, false
	}

	if list.Len() == 0 {
		return ` WHERE 0`, nil, true
	}

	args := make([]any, list.Len())

	for i := range list.Len() {
		v := must.NotFail(list.Get(i))
		if !pushableID(v) {
			return "", nil, false
		}

		args[i] = marshalID(v)
	}

	placeholders := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")

	return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, placeholders), args, true
}

// pushableID reports whether an `_id` equality with v can be decided by comparing
// encoded values: only for strings and ObjectIds (numbers of different types can be
// equal, and other types have their own comparison rules).
func pushableID(v any) bool {
	switch v.(type) {
	case string, types.ObjectID:
		return true
	default:
		return false
	}
}

// marshalID encodes v as the `_id` column expression returns it.
func marshalID(v any) string {
	return string(must.NotFail(sjson.MarshalSingleValue(v)))
}
