import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { federatedSchema } from '../../subgraphs/common/schema';
import { auditDirectoryFor, SUBGRAPHS, type RegistryEntry } from '../../subgraphs/registry';
import { ROOT } from '../../platform/paths';
import { accessMatrix } from './access-matrix';
import { decisionIndex, DECISIONS_DIR } from './decisions-index';

/**
 * Composes the supergraph from the subgraphs' own code (no database, no network), and
 * prints the access matrix and the index of the decisions. Files by path from the repository root: committed under
 * schema/ and docs/; a test fails when they drift from the code.
 */
export async function composeSupergraph(registry: RegistryEntry[] = SUBGRAPHS): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const services = [];
  const audits: Record<string, Record<string, string[]>> = {};
  for (const entry of registry) {
    const { definition, port } = entry;
    const schema = await federatedSchema(definition, auditDirectoryFor(entry, registry));
    audits[definition.name] = schema.audits;
    const sdl = printSubgraphSchema(schema);
    files[`schema/${definition.name}.graphql`] = sdl.trimEnd() + '\n';
    services.push({ name: definition.name, url: `http://localhost:${port}/graphql`, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  files['schema/supergraph.graphql'] = result.supergraphSdl.trimEnd() + '\n';
  files['docs/access.md'] = accessMatrix(registry, audits);
  files[`${DECISIONS_DIR}/README.md`] = decisionIndex();
  return files;
}

if (require.main === module) {
  composeSupergraph()
    .then((files) => {
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
        writeFileSync(path.join(ROOT, file), content);
        console.log(`wrote ${file}`);
      }
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
