import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COUNTRY_CODES } from '../../platform/countries';
import { ROOT } from '../../platform/paths';
import { keyDirectoriesUnder, randomSecrets } from './dev-env';
import { loadOrCreateIssuer, type Issuer } from './dev-issuer';
import { hubClient, type HubClient } from './hub-client';
import { startSeparateHub, type SeparateHub } from './processes';

/**
 * The hub in separate processes, as deployed, for the fault tests (subgraph-down,
 * stopping, db-restart, through test/support/separate-hub.ts) and for `npm run chaos` and
 * `npm run soak`: free ports, databases of the caller's own (`<subgraph>_<label>_<random>`),
 * a test issuer trusted for every jurisdiction, and the children's output kept (its last
 * 4 MB, with a line for any exit the caller did not cause: a test reads every warning of a
 * run of a few minutes; the partners subgraph's polls alone once filled the 20,000
 * characters kept before, and a failed write's warning was lost).
 */
export interface FaultHub {
  hub: SeparateHub;
  client: HubClient;
  /** The issuer every service trusts (its tokens are the client's). */
  issuer: Issuer;
  /** The subgraphs' secrets and key directories (the audit keys verify their chains). */
  env: Record<string, string>;
  /** The database the services use. */
  mongoUri: string;
  /** The database name of one subgraph. */
  dbName(subgraph: string): string;
  /** What the services wrote, last part, with `UNEXPECTED EXIT <name>` for an exit the test did not cause. */
  output(): string;
  stop(): Promise<void>;
}

/** `mongoUri`: a database of the caller's own (one it kills and restarts); default MONGODB_URI (in jest, the shared one of the globalSetup). */
export async function startFaultHub(label: string, options: { mongoUri?: string } = {}): Promise<FaultHub> {
  const mongoUri = options.mongoUri ?? process.env.MONGODB_URI;
  if (!mongoUri) throw new Error('startFaultHub needs a database: give mongoUri or set MONGODB_URI');
  if (!existsSync(path.join(ROOT, 'dist', 'gateway', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const workDir = mkdtempSync(path.join(os.tmpdir(), `justice-hub-${label}-`));
  const issuer = await loadOrCreateIssuer(path.join(workDir, 'issuer'), 'https://idp.north.example', 'justice-hub', { jurisdictions: [...COUNTRY_CODES] });
  const suffix = randomBytes(3).toString('hex');
  const dbName = (name: string) => `${name}_${label}_${suffix}`;
  const OUTPUT_KEPT = 4_000_000;
  const chunks: string[] = [];
  let kept = 0;
  const keep = (text: string) => {
    chunks.push(text);
    kept += text.length;
    while (kept - chunks[0].length >= OUTPUT_KEPT) kept -= chunks.shift()!.length;
  };
  const env = { ...randomSecrets(), ...keyDirectoriesUnder(workDir) };
  const hub = await startSeparateHub({
    mongoUri,
    issuers: [issuer.trusted],
    env,
    freePorts: true,
    dbName,
    ratePerMinute: 1_000_000,
    logLevel: 'warn',
    output: (_name, chunk) => keep(chunk.toString()),
    onUnexpectedExit: (name, how) => keep(`\nUNEXPECTED EXIT ${name} (${how})`),
  }).catch((error) => {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  });
  return {
    hub,
    client: hubClient(hub.gateway.url, issuer),
    issuer,
    env,
    mongoUri,
    dbName,
    output: () => chunks.join(''),
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
