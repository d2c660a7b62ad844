import 'reflect-metadata';
import { AUDIT_ENV, readEnv, vars } from '../../platform/config';
import { subgraphNamed } from '../../subgraphs/registry';
import { devDatabase, keptSecrets } from '../development/dev-env';
import { verifyAuditChain } from './audit-chain';

/**
 * `npm run --silent verify-audit -- --subgraph victims`: recomputes a subgraph's whole
 * audit chain with the chain key and checks it against every signed checkpoint. Prints
 * "valid" (then the counts) or the first broken sequence, and exits 1 when broken. Reads the
 * database at MONGODB_URI (else the embedded one of `npm start`, which must not be
 * running: give its MONGODB_URI instead) and the keys from the environment or .data/secrets.
 */
async function main() {
  const at = process.argv.indexOf('--subgraph');
  const name = at >= 0 ? process.argv[at + 1] : undefined;
  if (!name) throw new Error('usage: npm run --silent verify-audit -- --subgraph <name>');
  const { definition } = subgraphNamed(name);
  const { DB_NAME } = readEnv({ DB_NAME: vars.text('database name (default: the subgraph name)') });
  const keys = readEnv(AUDIT_ENV, keptSecrets());
  const db = await devDatabase(() => {});
  try {
    const status = await verifyAuditChain({ mongoUri: db.uri, dbName: DB_NAME ?? definition.name, subgraph: definition.name, keys });
    if (status.valid) console.log(`valid\n${status.events} links, ${status.checkpoints} signed checkpoints`);
    else console.log(`broken at sequence ${status.firstBrokenAt}`);
    process.exitCode = status.valid ? 0 : 1;
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
