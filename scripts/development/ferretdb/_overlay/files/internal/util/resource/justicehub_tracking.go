// Added to FerretDB's resource package by Justice Hub's build (scripts/embedded-db.ts,
// go build -overlay); not a FerretDB file.

package resource

// trackResources turns FerretDB's lifetime tracking of iterators and similar objects
// on or off. It is a leak detector for FerretDB's own tests: for every tracked object
// it records a pprof sample (a stack trace) and sets a finalizer, which costs about a
// seventh of the embedded database's CPU on reads. Justice Hub's build turns it off.
const trackResources = false
