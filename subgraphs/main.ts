import 'reflect-metadata';
import { serviceEnv } from './common/config';
import { runService } from './common/http';
import { startSubgraph } from './common/server';
import { subgraphNamed } from './registry';

// One deployed subgraph: `node dist/subgraphs/main.js victims` (see docker-compose.yml).
const name = process.argv[2] ?? '';
runService(`${name} subgraph`, async () => {
  if (!name) throw new Error('usage: node dist/subgraphs/main.js <subgraph name>');
  const entry = subgraphNamed(name);
  const env = serviceEnv();
  return startSubgraph(entry.define({ identityKey: env.identityKey }), {
    port: env.port ?? entry.port,
    host: process.env.HOST ?? '0.0.0.0',
    mongoUri: env.mongoUri,
    issuers: env.issuers,
    dbName: process.env.DB_NAME, // default: the subgraph's name
  });
});
