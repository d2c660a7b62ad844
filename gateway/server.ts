import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import { Agent, fetch as undiciFetch } from 'undici';
import { TokenVerifier, type TrustedIssuer } from '../platform/auth';
import { purposeFrom } from '../platform/purposes';
import { close, createApp, formatError, httpErrors, internalErrorLog, jsonBody, listen, serverPlugins } from '../platform/http';
import { createLogger, noteCaller, requestIdOf, type DestinationStream } from '../platform/logging';
import { ServiceMetrics } from '../platform/metrics';
import { requestLimits } from '../platform/limits';
import { DEFAULT_RATE_PER_MINUTE, perCallerRateLimit, verifiedCaller } from '../platform/rate-limit';
import { forwardPublished, PUBLISHED } from './published';
import { trustedDocuments, type TrustedDocumentsOptions } from './trusted-documents';
import { mountExplorer, type ExplorerOptions } from './explorer';
import { indicatorDownloads, indicatorFieldsOf, type RunAsCaller } from './indicators';
import { mountIndicatorPage } from './indicators-page';
import { mountVerificationPage } from './verify-page';
import { subgraphFetcher } from './subgraph-fetch';
import { oneErrorPerUnavailableService, unavailableService } from './unavailable';

/**
 * The request pipeline, in order: body limit (413) → trusted documents when enforced
 * (403 for an unregistered document, trusted-documents.ts) → token verification (401 on a bad
 * token; anonymous callers reach public fields only) → registered hash resolved, or the
 * unregistered counted in audit mode → limits (depth, aliases…; cost by the caller's budget, platform/limits.ts) → query plan
 * → subgraphs, each called with the caller's own token and purpose (they verify again); one
 * that does not answer leaves its fields null with one SERVICE_UNAVAILABLE naming it (unavailable.ts).
 * Besides: documents subgraphs publish (keys, signed lists), forwarded by path (published.ts);
 * the regional indicators as CSV/JSON and a page at /indicators, each download one query run
 * through this same pipeline as its caller (indicators.ts, indicators-page.ts); a certificate's
 * status page and printable PDF at /verify/<code> (verify-page.ts).
 */

export const GATEWAY_PORT = 4000;

export interface GatewayOptions {
  port: number;
  host?: string;
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  issuers: TrustedIssuer[];
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Requests a minute per caller (default DEFAULT_RATE_PER_MINUTE). */
  ratePerMinute?: number;
  /** Registered operations only (gateway/trusted-documents.ts): mode `off` (default), `audit` or `enforce`, manifests' directory. */
  trustedDocuments?: TrustedDocumentsOptions;
  /** The explorer page at `/` (gateway/explorer.ts); off when absent. */
  explorer?: ExplorerOptions;
  /** Log level (default LOG_LEVEL, else info) and where the JSON lines go (default stdout; tests collect them). */
  logLevel?: string;
  logDestination?: DestinationStream;
  /** The hub's public origin, for the links printed certificates carry (verify-page.ts); default DEFAULT_PUBLIC_ORIGIN. */
  publicOrigin?: string;
}

export const DEFAULT_PUBLIC_ORIGIN = 'http://localhost:4000';

interface GatewayContext {
  authorization?: string;
  /** A token was sent and verified: the cost limit is the authenticated one. */
  verified: boolean;
  purpose: string | null;
  /** This request's id (X-Request-Id), passed to every subgraph it calls. */
  requestId?: string;
  /** The client's Idempotency-Key, passed on: the subgraph that runs a mutation answers a retry once (subgraphs/common/idempotency.ts). */
  idempotencyKey?: string;
  /** An operation the gateway wrote itself (an indicator download), not a client's document: trusted documents let it run. */
  ownOperation?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Served at /metrics. */
  metrics: ServiceMetrics;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const host = options.host ?? '127.0.0.1';
  const verifier = new TokenVerifier(options.issuers);
  // Keep-alive pool to the subgraphs: opening a connection per subgraph fetch was the
  // gateway's main cost.
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
  const fetcher = subgraphFetcher(agent);
  const subgraphUrls = new Map<string, string>();
  const metrics = new ServiceMetrics('gateway');
  const logger = createLogger('gateway', { level: options.logLevel, destination: options.logDestination });

