import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import { Agent, fetch as undiciFetch } from 'undici';
import { TokenVerifier, type TrustedIssuer } from '../platform/auth';
import { purposeFrom } from '../platform/purposes';
import { close, createApp, formatError, httpErrors, jsonBody, listen, serverPlugins } from '../platform/http';
import { requestLimits } from '../platform/limits';
import { DEFAULT_RATE_PER_MINUTE, perCallerRateLimit } from '../platform/rate-limit';
import { forwardPublished, PUBLISHED } from './published';

/**
 * The request pipeline, in order: body limit (413) → token verification (401 on a bad
 * token; anonymous callers reach public fields only) → graphql-armor limits → query plan
 * → subgraphs, each called with the caller's own token and purpose (they verify again).
 * Besides: documents subgraphs publish (keys, signed lists), forwarded by path (published.ts).
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
}

interface GatewayContext {
  authorization?: string;
  purpose: string | null;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const host = options.host ?? '127.0.0.1';
  const verifier = new TokenVerifier(options.issuers);
  // Keep-alive pool to the subgraphs: opening a connection per subgraph fetch was the
  // gateway's main cost.
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
  const fetcher = ((url: string, init: any) => undiciFetch(url, { ...init, dispatcher: agent })) as any;
  const subgraphUrls = new Map<string, string>();

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService({ name, url }) {
      const target = options.subgraphUrls?.[name] ?? url!;
      subgraphUrls.set(name, target);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url: target,
        fetcher,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http!.headers.set('authorization', context.authorization);
          if (context.purpose) request.http!.headers.set('x-purpose', context.purpose);
        },
      });
    },
  });

  const limits = requestLimits();
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [...serverPlugins, ...limits.plugins],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // our main() stops the HTTP server, then Apollo, then exits 0
    formatError,
  });
  await server.start();

  const app = createApp({
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
  app.use(
    '/graphql',
    perCallerRateLimit(options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE),
    jsonBody,
    expressMiddleware(server, {
      context: async ({ req }) => {
        // Verified here to fail fast; every subgraph verifies the same token again.
        const caller = await verifier.verify(req.headers.authorization);
        return { authorization: req.headers.authorization, purpose: purposeFrom(req.headers['x-purpose'], caller?.role ?? null) };
      },
    }),
  );
  const publishedLimit = perCallerRateLimit(options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE);
  for (const [prefix, subgraph] of Object.entries(PUBLISHED)) {
    app.get(`${prefix}*rest`, publishedLimit, (req, res) => forwardPublished(req.path, prefix, subgraphUrls.get(subgraph), agent, res));
  }
  app.use(httpErrors);
  const { server: http, port } = await listen(app, options.port, host);

  return {
    url: `http://${host}:${port}/graphql`,
    port,
    async stop() {
      await close(http);
      await server.stop();
      await agent.close();
    },
  };
}
