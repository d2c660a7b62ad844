import { parseCsv } from './csv';
import { KINDS } from './kinds';
import { importCsv, ImportRefused, type ImportKind } from './run';

// The CSV import's own rules, without a hub: how a file is read, and which files are
// refused before any row is sent (the hub's URL here refuses every connection, so a test
// that reached it would see "stopped", not the refusal it expects).

const NOWHERE = { url: 'http://127.0.0.1:9/graphql', token: 'x', purpose: 'CASE_MANAGEMENT' };

describe('CSV as spreadsheets write it', () => {
  test('quotes, doubled quotes, commas and line breaks inside quotes, CRLF, a byte order mark', () => {
    const rows = parseCsv('\uFEFFname,note\r\n"Hope, House","said ""hello""\nthen left"\r\nPlain,\n');
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Hope, House', 'said "hello"\nthen left'] },
      { line: 4, cells: ['Plain', ''] },
    ]);
  });

  test('blank lines are skipped; the last line needs no line end', () => {
    expect(parseCsv('a,b\n\n1,2').map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  test.each([
    ['a,"b\n1,2', /never closed/],
    ['a,"b"c\n', /after a closing quote/],
  ])('malformed %j is refused naming the line', async (csv, message) => {
    await expect(importCsv(KINDS.shelters, csv, NOWHERE)).rejects.toThrow(message);
  });
});

describe('a file whose header does not fit the kind is refused before anything is sent', () => {
  const kind: ImportKind = {
    noun: 'thing',
    document: 'mutation { x }',
    columns: { name: { into: 'input.name', required: true }, size: { into: 'input.size', type: 'int' } },
    made: () => '',
  };
  test.each([
    ['', /empty/],
    ['name,colour\nA,red\n', /unknown column\(s\) colour/],
    ['size\n3\n', /missing required column\(s\) name/],
    ['name,name\nA,B\n', /named twice: name/],
  ])('%j', async (csv, message) => {
    const refusal = await importCsv(kind, csv, NOWHERE).catch((e) => e);
    expect(refusal).toBeInstanceOf(ImportRefused);
    expect(refusal.message).toMatch(message);
  });

  test('a row that cannot be sent is refused with all its problems; the import goes on', async () => {
    const report = await importCsv(kind, 'name,size\n,big\nA,3,extra\n', NOWHERE);
    expect(report.rows.slice(0, 2)).toEqual([
      { row: 1, line: 2, accepted: false, detail: 'name: is required; size: "big" is not a whole number' },
      { row: 2, line: 3, accepted: false, detail: 'has 3 cells, the header 2' },
    ]);
    expect(report.stopped).toBeUndefined();
  });
});
