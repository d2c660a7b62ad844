import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { federatedSchema } from '../subgraphs/common/schema';
import { auditDirectoryFor, SUBGRAPHS } from '../subgraphs/registry';
import { SCHEMA_DIR } from '../platform/paths';

/**
 * Composes the supergraph from the subgraphs' own code (no database, no network).
 * Output is committed under schema/; a test fails when it drifts from the code.
 */
export async function composeSupergraph(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const services = [];
  for (const entry of SUBGRAPHS) {
    const { definition, port } = entry;
    const sdl = printSubgraphSchema(await federatedSchema(definition, auditDirectoryFor(entry)));
    files[`${definition.name}.graphql`] = sdl.trimEnd() + '\n';
    services.push({ name: definition.name, url: `http://localhost:${port}/graphql`, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  files['supergraph.graphql'] = result.supergraphSdl.trimEnd() + '\n';
  return files;
}

if (require.main === module) {
  composeSupergraph()
    .then((files) => {
      mkdirSync(SCHEMA_DIR, { recursive: true });
      for (const [name, content] of Object.entries(files)) {
        writeFileSync(path.join(SCHEMA_DIR, name), content);
        console.log(`wrote schema/${name}`);
      }
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
