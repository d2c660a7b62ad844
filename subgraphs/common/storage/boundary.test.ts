import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The storage layer's boundary: only this folder may use what makes a read scan the
// collection on the embedded database (`$in` batches aside, which loaders.ts keeps to
// `_id`), open connections, or know which backend runs. Everything else goes through
// the interfaces of contracts.ts. Files are read as text, comments included.

const ROOT = path.resolve(__dirname, '../../..');
const STORAGE = path.relative(ROOT, __dirname);
const SCANNED = ['subgraphs', 'gateway', 'platform'];

const RULES: Array<{ name: string; pattern: RegExp }> = [
  { name: '`$in` (read records by id with loaderById, or through their lists)', pattern: /\$in\b/ },
  { name: '`populate(` (load references with a loader)', pattern: /\bpopulate\(/ },
  { name: '`countDocuments` (count with a list: its size is exact)', pattern: /\bcountDocuments\b/ },
  { name: '`$regex` (search with a SearchIndex)', pattern: /\$regex\b/ },
  { name: '`.sort({…})` over a collection (page a list, or sortedPageOf)', pattern: /\.sort\(\s*\{/ },
  { name: 'opening a connection (connectDatabase opens one per subgraph)', pattern: /\bmongoose\.connect\b|\bcreateConnection\b/ },
  { name: 'naming the backend (nothing outside storage knows which one runs)', pattern: /ferret/i },
];

/**
 * Known uses outside the storage layer, each with why it stays (for now). A new one fails
 * the test; remove an entry here once its use is gone.
 */
const EXCEPTIONS: Array<{ file: string; rule: string; why: string }> = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || file === STORAGE ? [] : sourceFiles(file);
    return /\.(ts|js|cjs|mjs)$/.test(entry.name) ? [file] : [];
  });
}

it('no file outside the storage layer reaches past it', () => {
  const found: string[] = [];
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const { name, pattern } of RULES) {
        if (!pattern.test(line)) continue;
        if (EXCEPTIONS.some((e) => e.file === file.split(path.sep).join('/') && name.startsWith(e.rule))) continue;
        found.push(`${file}:${i + 1}: ${name}: ${line.trim()}`);
      }
    });
  }
  expect(found).toEqual([]);
});

it('scans the subgraphs, the gateway and the platform, but not the storage layer', () => {
  const files = SCANNED.flatMap(sourceFiles);
  expect(files).toContain(path.join('subgraphs', 'common', 'audit.ts'));
  expect(files).toContain(path.join('gateway', fileIn('gateway')));
  expect(files.some((f) => f.startsWith(STORAGE))).toBe(false);
});

function fileIn(dir: string): string {
  return readdirSync(path.join(ROOT, dir)).find((name) => name.endsWith('.ts'))!;
}
