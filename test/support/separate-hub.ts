import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COUNTRY_CODES } from '../../platform/countries';
import { ROOT } from '../../platform/paths';
import { keyDirectoriesUnder, randomSecrets } from '../../scripts/development/dev-env';
import { loadOrCreateIssuer } from '../../scripts/development/dev-issuer';
import { startSeparateHub, type SeparateHub } from '../../scripts/development/processes';
import { hubClient, type HubClient } from './hub';

/**
 * The hub in separate processes, as deployed, for the fault tests (subgraph-down,
 * stopping): free ports, databases of the test's own (`<subgraph>_<label>_<random>`), a
 * test issuer trusted for every jurisdiction, and the children's output kept (its last
 * 20,000 characters) with a line for any exit the test did not cause.
 */
export interface FaultHub {
  hub: SeparateHub;
  client: HubClient;
  /** The database name of one subgraph. */
  dbName(subgraph: string): string;
  /** What the services wrote, last part, with `UNEXPECTED EXIT <name>` for an exit the test did not cause. */
  output(): string;
  stop(): Promise<void>;
}

/** `mongoUri`: a database of the test's own (one it kills and restarts); default the shared one of the jest globalSetup. */
export async function startFaultHub(label: string, options: { mongoUri?: string } = {}): Promise<FaultHub> {
  if (!existsSync(path.join(ROOT, 'dist', 'gateway', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const workDir = mkdtempSync(path.join(os.tmpdir(), `justice-hub-${label}-`));
  const issuer = await loadOrCreateIssuer(path.join(workDir, 'issuer'), 'https://idp.north.example', 'justice-hub', { jurisdictions: [...COUNTRY_CODES] });
  const suffix = randomBytes(3).toString('hex');
  const dbName = (name: string) => `${name}_${label}_${suffix}`;
  let output = '';
  const hub = await startSeparateHub({
    mongoUri: options.mongoUri ?? process.env.MONGODB_URI!,
    issuers: [issuer.trusted],
    env: { ...randomSecrets(), ...keyDirectoriesUnder(workDir) },
    freePorts: true,
    dbName,
    ratePerMinute: 1_000_000,
    logLevel: 'warn',
    output: (_name, chunk) => void (output = (output + chunk.toString()).slice(-20_000)),
    onUnexpectedExit: (name, how) => void (output += `\nUNEXPECTED EXIT ${name} (${how})`),
  }).catch((error) => {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  });
  return {
    hub,
    client: hubClient(hub.gateway.url, issuer),
    dbName,
    output: () => output,
    async stop() {
      await hub.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** A service's /health, /ready or /metrics URL from its GraphQL URL. */
export const serviceUrl = (graphqlUrl: string, endpoint: '/health' | '/ready' | '/metrics') => graphqlUrl.replace(/\/graphql$/, endpoint);

/** GraphQL requests a service has received and not yet answered, from its own /metrics (hub_graphql_requests_in_flight). */
export async function requestsInFlight(graphqlUrl: string): Promise<number> {
  const text = await (await fetch(serviceUrl(graphqlUrl, '/metrics'))).text();
  const value = /^hub_graphql_requests_in_flight(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error('hub_graphql_requests_in_flight is not in the metrics');
  return Number(value);
}

/** Whether a service accepts connections (any HTTP answer at /health). */
export const accepts = (graphqlUrl: string) => fetch(serviceUrl(graphqlUrl, '/health')).then(() => true, () => false);
