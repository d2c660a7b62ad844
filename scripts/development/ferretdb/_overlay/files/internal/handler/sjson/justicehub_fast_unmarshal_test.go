// Added to FerretDB's sjson package by Justice Hub's build (scripts/embedded-db.ts,
// go build -overlay); not a FerretDB file. Run with FerretDB's own tests of the package:
// see scripts/README.md ("The embedded database").

package sjson

import (
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

// slowUnmarshal is Unmarshal without its fast path: what every stored text decoded to before.
func slowUnmarshal(t *testing.T, data []byte) (*types.Document, error) {
	t.Helper()

	// fastUnmarshal refuses a text that does not start with `{"$s":`; a space in front
	// makes the same JSON, so Unmarshal takes its own path.
	return Unmarshal(append([]byte(" "), data...))
}

func TestFastUnmarshalAsUnmarshal(t *testing.T) {
	t.Parallel()

	date := time.Date(2026, 12, 2, 16, 30, 0, 123_000_000, time.UTC)
	id := types.ObjectID{0x62, 0x56, 0xc5, 0xba, 0x0b, 0xad, 0xc0, 0xff, 0xee, 0xba, 0xbe, 0x01}

	docs := map[string]*types.Document{
		"empty": must.NotFail(types.NewDocument()),
		"victim-like": must.NotFail(types.NewDocument(
			"_id", "aLNChP14X3POcE1c7FpPgp",
			"caseReference", "AL-DEMO-000001",
			"languages", must.NotFail(types.NewArray("sr", "en")),
			"ageGroup", types.Null,
			"legalName", "Élena <Popescu> & \"quoted\" \\ \u2028 \n",
			"nonPunishmentProtection", true,
			"closed", false,
			"disabilityNeeds", must.NotFail(types.NewArray()),
			"screenings", must.NotFail(types.NewArray(must.NotFail(types.NewDocument(
				"screenedAt", date,
				"indicatorCodes", must.NotFail(types.NewArray("CD_THREATS", "DR_WAGES")),
			)))),
			"recoveryPeriod", must.NotFail(types.NewDocument("days", int32(30), "startsOn", "2026-08-27")),
			"nothing", must.NotFail(types.NewDocument()),
			"counted", int64(-9007199254740993),
			"score", 1.5e-300,
			"zero", math.Copysign(0, -1),
			"big", math.MaxFloat64,
			"int32s", must.NotFail(types.NewArray(int32(math.MinInt32), int32(math.MaxInt32), int32(0))),
			"oid", id,
			"mixed", must.NotFail(types.NewArray("a", int32(1), types.Null, must.NotFail(types.NewArray(true)))),
		)),
		// Types the fast path leaves to Unmarshal: the answer must still be Unmarshal's.
		"binary": must.NotFail(types.NewDocument("b", types.Binary{Subtype: types.BinaryGeneric, B: []byte{1, 2, 3}})),
		"regex":  must.NotFail(types.NewDocument("r", types.Regex{Pattern: "^a", Options: "i"})),
		"timestamp": must.NotFail(types.NewDocument(
			"ts", types.Timestamp(42),
			"nested", must.NotFail(types.NewDocument("ts", types.Timestamp(43))),
		)),
	}

	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()

			data, err := Marshal(doc)
			require.NoError(t, err)

			want, err := slowUnmarshal(t, data)
			require.NoError(t, err)

			got, err := Unmarshal(data)
			require.NoError(t, err)
			testutil.AssertEqual(t, want, got)
			testutil.AssertEqual(t, doc, got)

			_, fast := fastUnmarshal(data)
			require.Equal(t, name != "binary" && name != "regex" && name != "timestamp", fast, "fast path taken")
		})
	}
}

// Texts FerretDB never writes: each is left to Unmarshal, so the error (or the
// answer) is Unmarshal's own.
func TestFastUnmarshalLeavesTheRestToUnmarshal(t *testing.T) {
	t.Parallel()

	for _, text := range []string{
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":01}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":+1}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":1.0}`,
		`{"$s":{"p":{"a":{"t":"int"}},"$k":["a"]},"a":4294967296}`,
		`{"$s":{"p":{"a":{"t":"string"},"b":{"t":"int"}},"$k":["a","b"]},"b":1,"a":"x"}`,
		`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"x","a":"y"}`,
		`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"x"} `,
		`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"],"x":1},"a":"x"}`,
		`{"$s":{"p":{"a":{"t":"string","t":"int"}},"$k":["a"]},"a":1}`,
		`{"$s":{"p":{"a":{"t":"array","i":[{"t":"int"}]}},"$k":["a"]},"a":[1,2]}`,
		`{"$s":{"p":{"a":{"t":"object"}},"$k":["a"]},"a":{"b":1}}`,
		`{"$s":{"p":{"a":{"t":"null"}},"$k":["a"]},"a":1}`,
		`{"$s":{"p":{"a":{"t":"objectId"}},"$k":["a"]},"a":"abc"}`,
		`{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"\ud800"}`,
	} {
		t.Run(text, func(t *testing.T) {
			t.Parallel()

			_, fast := fastUnmarshal([]byte(text))
			if text == `{"$s":{"p":{"a":{"t":"string"}},"$k":["a"]},"a":"\ud800"}` {
				require.True(t, fast, "an escaped string is decoded by encoding/json, as Unmarshal does")
			} else {
				require.False(t, fast, "fast path taken")
			}

			want, wantErr := slowUnmarshal(t, []byte(text))
			got, gotErr := Unmarshal([]byte(text))
			require.Equal(t, wantErr == nil, gotErr == nil)
			if wantErr == nil {
				testutil.AssertEqual(t, want, got)
			}
		})
	}
}

// Documents of one shape share a parsed schema (schemaCache); their values stay their own.
func TestFastUnmarshalSharesSchemasNotValues(t *testing.T) {
	t.Parallel()

	for i := range 3 {
		doc := must.NotFail(types.NewDocument("n", int32(i), "s", must.NotFail(types.NewArray(strconv.Itoa(i)))))
		data, err := Marshal(doc)
		require.NoError(t, err)

		got, ok := fastUnmarshal(data)
		require.True(t, ok)
		testutil.AssertEqual(t, doc, got)
	}
}
