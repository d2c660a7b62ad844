import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../platform/paths';
import { SUBGRAPHS } from './registry';

// Every subgraph has the one layout (docs/architecture.md, "Adding a subgraph"), read from
// the registry so the next subgraph is held to it too: its definition, declared access,
// rules, collections, schema, thin resolvers, domain, demo data and README — and nothing
// else at its top level. An area inside a subgraph (proceedings' precedents, assistance,
// teams) has the same shape. Resolvers write nothing and check no input themselves: that
// is the domain's work.

const AT_TOP = ['index.ts', 'access.ts', 'permissions.ts', 'models.ts', 'seed.ts', 'README.md', 'schema', 'resolvers', 'domain'];
const IN_AN_AREA = ['access.ts', 'models.ts', 'seed.ts', 'README.md', 'schema', 'resolvers', 'domain'];
const LAYOUT_FOLDERS = new Set(['schema', 'resolvers', 'domain']);
/** Besides the layout: an area's own rules, tests of the demo data, an area's bulk demo data. */
const ALSO_ALLOWED = /^(permissions\.ts|seed\.test\.ts|demo-[a-z-]+\.ts)$/;
/** What only the domain does: writing (through the audit) and checking input. */
const NOT_IN_A_RESOLVER = /\baudit\.change\(|\.(create|insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|findOneAndUpdate)\(|\b(badInput|badInputs|checkAll)\(/;

const isFolder = (file: string) => statSync(path.join(ROOT, file)).isDirectory();
const list = (folder: string) => readdirSync(path.join(ROOT, folder));

/** What is wrong with the folder of a subgraph or of an area inside one, in words. */
function layoutProblems(folder: string, required: string[]): string[] {
  const entries = list(folder);
  const problems = required.filter((entry) => !entries.includes(entry)).map((entry) => `${folder}: ${entry} is missing`);
  for (const entry of entries) {
    const full = path.join(folder, entry);
    if (required.includes(entry) || ALSO_ALLOWED.test(entry)) continue;
    if (isFolder(full) && !LAYOUT_FOLDERS.has(entry)) problems.push(...layoutProblems(full, IN_AN_AREA));
    else problems.push(`${folder}: ${entry} is outside the layout (schema/, resolvers/ or domain/?)`);
  }
  const resolvers = path.join(folder, 'resolvers');
  for (const file of entries.includes('resolvers') ? list(resolvers) : []) {
    readFileSync(path.join(ROOT, resolvers, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (NOT_IN_A_RESOLVER.test(line)) problems.push(`${resolvers}/${file}:${i + 1} writes or checks input: move it to domain/`);
      });
  }
  return problems;
}

test.each(SUBGRAPHS.map((entry) => entry.definition.name))('the %s subgraph has the layout', (name) => {
  expect(layoutProblems(path.join('subgraphs', name), AT_TOP)).toEqual([]);
});
