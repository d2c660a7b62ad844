// Added to FerretDB's sjson package by Justice Hub's build (scripts/embedded-db.ts,
// go build -overlay); not a FerretDB file.

package sjson

import (
	"encoding/hex"
	"encoding/json"
	"strconv"
	"sync"
	"time"

	"github.com/FerretDB/FerretDB/internal/types"
)

// fastUnmarshal decodes a stored document in one pass: the schema ($s) first, then each
// value by its schema. Unmarshal decodes the same text several times over (the whole
// document into raw messages, the schema by reflection, every nested document and array
// again, every scalar with a json.Decoder of its own): about half of the embedded
// database's CPU on reads.
//
// It handles only what FerretDB itself writes (Marshal: $s first, then the keys in the
// schema's order, no whitespace) and the types the hub stores (documents, arrays,
// strings, numbers, booleans, dates, object ids, null). For anything else (another key
// order, a binary, a regex, a timestamp, an escape in a key, a malformed text) it
// answers ok=false and Unmarshal decodes the text as before, so every result, and every
// error, is Unmarshal's own.
func fastUnmarshal(data []byte) (*types.Document, bool) {
	p := fastParser{data: data}
	if !p.literal(`{"$s":`) {
		return nil, false
	}

	sch, ok := p.cachedSchema()
	if !ok {
		return nil, false
	}

	doc, ok := p.fields(sch, true)
	if !ok || p.pos != len(p.data) {
		return nil, false
	}

	return doc, true
}

// Parsed schemas by their text, at most schemaCacheSize: the documents of a collection
// repeat a few schemas (one per shape: which fields are null, how long each array is),
// and parsing one took a quarter of fastUnmarshal's time. A parsed schema is only read.
var (
	schemaCacheMu sync.RWMutex
	schemaCache   = map[string]*schema{}
)

const schemaCacheSize = 4096

// cachedSchema reads the schema at the parser's position, parsed once per distinct text.
func (p *fastParser) cachedSchema() (*schema, bool) {
	end, ok := endOfObject(p.data, p.pos)
	if !ok {
		return nil, false
	}

	text := p.data[p.pos:end]

	schemaCacheMu.RLock()
	sch := schemaCache[string(text)]
	schemaCacheMu.RUnlock()

	if sch != nil {
		p.pos = end
		return sch, true
	}

	if sch, ok = p.schema(); !ok || p.pos != end {
		return nil, false
	}

	schemaCacheMu.Lock()
	if len(schemaCache) >= schemaCacheSize {
		clear(schemaCache)
	}
	schemaCache[string(text)] = sch
	schemaCacheMu.Unlock()

	return sch, true
}

// endOfObject finds the end of the JSON object starting at data[start] (just after its
// closing brace), skipping strings; false if it does not close.
func endOfObject(data []byte, start int) (int, bool) {
	if start >= len(data) || data[start] != '{' {
		return 0, false
	}

	depth := 0

	for i := start; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
	}

	return 0, false
}

func (p *fastParser) fields(sch *schema, top bool) (*types.Document, bool) {
	if !top {
		if !p.literal("{") {
			return nil, false
		}

		if p.literal("}") {
			return types.MakeDocument(0), true // an empty document needs no schema (documentType)
		}

		if sch == nil {
			return nil, false
		}
	}

	doc := types.MakeDocument(len(sch.Keys))

	for i, key := range sch.Keys {
		if (top || i > 0) && !p.literal(",") { // at the top, a comma follows the schema
			return nil, false
		}

		name, ok := p.plainString()
		if !ok || name != key || !p.literal(":") {
			return nil, false
		}

		v, ok := p.value(sch.Properties[key])
		if !ok {
			return nil, false
		}

		doc.Set(key, v)
	}

	if !p.literal("}") {
		return nil, false
	}

	return doc, true
}

// value reads one value of schema element e (unmarshalSingleValue).
func (p *fastParser) value(e *elem) (any, bool) {
	if p.literal("null") {
		return types.Null, true
	}

	if e == nil {
		return nil, false
	}

	switch e.Type {
	case elemTypeObject:
		if e.Schema == nil {
			return nil, false
		}

		return p.fields(e.Schema, false)
	case elemTypeArray:
		return p.array(e.Items)
	case elemTypeString:
		raw, ok := p.rawString()
		if !ok {
			return nil, false
		}

		if s, ok := plainJSONString(raw); ok {
			return s, true
		}

		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, false
		}

		return s, true
	case elemTypeBool:
		if p.literal("true") {
			return true, true
		}

		return false, p.literal("false")
	case elemTypeInt:
		n, err := strconv.ParseInt(p.number(), 10, 32)
		return int32(n), err == nil
	case elemTypeLong:
		n, err := strconv.ParseInt(p.number(), 10, 64)
		return n, err == nil
	case elemTypeDouble:
		f, err := strconv.ParseFloat(p.number(), 64)
		return f, err == nil
	case elemTypeDate:
		ms, err := strconv.ParseInt(p.number(), 10, 64)
		return time.UnixMilli(ms), err == nil
	case elemTypeObjectID:
		s, ok := p.plainString()
		if !ok {
			return nil, false
		}

		b, err := hex.DecodeString(s)
		if err != nil || len(b) != types.ObjectIDLen {
			return nil, false
		}

		var id types.ObjectID
		copy(id[:], b)

		return id, true
	default:
		return nil, false
	}
}

func (p *fastParser) array(items []*elem) (*types.Array, bool) {
	if !p.literal("[") {
		return nil, false
	}

	a := types.MakeArray(len(items))

	for i := 0; !p.literal("]"); i++ {
		if i > 0 && !p.literal(",") {
			return nil, false
		}

		if i >= len(items) {
			return nil, false
		}

		v, ok := p.value(items[i])
		if !ok {
			return nil, false
		}

		a.Append(v)
	}

	if a.Len() != len(items) {
		return nil, false
	}

	return a, true
}
