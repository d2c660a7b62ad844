import 'reflect-metadata';
import { readEnv } from '../../platform/config';
import { connectDatabase, ListedCollection, type ListedRecord } from '../../subgraphs/common/storage';
import { SUBGRAPHS, subgraphNamed } from '../../subgraphs/registry';
import { DATA_DIR } from '../../platform/paths';
import { devDatabase, keptSecrets, keyDirectoriesUnder } from '../development/dev-env';

/**
 * `npm run relist [-- <subgraph>…]`: puts every record into the lists of the keys its
 * collection declares now (storage/store.ts `relist`), for a deployment whose records
 * were written before a key existed (e.g. the indicators' lists by jurisdiction and
 * quarter, issue 26). One read of each collection; idempotent; safe while the hub runs.
 * Uses MONGODB_URI (else the embedded database of `npm start`, which must not be running:
 * give its MONGODB_URI instead), DB_NAME with one subgraph named (default: its own
 * database), and the subgraphs' settings from the environment or .data/secrets.
 */
async function main() {
  const names = process.argv.slice(2);
  const entries = names.length > 0 ? names.map((name) => subgraphNamed(name)) : SUBGRAPHS;
  if (process.env.DB_NAME && entries.length !== 1) throw new Error('DB_NAME names one database: name the one subgraph it is for (npm run relist -- victims)');
  const env = { ...keyDirectoriesUnder(DATA_DIR, process.env), ...keptSecrets(), ...process.env };
  const db = await devDatabase(() => {});
  try {
    for (const { definition } of entries) {
      const connection = await connectDatabase(db.uri, process.env.DB_NAME ?? definition.database ?? definition.name);
      try {
        const models = definition.models(connection, readEnv(definition.env, env));
        for (const [name, collection] of listedCollectionsIn(models)) {
          const done = await collection.relist();
          console.log(`${definition.name} ${name}: ${done.records} records, ${done.relisted} relisted (${done.entries} list entries added)`);
        }
      } finally {
        await connection.close();
      }
    }
  } finally {
    await db.stop();
  }
}

/** The listed collections of a subgraph's models, by their path (`victims`, `assistance.requests`). */
function listedCollectionsIn(models: unknown, at = ''): Array<[string, Pick<ListedCollection<ListedRecord>, 'relist'>]> {
  if (!models || typeof models !== 'object') return [];
  if (models instanceof ListedCollection) return [[at, models]];
  if (at.split('.').length > 2) return [];
  return Object.entries(models).flatMap(([key, value]) => listedCollectionsIn(value, at ? `${at}.${key}` : key));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

