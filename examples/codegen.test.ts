import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import { documentId, TRUSTED_DOCUMENTS_DIR } from '../gateway/trusted-documents';
import { ROOT, SCHEMA_DIR } from '../platform/paths';
import { apiSchemaOf, buildManifest, manifestJson } from '../scripts/operations/trust';
import { EXAMPLES, operationsFile, trustedClient } from './codegen';

// The examples' typed clients are what GraphQL Code Generator makes of their operations and
// the gateway's API schema today, and their operations are registered as trusted documents
// exactly as they send them (examples/README.md says how to regenerate both).

let schema: ReturnType<typeof apiSchemaOf>;
beforeAll(() => {
  schema = apiSchemaOf(readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));
});

const manifestFile = (name: (typeof EXAMPLES)[number]) => path.join(TRUSTED_DOCUMENTS_DIR, `${trustedClient(name)}.json`);

it('each generated.ts is what codegen makes of the committed supergraph and its operations.graphql (codegen from dist/, built by `npm test`; jest cannot load its ES modules)', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'examples', 'codegen.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
});

describe.each(EXAMPLES)('examples/%s', (name) => {
  it(`its operations are registered as trusted documents (npm run --silent trust -- example-${name} examples/${name}/operations.graphql)`, () => {
    expect(readFileSync(manifestFile(name), 'utf8')).toBe(manifestJson(buildManifest(readFileSync(operationsFile(name), 'utf8'), schema, operationsFile(name))));
  });

  it('each typed document, as examples/client.ts sends it, is a registered one', async () => {
    const generated = (await import(`./${name}/generated`)) as Record<string, unknown>;
    const documents = Object.entries(generated).filter(([key]) => key.endsWith('Document')).map(([, document]) => print(document as DocumentNode));
    const registered = new Set((JSON.parse(readFileSync(manifestFile(name), 'utf8')) as { operations: Array<{ id: string }> }).operations.map((op) => op.id));
    expect(documents.length).toBe(registered.size);
    for (const text of documents) expect(registered).toContain(documentId(text));
  });
});
