import 'reflect-metadata';
import { readEnv, SUBGRAPH_ENV } from '../platform/config';
import { runService } from '../platform/http';
import { startSubgraph } from './common/server';
import { auditDirectoryFor, erasureFollowersFor, subgraphNamed, SUBGRAPHS } from './registry';

// One deployed subgraph: `node dist/subgraphs/main.js victims` (see docker-compose.yml).
const name = process.argv[2] ?? '';
runService(`${name} subgraph`, async () => {
  if (!name) throw new Error('usage: node dist/subgraphs/main.js <subgraph name>');
  const entry = subgraphNamed(name);
  const { definition, port } = entry;
  const env = readEnv(SUBGRAPH_ENV);
  return startSubgraph(definition, {
    port: env.PORT ?? port,
    host: env.HOST ?? '0.0.0.0',
    mongoUri: env.MONGODB_URI,
    issuers: env.TRUSTED_ISSUERS,
    dbName: env.DB_NAME, // default: the subgraph's name
    env: process.env,
    consentServiceUrl: env.CONSENT_SERVICE_URL,
    // Another subgraph asked on a caller's behalf: <NAME>_SERVICE_URL, e.g. PROCEEDINGS_SERVICE_URL.
    peerUrl: (service) => process.env[`${service.toUpperCase().replace(/-/g, '_')}_SERVICE_URL`],
    auditDirectory: auditDirectoryFor(entry),
    // The victims subgraph nudges these after an erasure, at <NAME>_SERVICE_URL (best effort: they poll).
    erasureFollowers: erasureFollowersFor(entry),
    subgraphs: SUBGRAPHS.map((s) => s.definition.name),
  });
});
