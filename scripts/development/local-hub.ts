import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TrustedIssuer } from '../../platform/auth';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/common/server';
import type { RawEnv } from '../../platform/config';
import type { Clock } from '../../subgraphs/common/clock';
import { auditDirectoryFor, erasureFollowersFor, subgraphNamed, SUBGRAPHS, type RegistryEntry } from '../../subgraphs/registry';
import { composeSupergraph } from './compose';
import { GATEWAY_PORT, startGateway, type RunningGateway } from '../../gateway/server';
import { SCHEMA_DIR } from '../../platform/paths';
import type { DestinationStream } from '../../platform/logging';

/**
 * Every subgraph and the gateway in one process, each on its own port and verifying
 * every token itself, as when deployed apart. Used by `npm start`, the tests and the
 * benchmark.
 */
export interface LocalHubOptions {
  mongoUri: string;
  issuers: TrustedIssuer[];
  /** The subgraphs' own variables (each definition's `env`), e.g. their secrets. */
  env: RawEnv;
  clock?: Clock;
  /** Fixed ports (4000, 4001, …) or free ones (tests, benchmark). */
  freePorts?: boolean;
  gatewayPort?: number;
  dbName?: (subgraph: string) => string;
  monitorCommands?: boolean;
  /** Another set of subgraphs (tests): composed in memory instead of schema/supergraph.graphql. */
  registry?: RegistryEntry[];
  /** The gateway's requests a minute per caller. */
  ratePerMinute?: number;
  /** Every service's log level (default LOG_LEVEL, else info) and where their JSON lines go (default stdout). */
  logLevel?: string;
  logDestination?: DestinationStream;
}

export interface LocalHub {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  startSubgraphInstance(name: string, options?: { monitorCommands?: boolean }): Promise<RunningSubgraph>;
  stop(): Promise<void>;
}

export async function startLocalHub(options: LocalHubOptions): Promise<LocalHub> {
  const registry = options.registry ?? SUBGRAPHS;
  const extra: RunningSubgraph[] = [];
  const startInstance = (name: string, port: number, monitorCommands = options.monitorCommands) => {
    const entry = subgraphNamed(name, registry);
    return startSubgraph(entry.definition, {
      auditDirectory: auditDirectoryFor(entry, registry),
      erasureFollowers: erasureFollowersFor(entry, registry),
      subgraphs: registry.map((s) => s.definition.name),
      port,
      env: options.env,
      clock: options.clock,
      consentServiceUrl: subgraphs.victims?.url, // victims is first in the registry
      peerUrl: (service: string) => subgraphs[service]?.url,
      mongoUri: options.mongoUri,
      issuers: options.issuers,
      dbName: options.dbName?.(name),
      monitorCommands,
      logLevel: options.logLevel,
      logDestination: options.logDestination,
    });
  };
  const subgraphs: Record<string, RunningSubgraph> = {};
  for (const { definition, port } of registry) subgraphs[definition.name] = await startInstance(definition.name, options.freePorts ? 0 : port);
  const gateway = await startGateway({
    port: options.gatewayPort ?? (options.freePorts ? 0 : GATEWAY_PORT),
    supergraphSdl: options.registry
      ? (await composeSupergraph(options.registry))['schema/supergraph.graphql']
      : readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    issuers: options.issuers,
    ratePerMinute: options.ratePerMinute,
    logLevel: options.logLevel,
    logDestination: options.logDestination,
    explorer: { devTokens: true }, // the explorer page, with how to mint a development token
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
    // Where the training subgraph says its bodies publish (the credentials' ids are its /verify pages).
    publicOrigin: options.env.PUBLIC_ORIGIN ?? options.env.ACCREDITATION_PUBLIC_URL,
  });
  return {
    gateway,
    subgraphs,
    async startSubgraphInstance(name, instanceOptions = {}) {
      const instance = await startInstance(name, 0, instanceOptions.monitorCommands);
      extra.push(instance);
      return instance;
    },
    async stop() {
      await gateway.stop();
      for (const s of [...extra, ...Object.values(subgraphs)]) await s.stop();
    },
  };
}
