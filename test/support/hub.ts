import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningGateway } from '../../gateway/server';
import type { Role } from '../../platform/auth';
import type { RunningSubgraph } from '../../subgraphs/common/server';
import { loadOrCreateIssuer, type Issuer } from '../../scripts/development/dev-issuer';
import { hubClient, type GraphQLResponse, type HubClient } from '../../scripts/development/hub-client';
import { COUNTRY_CODES } from '../../platform/countries';
import { keyDirectoriesUnder, randomSecrets } from '../../scripts/development/dev-env';
import { startLocalHub } from '../../scripts/development/local-hub';
import { SettableClock } from '../../subgraphs/common/clock';
import type { RegistryEntry } from '../../subgraphs/registry';
import type { DestinationStream } from '../../platform/logging';

/** What the second test issuer may assert. */
export const SOUTH_SCOPE = { jurisdictions: ['IT', 'GR', 'ES', 'PT'], roles: ['judge', 'prosecutor', 'auditor'] as Role[], typ: 'at+jwt' };

/**
 * A whole hub for one test file: every subgraph and the gateway on free ports over real
 * HTTP, databases of its own in the embedded database, and two trusted token issuers.
 */
export interface TestHub extends HubClient {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  /** Trusted regional issuers. */
  issuer: Issuer;
  secondIssuer: Issuer;
  /** The subgraphs' own variables (random secrets). */
  env: Record<string, string>;
  /** The clock of every subgraph: tests move it to reach expiry and deadlines. */
  clock: SettableClock;
  /** Starts one more instance of a subgraph on the same database (as another process would). */
  startReplica(name: string, options?: { monitorCommands?: boolean }): Promise<RunningSubgraph>;
  stop(): Promise<void>;
}

export async function startHub(
  options: {
    monitorCommands?: boolean;
    registry?: RegistryEntry[];
    ratePerMinute?: number;
    env?: Record<string, string>;
    /** Every service's log level: default LOG_LEVEL, else warn (a line per request would drown the test output). */
    logLevel?: string;
    /** Where every service's JSON log lines go (default stdout): a test collects them. */
    logDestination?: DestinationStream;
    /** The gateway's port (default: a free one), for a test that must name the hub's public address before it starts. */
    gatewayPort?: number;
  } = {},
): Promise<TestHub> {
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) throw new Error('MONGODB_URI is not set: the jest global setup starts the embedded database');
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-keys-'));
  // North speaks for every jurisdiction; south only for its own region, some roles, and access tokens typed "at+jwt".
  const issuer = await loadOrCreateIssuer(path.join(keysDir, 'north'), 'https://idp.north.example', 'justice-hub', { jurisdictions: [...COUNTRY_CODES] });
  const secondIssuer = await loadOrCreateIssuer(path.join(keysDir, 'south'), 'https://idp.south.example', 'justice-hub-south', SOUTH_SCOPE);
  const issuers = [issuer.trusted, secondIssuer.trusted];
  // Background jobs (webhook delivery, deadline scans) run once at start and then rarely, so
  // a test that counts a request's database commands sees only the request's; a test of
  // the jobs themselves asks for them often (test/webhooks.test.ts).
  const env = { ...randomSecrets(), ...keyDirectoriesUnder(keysDir), WEBHOOK_POLL_MS: '600000', EVENT_SCAN_SECONDS: '3600', ...options.env };
  const clock = new SettableClock();
  const runId = randomBytes(4).toString('hex');
  const dbName = (name: string) => `${name}_test_${runId}`;

  const local = await startLocalHub({ mongoUri, issuers, env, clock, freePorts: true, gatewayPort: options.gatewayPort, dbName, monitorCommands: options.monitorCommands, registry: options.registry, ratePerMinute: options.ratePerMinute ?? 100_000, logLevel: options.logLevel ?? process.env.LOG_LEVEL ?? 'warn', logDestination: options.logDestination });
  const { gateway, subgraphs } = local;

  const hub: TestHub = {
    gateway,
    subgraphs,
    issuer,
    secondIssuer,
    env,
    clock,
    ...hubClient(gateway.url, issuer),
    async startReplica(name, replicaOptions = {}) {
      return local.startSubgraphInstance(name, replicaOptions);
    },
    async stop() {
      for (const s of Object.values(subgraphs)) await s.connection.dropDatabase().catch(() => {});
      await local.stop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
  return hub;
}

export { hubClient, type GraphQLResponse, type HubClient } from '../../scripts/development/hub-client';

/** The codes of the errors in a response, by dotted path (`victim.legalName` → FORBIDDEN). */
export function errorCodes(body: GraphQLResponse['body']): Record<string, string> {
  return Object.fromEntries((body.errors ?? []).map((e) => [(e.path ?? []).join('.'), e.extensions?.code]));
}
