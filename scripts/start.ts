import 'reflect-metadata';
import path from 'node:path';
import { connectDatabase } from '../subgraphs/common/db';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/common/server';
import { GATEWAY_PORT, SUBGRAPHS } from '../subgraphs/registry';
import { startGateway } from '../gateway/server';
import { openDevEnvironment } from './dev-env';
import { SCHEMA_DIR } from './paths';
import { seedDemoData } from './seed';

// `npm start`: the whole hub on one machine — database, every subgraph, the gateway,
// demo data on first run. Each service still listens on its own port and verifies
// every token itself, exactly as when deployed apart.
async function main() {
  const env = await openDevEnvironment();
  const seedConnection = await connectDatabase(env.mongoUri, 'victims');
  await seedDemoData(seedConnection, env.identityKey);
  await seedConnection.close();

  const subgraphs: RunningSubgraph[] = [];
  for (const entry of SUBGRAPHS) {
    subgraphs.push(
      await startSubgraph(entry.define({ identityKey: env.identityKey }), { port: entry.port, mongoUri: env.mongoUri, issuers: env.issuers }),
    );
  }
  const gateway = await startGateway({
    port: Number(process.env.PORT ?? GATEWAY_PORT),
    supergraphPath: path.join(SCHEMA_DIR, 'supergraph.graphql'),
    issuers: env.issuers,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
  });

  console.log(`
Justice Hub is running.
  gateway     ${gateway.url}   (health: /health, readiness: /ready)
${subgraphs.map((s) => `  ${s.name.padEnd(11)} ${s.url}`).join('\n')}

Mint a development token (trusted by this hub only):
  TOKEN=$(npm run --silent token -- --role social_worker --jurisdiction DE)

Ask the hub:
  curl -s ${gateway.url} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
    -d '{"query":"{ victims(first: 3) { edges { node { caseReference status legalName } } } }"}'

Stop with Ctrl-C.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await gateway.stop();
    for (const s of subgraphs) await s.stop();
    await env.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
