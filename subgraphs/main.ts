import 'reflect-metadata';
import { serviceEnv } from './common/config';
import { startSubgraph } from './common/server';
import { subgraphNamed } from './registry';

// One deployed subgraph: `node dist/subgraphs/main.js victims` (see docker-compose.yml).
async function main() {
  const name = process.argv[2];
  if (!name) throw new Error('usage: node dist/subgraphs/main.js <subgraph name>');
  const entry = subgraphNamed(name);
  const env = serviceEnv();
  const running = await startSubgraph(entry.define({ identityKey: env.identityKey }), {
    port: env.port ?? entry.port,
    host: process.env.HOST ?? '0.0.0.0',
    mongoUri: env.mongoUri,
    issuers: env.issuers,
  });
  console.log(`${name} subgraph at ${running.url}`);
  const stop = () => running.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
