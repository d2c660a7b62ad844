// Added to FerretDB's sjson package by Justice Hub's build (scripts/embedded-db.ts,
// go build -overlay); not a FerretDB file.

package sjson

import "unicode/utf8"

// plainJSONString returns the content of a JSON string literal that needs no decoding:
// quoted, with no escape, no quote and no control character inside, and valid UTF-8.
// Such a literal means exactly its bytes, so the general decoder (a json.Decoder per
// string) is not needed; anything else is left to it.
func plainJSONString(data []byte) (string, bool) {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return "", false
	}

	inner := data[1 : len(data)-1]
	for _, b := range inner {
		if b < 0x20 || b == '"' || b == '\\' {
			return "", false
		}
	}

	if !utf8.Valid(inner) {
		return "", false
	}

	return string(inner), true
}
