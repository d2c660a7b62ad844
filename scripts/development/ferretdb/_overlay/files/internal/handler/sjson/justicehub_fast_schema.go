// Added to FerretDB's sjson package by Justice Hub's build (scripts/embedded-db.ts,
// go build -overlay); not a FerretDB file.

package sjson

// The scanner of the one-pass decoder (justicehub_fast_unmarshal.go) and its reading of
// a schema ($s) into FerretDB's own schema and elem types.

type fastParser struct {
	data []byte
	pos  int
}

func (p *fastParser) literal(s string) bool {
	if len(p.data)-p.pos < len(s) || string(p.data[p.pos:p.pos+len(s)]) != s {
		return false
	}

	p.pos += len(s)

	return true
}

func (p *fastParser) peek() byte {
	if p.pos >= len(p.data) {
		return 0
	}

	return p.data[p.pos]
}

// plainString reads a string literal without escapes (a key, a schema word).
func (p *fastParser) plainString() (string, bool) {
	if p.peek() != '"' {
		return "", false
	}

	for i := p.pos + 1; i < len(p.data); i++ {
		switch c := p.data[i]; {
		case c == '"':
			s, ok := plainJSONString(p.data[p.pos : i+1])
			p.pos = i + 1

			return s, ok
		case c == '\\' || c < 0x20:
			return "", false
		}
	}

	return "", false
}

// rawString reads a string literal as its text, quotes and escapes included.
func (p *fastParser) rawString() ([]byte, bool) {
	if p.peek() != '"' {
		return nil, false
	}

	for i := p.pos + 1; i < len(p.data); i++ {
		switch p.data[i] {
		case '\\':
			i++
		case '"':
			raw := p.data[p.pos : i+1]
			p.pos = i + 1

			return raw, true
		}
	}

	return nil, false
}

// number reads a number literal's text; "" when it is not JSON's number grammar
// (strconv would take "+1" or "01", a json.Decoder refuses them).
func (p *fastParser) number() string {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
		p.pos++
	}

	text := p.data[start:p.pos]
	digits := text
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}

	if len(digits) == 0 || digits[0] < '0' || digits[0] > '9' || (digits[0] == '0' && len(digits) > 1 && digits[1] >= '0' && digits[1] <= '9') {
		return ""
	}

	return string(text)
}

// schema reads `{"p":{key:elem,…},"$k":[key,…]}` (either order), as Unmarshal's
// json.Decoder with DisallowUnknownFields would.
func (p *fastParser) schema() (*schema, bool) {
	if !p.literal("{") {
		return nil, false
	}

	sch := new(schema)

	for first := true; !p.literal("}"); first = false {
		if !first && !p.literal(",") {
			return nil, false
		}

		name, ok := p.plainString()
		if !ok || !p.literal(":") {
			return nil, false
		}

		switch {
		case name == "p" && sch.Properties == nil:
			if sch.Properties, ok = p.properties(); !ok {
				return nil, false
			}
		case name == "$k" && sch.Keys == nil:
			if sch.Keys, ok = p.keys(); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
	}

	return sch, true
}

func (p *fastParser) properties() (map[string]*elem, bool) {
	if !p.literal("{") {
		return nil, false
	}

	props := map[string]*elem{}

	for first := true; !p.literal("}"); first = false {
		if !first && !p.literal(",") {
			return nil, false
		}

		key, ok := p.plainString()
		if _, seen := props[key]; !ok || seen || !p.literal(":") {
			return nil, false
		}

		if props[key], ok = p.elem(); !ok {
			return nil, false
		}
	}

	return props, true
}

func (p *fastParser) keys() ([]string, bool) {
	if !p.literal("[") {
		return nil, false
	}

	keys := []string{}

	for first := true; !p.literal("]"); first = false {
		if !first && !p.literal(",") {
			return nil, false
		}

		key, ok := p.plainString()
		if !ok {
			return nil, false
		}

		keys = append(keys, key)
	}

	return keys, true
}

// elem reads `{"t":type,"$s":schema,"i":[elem,…]}`; a regex's options or a binary's
// subtype are left to Unmarshal.
func (p *fastParser) elem() (*elem, bool) {
	if !p.literal("{") {
		return nil, false
	}

	e := new(elem)
	var seen uint8 // a field given twice is left to Unmarshal (its json.Decoder would merge them)

	for first := true; !p.literal("}"); first = false {
		if !first && !p.literal(",") {
			return nil, false
		}

		name, ok := p.plainString()
		if !ok || !p.literal(":") {
			return nil, false
		}

		var bit uint8
		switch name {
		case "t":
			bit = 1
		case "$s":
			bit = 2
		case "i":
			bit = 4
		}

		if seen&bit != 0 {
			return nil, false
		}

		seen |= bit

		switch name {
		case "t":
			t, ok := p.plainString()
			if !ok {
				return nil, false
			}

			e.Type = elemType(t)
		case "$s":
			if e.Schema, ok = p.schema(); !ok {
				return nil, false
			}
		case "i":
			if !p.literal("[") {
				return nil, false
			}

			e.Items = []*elem{}

			for first := true; !p.literal("]"); first = false {
				if !first && !p.literal(",") {
					return nil, false
				}

				item, ok := p.elem()
				if !ok {
					return nil, false
				}

				e.Items = append(e.Items, item)
			}
		default:
			return nil, false
		}
	}

	return e, true
}

// fields reads a document's fields in its schema's order, after the top-level `{"$s":…`
// (top) or from its opening brace.
