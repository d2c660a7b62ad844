// Added to FerretDB's common package by Justice Hub's build; not a FerretDB file.

package common

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func TestUnprojectedIsWhatProjectDocumentGives(t *testing.T) {
	t.Parallel()

	empty := must.NotFail(types.NewDocument())
	stored := must.NotFail(types.NewDocument(
		"_id", "a",
		"n", int32(1),
		"sub", must.NotFail(types.NewDocument("list", must.NotFail(types.NewArray("x", types.Null)))),
	))

	require.True(t, unprojected(stored, empty))
	projected, err := ProjectDocument(stored, empty, nil, false)
	require.NoError(t, err)
	testutil.AssertEqual(t, projected, stored)

	// Anything else is left to ProjectDocument.
	require.False(t, unprojected(stored, must.NotFail(types.NewDocument("n", true))))
	require.False(t, unprojected(must.NotFail(types.NewDocument("n", int32(1), "_id", "a")), empty))
	require.False(t, unprojected(must.NotFail(types.NewDocument()), empty))
}
