import 'reflect-metadata';
import { readEnv, vars } from '../../platform/config';
import { openDevEnvironment } from './dev-env';
import { startLocalHub } from './local-hub';
import { seedHub } from './seed';

// `npm start`: the whole hub on one machine — database, every subgraph, the gateway,
// demo data on first run. Each service still listens on its own port and verifies
// every token itself, exactly as when deployed apart.
async function main() {
  const env = await openDevEnvironment();
  await seedHub(env.mongoUri, env.settings);

  const hub = await startLocalHub({
    mongoUri: env.mongoUri,
    issuers: env.issuers,
    env: env.settings,
    gatewayPort: readEnv({ PORT: vars.port('port of the gateway (default 4000)') }).PORT,
  });
  const { gateway } = hub;
  const subgraphs = Object.values(hub.subgraphs);

  console.log(`
Justice Hub is running.
  gateway     ${gateway.url}   (health: /health, readiness: /ready)
${subgraphs.map((s) => `  ${s.name.padEnd(11)} ${s.url}`).join('\n')}

Mint a development token (trusted by this hub only):
  TOKEN=$(npm run --silent token -- --role social_worker --jurisdiction DE)

Ask the hub:
  curl -s ${gateway.url} -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H 'X-Purpose: CASE_MANAGEMENT' \\
    -d '{"query":"{ victims(first: 3) { edges { node { caseReference status legalName } } } }"}'

Stop with Ctrl-C.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await hub.stop();
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
