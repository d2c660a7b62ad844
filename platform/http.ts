import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unavailable } from './errors';
import { wellFormedText } from './well-formed';
import { errorFields, requestLogging, type Logger } from './logging';
import type { ServiceMetrics } from './metrics';

/**
 * HTTP pieces shared by the gateway and every subgraph: the JSON body limit (413 past
 * it), health endpoints, error masking and the listen/stop lifecycle.
 */

export const MAX_BODY = '100kb';

export interface HealthChecks {
  /** 200 only when this returns an empty list; otherwise 503 naming what is not ready. */
  notReady: () => Promise<string[]>;
  /** The service's metrics, served at /metrics (platform/metrics.ts). */
  metrics?: ServiceMetrics;
  /** The service's logger: a line per request, with its request id (platform/logging.ts). */
  logger?: Logger;
}

export function createApp({ notReady, metrics, logger }: HealthChecks): Express {
  const app = express();
  app.disable('x-powered-by');
  // Before every route: the request id (X-Request-Id), the request's log line and metrics.
  if (logger) app.use(requestLogging(logger, metrics));
  if (metrics) {
    // No token and nothing personal (bounded labels), but for operators only: not to be exposed publicly.
    app.get('/metrics', async (_req, res) => {
      const { contentType, body } = await metrics.render();
      res.setHeader('Cache-Control', 'no-store');
      res.type(contentType).send(body);
    });
  }
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const problems = await notReady();
    res.status(problems.length === 0 ? 200 : 503).json({ status: problems.length === 0 ? 'ready' : 'not ready', problems });
  });
  return app;
}

const parseJson = express.json({ limit: MAX_BODY });

/** The JSON body (413 past the limit), and an answer no cache keeps: it may hold personal data. */
export const jsonBody: express.RequestHandler = (req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  parseJson(req, res, next);
};

/** Body-parser failures (too large, malformed JSON) as GraphQL-shaped errors, never a stack. */
export const httpErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' ? error.status : 500;
  const message =
    status === 413 ? `Request body is larger than ${MAX_BODY}` : status === 400 ? 'Request body is not valid JSON' : 'Internal server error';
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

// No landing page (it would load from a CDN), no federated tracing (cost, and it would
// ship timings of protected resolvers to the gateway), and no cache-control hints: answers
// hold personal data and are never cached (`Cache-Control: no-store`, jsonBody); without
// the plugin, Apollo does not wrap every field resolver to collect hints.
// And text that is not well-formed Unicode is refused by name before anything runs (well-formed.ts).
export const serverPlugins: ApolloServerPlugin[] = [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), wellFormedText];

/**
 * Errors that are ours (GraphQLError with a code we chose) go out as they are; anything
 * unexpected is answered with a bare message, so no internals leak (internalErrorLog
 * logs it).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.response) {
    // A subgraph answered with an HTTP error: keep its code, never its URL or body.
    const { response: _response, ...extensions } = formatted.extensions;
    return { ...formatted, extensions };
  }
  if (databaseUnavailable(error)) {
    const { message, extensions } = unavailable(DATABASE_UNAVAILABLE);
    return { message, path: formatted.path, locations: formatted.locations, extensions };
  }
  if (isInternal(error)) {
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

/**
 * The database client found no server or lost its connection (the database stopped,
 * restarted or failed over): the driver's errors of that kind, by name (platform code holds
 * no database client). Not the caller's fault nor a bug: SERVICE_UNAVAILABLE, logged as a
 * warning. A write that failed so may or may not have been stored (the connection may have
 * died after the database applied it): the message says to check before trying again.
 */
const DATABASE_DOWN = new Set([
  'MongoServerSelectionError', // no server within serverSelectionTimeoutMS (subgraphs/common/storage/db.ts)
  'MongooseServerSelectionError',
  'MongoNetworkError', // the connection died under the operation
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);
export const DATABASE_UNAVAILABLE = "This service's database is unavailable: ask again later (a change that failed so may or may not have been stored: check before repeating it)";

export function databaseUnavailable(error: unknown): boolean {
  const cause = unwrapResolverError(error) as (Error & { code?: unknown }) | undefined;
  if (!(cause instanceof Error)) return false;
  if (DATABASE_DOWN.has(cause.name)) return true;
  // A bulk write (insertMany) whose connection died: the driver wraps the connection's own
  // error (its `errorResponse`; a refused write has a plain reply there instead).
  const wrapped = (cause as { errorResponse?: unknown }).errorResponse;
  if (cause.name === 'MongoBulkWriteError' && wrapped instanceof Error) return databaseUnavailable(wrapped);
  // The driver (mongodb 7) lets a socket's own error through unwrapped when it writes a
  // command to a connection the database has just closed (EPIPE, seen killing it under load).
  return (cause.code === 'EPIPE' || cause.code === 'ECONNRESET') && /[\\/]mongodb[\\/]lib[\\/]cmap[\\/]/.test(cause.stack ?? '');
}

/** Not one of ours: no code we chose (Apollo answers it INTERNAL_SERVER_ERROR) and not a GraphQLError underneath. */
function isInternal(error: unknown): boolean {
  if (databaseUnavailable(error)) return false;
  const code = (error as GraphQLError | undefined)?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  return code === 'INTERNAL_SERVER_ERROR' && !(unwrapResolverError(error) instanceof GraphQLError);
}

/**
 * Logs every unexpected error (type, code and stack with the request's id: never its
 * message, see platform/logging.ts errorFields). A plugin rather than formatError, which
 * does not see the request: the id comes from the request's context, so no
 * AsyncLocalStorage (its promise hooks cost about a tenth of every request's CPU).
 */
export function internalErrorLog<C extends BaseContext>(logger: Logger, requestIdOf: (context: C) => string | undefined): ApolloServerPlugin<C> {
  const log = (error: unknown, requestId?: string, path?: ReadonlyArray<string | number>) =>
    logger.error({ ...(requestId ? { requestId } : {}), error: errorFields(unwrapResolverError(error)), ...(path ? { path } : {}) }, 'internal error');
  return {
    async contextCreationDidFail({ error }) {
      if (isInternal(error)) log(error);
    },
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          // One a subgraph answered (the gateway marks it with `serviceName`) was logged by that subgraph, with the same id.
          for (const error of errors) {
            if (isInternal(error) && !error.extensions?.serviceName) log(error, requestIdOf(contextValue), error.path);
            else if (databaseUnavailable(error)) logger.warn({ requestId: requestIdOf(contextValue), cause: unwrapResolverError(error) instanceof Error ? (unwrapResolverError(error) as Error).name : undefined, path: error.path }, 'database did not answer');
          }
        },
      };
    },
  };
}

export async function listen(app: Express, port: number, host: string): Promise<{ server: Server; port: number }> {
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use`) : error),
    );
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** How long a stopping service lets requests in flight finish. */
export const DRAIN_MS = 10_000;

/**
 * Stops accepting connections, closes the idle ones, lets requests in flight finish (at
 * most `drainMs`), then closes whatever is left.
 */
export async function close(server: Server, drainMs = DRAIN_MS): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection that finishes its request is closed instead of kept.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(deadline);
  }
}

/**
 * Runs a deployed service: starts it, stops it cleanly on SIGTERM/SIGINT (exit 0), and
 * turns a start failure into one line on stderr and exit 1.
 */
export function runService(label: string, start: () => Promise<{ url: string; stop(): Promise<void> }>): void {
  start()
    .then((running) => {
      console.log(`${label} at ${running.url}`);
      const stop = () => running.stop().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
