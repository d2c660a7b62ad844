import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningGateway } from '../../gateway/server';
import { decodeJwt } from 'jose';
import type { Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import type { RunningSubgraph } from '../../subgraphs/common/server';
import { loadOrCreateIssuer, type Issuer, type TokenClaims } from '../../scripts/development/dev-issuer';
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
export interface TestHub {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  /** Trusted regional issuers. */
  issuer: Issuer;
  secondIssuer: Issuer;
  /** The subgraphs' own variables (random secrets). */
  env: Record<string, string>;
  /** The clock of every subgraph: tests move it to reach expiry and deadlines. */
  clock: SettableClock;
  token(role: string, jurisdiction: string, extra?: Partial<TokenClaims>): Promise<string>;
  /** POST a GraphQL request to the gateway (or another URL); with a token, it states its role's first purpose unless `headers` say otherwise. */
  query(token: string | null, query: string, variables?: Record<string, unknown>, options?: { url?: string; headers?: Record<string, string>; signal?: AbortSignal }): Promise<GraphQLResponse>;
  /** The same, with a fresh token of the north issuer for `role` in `jurisdiction`. */
  queryAs(role: string, jurisdiction: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Starts one more instance of a subgraph on the same database (as another process would). */
  startReplica(name: string, options?: { monitorCommands?: boolean }): Promise<RunningSubgraph>;
  stop(): Promise<void>;
}

export interface GraphQLResponse {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> };
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
  } = {},
): Promise<TestHub> {
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) throw new Error('MONGODB_URI is not set: the jest global setup starts the embedded database');
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-keys-'));
  // North speaks for every jurisdiction; south only for its own region, some roles, and access tokens typed "at+jwt".
  const issuer = await loadOrCreateIssuer(path.join(keysDir, 'north'), 'https://idp.north.example', 'justice-hub', { jurisdictions: [...COUNTRY_CODES] });
  const secondIssuer = await loadOrCreateIssuer(path.join(keysDir, 'south'), 'https://idp.south.example', 'justice-hub-south', SOUTH_SCOPE);
  const issuers = [issuer.trusted, secondIssuer.trusted];
  const env = { ...randomSecrets(), ...keyDirectoriesUnder(keysDir), ...options.env };
  const clock = new SettableClock();
  const runId = randomBytes(4).toString('hex');
  const dbName = (name: string) => `${name}_test_${runId}`;

  const local = await startLocalHub({ mongoUri, issuers, env, clock, freePorts: true, dbName, monitorCommands: options.monitorCommands, registry: options.registry, ratePerMinute: options.ratePerMinute ?? 100_000, logLevel: options.logLevel ?? process.env.LOG_LEVEL ?? 'warn', logDestination: options.logDestination });
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

/** What a client of the hub does: mint tokens of the test issuer and ask the gateway at `url`, as `TestHub` does. */
export type HubClient = Pick<TestHub, 'token' | 'query' | 'queryAs'>;

export function hubClient(url: string, issuer: Issuer): HubClient {
  const client: HubClient = {
    token: (role, jurisdiction, extra = {}) => issuer.sign({ role, jurisdiction, ...extra }),
    async query(token, query, variables, { url: to, headers, signal } = {}) {
      const res = await fetch(to ?? url, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}`, 'x-purpose': defaultPurpose(token) } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
    },
    async queryAs(role, jurisdiction, query, variables) {
      return client.query(await issuer.sign({ role, jurisdiction }), query, variables);
    },
  };
  return client;
}

/**
 * Unless a test says otherwise (`x-purpose` in its headers, '' for none), a request
 * states the first purpose its role may state.
 */
function defaultPurpose(token: string): string {
  const { role } = decodeJwt(token) as { role?: Role };
  return (role && PURPOSES_BY_ROLE[role]?.[0]) ?? '';
}

/** The codes of the errors in a response, by dotted path (`victim.legalName` → FORBIDDEN). */
export function errorCodes(body: GraphQLResponse['body']): Record<string, string> {
  return Object.fromEntries((body.errors ?? []).map((e) => [(e.path ?? []).join('.'), e.extensions?.code]));
}