  // @apollo/gateway otherwise reports anonymous usage metrics to Apollo and, to describe
  // its host, probes cloud metadata addresses (169.254.169.254): no traffic of a justice
  // deployment leaves for a vendor (test/loopback.test.ts watches every connection).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService({ name, url }) {
      const target = options.subgraphUrls?.[name] ?? url!;
      subgraphUrls.set(name, target);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url: target,
        // The router guarantee (docs/deployment.md "Any router in front of the subgraphs"):
        // every caller's request reaches the subgraph that decides it, which checks that
        // caller's token and writes that caller's audit event. So nothing here merges,
        // caches or replays a subgraph request across callers: no APQ round trip, and a
        // subgraph's Cache-Control never makes an answer cacheable (both stated, not left
        // to defaults); the fetcher sends every call (gateway/subgraph-fetch.ts).
        // test/router-guarantee.test.ts counts N requests in, N at the subgraph, N audited.
        apq: false,
        honorSubgraphCacheControlHeader: false,
        fetcher: metrics.timedFetcher(name, fetcher) as any, // latency and failures per subgraph (a Response in the parts the data source reads)
        willSendRequest({ request, context }) {
          if (context.authorization) request.http!.headers.set('authorization', context.authorization);
          if (context.purpose) request.http!.headers.set('x-purpose', context.purpose);
          if (context.requestId) request.http!.headers.set('x-request-id', context.requestId);
          if (context.idempotencyKey !== undefined) request.http!.headers.set('idempotency-key', context.idempotencyKey);
        },
        didReceiveResponse({ response }) {
          if (response.errors?.length) metrics.subgraphErrors(name);
          return response;
        },
        // Not answering (down, restarting): SERVICE_UNAVAILABLE naming it, the rest of the query answered (unavailable.ts).
        didEncounterError: unavailableService(name, logger),
      });
    },
  });

  const limits = requestLimits({ verified: (ctx: GatewayContext) => ctx.verified });
  // Before the limits: a registered hash becomes its document; audit counts the rest (enforce refuses it in trusted.middleware).
  const trusted = trustedDocuments(options.trustedDocuments);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [...serverPlugins, internalErrorLog<GatewayContext>(logger, (ctx) => ctx.requestId), oneErrorPerUnavailableService<GatewayContext>(), ...trusted.plugins, ...limits.plugins],
    ...(trusted.persistedQueries === false ? { persistedQueries: false as const } : {}),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // our main() stops the HTTP server, then Apollo, then exits 0
    formatError,
  });
  await server.start();

  const app = createApp({
    metrics,
    logger,
    notReady: async () => {
      const problems: string[] = [];
      if (subgraphUrls.size === 0) problems.push('supergraph not loaded');
      await Promise.all(
        [...subgraphUrls].map(async ([name, url]) => {
          try {
            const res = await undiciFetch(new URL('/ready', url), { dispatcher: agent, signal: AbortSignal.timeout(2_000) });
            await res.body?.cancel();
            if (res.status !== 200) problems.push(`subgraph ${name} not ready`);
          } catch {
            problems.push(`subgraph ${name} unreachable`);
          }
        }),
      );
      return problems;
    },
  });
  if (options.explorer) mountExplorer(app, options.explorer);
  app.use(
    '/graphql',
    perCallerRateLimit(options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE, verifier), // counts verified callers; the rest by address
    jsonBody,
    ...trusted.middleware, // enforce: what is not registered is refused here, before the token and parsing
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        // Verified once for the rate limit and here (401 when it failed); every subgraph verifies the same token again.
        const caller = await verifiedCaller(verifier, req);
        noteCaller(res, caller); // role and jurisdiction for the request's log line
        return { authorization: req.headers.authorization, verified: caller !== null, purpose: purposeFrom(req.headers['x-purpose'], caller?.role ?? null), requestId: requestIdOf(res), idempotencyKey: req.get('idempotency-key') };
      },
    }),
  );
  // The indicator downloads and page (gateway/indicators.ts): one operation each, run through this pipeline as the caller.
  const runAsCaller: RunAsCaller = async (req, res, query, variables) => {
    const caller = await verifiedCaller(verifier, req); // a bad token: 401, as at /graphql
    noteCaller(res, caller);
    const contextValue: GatewayContext = { authorization: req.headers.authorization, verified: caller !== null, purpose: purposeFrom(req.headers['x-purpose'], caller?.role ?? null), requestId: requestIdOf(res), ownOperation: true };
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('an indicator download is answered in one piece');
    return response.body.singleResult;
  };
  const indicatorFields = indicatorFieldsOf(options.supergraphSdl);
  mountIndicatorPage(app, { fields: indicatorFields, downloads: indicatorDownloads(indicatorFields, runAsCaller), run: runAsCaller, limit: perCallerRateLimit(options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE, verifier) });
  // A certificate's status page and printable PDF (verify-page.ts): the public verifyCertificate, run with no token.
  mountVerificationPage(app, {
    publicOrigin: options.publicOrigin ?? DEFAULT_PUBLIC_ORIGIN,
    limit: perCallerRateLimit(options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE, verifier),
    runPublic: async (res, query, variables) => {
      const contextValue: GatewayContext = { verified: false, purpose: null, requestId: requestIdOf(res), ownOperation: true };
      const response = await server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('a verification is answered in one piece');
      return response.body.singleResult as never;
    },
  });
  const publishedLimit = perCallerRateLimit(options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE, verifier);
  for (const [prefix, subgraph] of Object.entries(PUBLISHED)) {
    app.get(`${prefix}*rest`, publishedLimit, (req, res) => forwardPublished(req.path, prefix, subgraphUrls.get(subgraph), agent, res));
  }
  app.use(httpErrors);
  const { server: http, port } = await listen(app, options.port, host);

  return {
    url: `http://${host}:${port}/graphql`,
    port,
    metrics,
    async stop() {
      await close(http);
      await server.stop();
      await agent.close();
      metrics.stop();
    },
  };
}
