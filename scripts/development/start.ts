import 'reflect-metadata';
import { readEnv, vars } from '../../platform/config';
import { openDevEnvironment } from './dev-env';
import { startLocalHub } from './local-hub';
import { startSeparateHub, topologyOf } from './processes';
import { seedHub } from './seed';

// `npm start`: the whole hub on one machine — database, every subgraph, the gateway,
// demo data on first run. Each service still listens on its own port and verifies
// every token itself, exactly as when deployed apart. In one Node process by default;
// with `--processes` (or HUB_PROCESSES=separate) each service in its own (processes.ts).
async function main() {
  const topology = topologyOf(process.argv.slice(2), process.env);
  const env = await openDevEnvironment();
  await seedHub(env.mongoUri, env.settings);

  const options = {
    mongoUri: env.mongoUri,
    issuers: env.issuers,
    env: env.settings,
    gatewayPort: readEnv({ PORT: vars.port('port of the gateway (default 4000)') }).PORT,
  };
  const hub =
    topology === 'separate'
      ? await startSeparateHub({
          ...options,
          // The message naming the service is printed already: stop the database too, and fail.
          onUnexpectedExit: () => void env.stop().finally(() => process.exit(1)),
        }).catch(async (error) => {
          await env.stop();
          throw error;
        })
      : await startLocalHub(options);
  const { gateway } = hub;
  const subgraphs = Object.values(hub.subgraphs);

  console.log(`
Justice Hub is running (${topology === 'separate' ? 'each service in its own process' : 'in one process'}).
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
