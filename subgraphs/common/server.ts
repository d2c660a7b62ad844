import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Connection } from 'mongoose';
import { TokenVerifier, type TrustedIssuer } from '../../platform/auth';
import { purposeFrom } from '../../platform/purposes';
import { DEFAULT_REGIONS } from '../../platform/regions';
import { ServiceTokens } from '../../platform/service-tokens';
import { AUDIT_ENV, ERASURE_ENV, EVENTS_ENV, IDEMPOTENCY_ENV, REGION_ENV, readEnv, type EnvOf, type EnvShape, type RawEnv } from '../../platform/config';
import { auditJwks, auditKeys, DEFAULT_CHECKPOINTS } from './audit-checkpoints';
import { AuditLog, RequestAudit } from './audit';
import type { AuditedService } from './audit-api';
import { systemClock, type Clock } from './clock';
import { CONSENT_ASKERS } from './access';
import { remoteConsents, type ConsentSource } from './consents';
import { remotePeers } from './peers';
import type { RequestContext } from './context';
import { connectDatabase, databaseAnswers, KeptAnswers } from './storage';
import { DEFAULT_IDEMPOTENCY_KEY_HOURS, Idempotency } from './idempotency';
import { notFoundNamesItsArgument } from './not-found';
import { close, createApp, DATABASE_UNAVAILABLE, databaseUnavailable, formatError, httpErrors, internalErrorLog, jsonBody, listen, serverPlugins } from '../../platform/http';
import { unavailable } from '../../platform/errors';
import { createLogger, errorFields, noteCaller, requestIdOf, type DestinationStream, type Logger } from '../../platform/logging';
import { ServiceMetrics } from '../../platform/metrics';
import { requestLimits } from '../../platform/limits';
import { buildFederatedSchema, type SchemaParts } from './schema';
import { DEFAULT_ERASURE_POLL_SECONDS, ErasureFollower, type Erasure } from './erasure';
import type { ErasureNotices } from './erasure-feed';
import { nudgeFollowers, nudgeRoute, serviceActor, serviceFieldsOnly } from './hub-services';
import { Outbox } from './outbox';
import type { ServiceTokens as Tokens } from '../../platform/service-tokens';

/**
 * Everything a subgraph is: its schema parts, the settings it reads from the environment,
 * its models and its per-request loaders.
 */
export interface SubgraphDefinition<Models = any, Loaders = any, Env extends EnvShape = any> extends SchemaParts {
  /** Its database's name, when not its name (e.g. `legal_aid` for `legal-aid`). */
  database?: string;
  /** Its own variables (secrets, settings), checked at start; the platform's are in SUBGRAPH_ENV. */
  env: Env;
  models(connection: Connection, settings: EnvOf<Env>): Models;
  /** Per request; `request` gives the request's one clock reading and its audit, for records whose state moves with time (an expiring placement request). */
  loaders(models: Models, request: { now: Date; audit: RequestAudit; outbox: Outbox }): Loaders;
  /** Where this subgraph's consent decisions come from; default: the victims subgraph (common/consents.ts). */
  consents?(ctx: Omit<RequestContext<Models, Loaders>, 'consents' | 'peers'>): ConsentSource;
  /** Documents it publishes over plain HTTP GET, next to /graphql (e.g. signing keys). */
  publicRoutes?: PublicRoutes<Models>;
  /** What it removes of a victim's personal data when the owner announces an erasure (common/erasure.ts). */
  erasure?: Erasure<Models>;
  /** The owner of victims: where it announces erasures (its feed field serves them to the others). */
  erasureFeed?(models: Models): ErasureNotices;
  /** Work it does on its own, started after it listens and stopped before it closes (e.g. delivering webhooks, a scheduler on the hub's clock). */
  jobs?(context: JobContext<Models, EnvOf<Env>>): BackgroundJob[];
}

/** What a subgraph's own jobs receive. */
export interface JobContext<Models = any, Settings = any> {
  service: string;
  models: Models;
  settings: Settings;
  connection: Connection;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  outbox: Outbox;
  tokens: Tokens;
  /** Milliseconds between a scheduler's scans (EVENT_SCAN_SECONDS, common/scheduler.ts). */
  scanMs: number;
  /** The hub's other subgraphs (by name) and their GraphQL URLs. */
  subgraphs: string[];
  peerUrl: (service: string) => string | undefined;
}

export interface BackgroundJob {
  start(): Promise<void> | void;
  stop(): Promise<void>;
}

/** A published document: public by nature (keys, signed lists), so no token is read and nothing personal belongs in it. */
export interface PublicDocument {
  contentType: string;
  body: string;
  maxAgeSeconds: number;
}

/** Express path (e.g. `/.well-known/keys/:id.json`) → the document, or null for 404. */
export type PublicRoutes<Models = any> = Record<string, (params: Record<string, string>, context: { models: Models; now: Date }) => Promise<PublicDocument | null>>;

export interface SubgraphOptions {
  port: number;
  host?: string;
  mongoUri: string;
  issuers: TrustedIssuer[];
  /** Database name override (tests give each run its own). */
  dbName?: string;
  /** Command monitoring of the database client (the driver's commandStarted… events), off unless asked: tests that count commands turn it on. */
  monitorCommands?: boolean;
  /** Log level (default LOG_LEVEL, else info) and where the JSON lines go (default stdout; tests collect them). */
  logLevel?: string;
  logDestination?: DestinationStream;
  /** Where the definition's own variables and the audit keys are read (process.env when deployed). */
  env: RawEnv;
  clock?: Clock;
  /** The victims subgraph's GraphQL URL, asked for consent decisions. */
  consentServiceUrl?: string;
  /** Another subgraph's GraphQL URL by name, for `ctx.peers` (common/peers.ts). */
  peerUrl?: (service: string) => string | undefined;
  /** Given to the subgraph that answers the hub's audit root fields (subgraphs/registry.ts). */
  auditDirectory?: AuditedService[];
  /** Given to the owner of the erasure feed: the subgraphs it nudges after an erasure (found by `peerUrl`). */
  erasureFollowers?: string[];
  /** The names of the hub's subgraphs (subgraphs/registry.ts), for jobs that follow the others (webhooks). */
  subgraphs?: string[];
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  connection: Connection;
  audit: AuditLog;
  /** Served at /metrics. */
  metrics: ServiceMetrics;
  /** Its follower of the erasure feed, when it holds victim data. */
  erasure?: ErasureFollower;
  /** Its outbox of events for partner systems (common/outbox.ts). */
  outbox: Outbox;
  /** Its own jobs (the definition's `jobs`). */
  jobs: BackgroundJob[];
  stop(): Promise<void>;
}

/** The one bootstrap: every subgraph starts through here. */
export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphOptions): Promise<RunningSubgraph> {
  const host = options.host ?? '127.0.0.1';
  const settings = readEnv(definition.env, options.env);
  const clock = options.clock ?? systemClock;
  const logger = createLogger(definition.name, { level: options.logLevel ?? options.env.LOG_LEVEL, destination: options.logDestination });
  const metrics = new ServiceMetrics(definition.name);
  const connection = await connectDatabase(options.mongoUri, options.dbName ?? definition.database ?? definition.name, {
    monitorCommands: options.monitorCommands, // the driver's command events, for tests that count commands (the metrics do not need them)
  });
  metrics.observeDatabase(connection);
  const models = definition.models(connection, settings);
  const platform = readEnv(AUDIT_ENV, options.env);
  const auditLog = new AuditLog(connection, definition.name, auditKeys(platform.AUDIT_CHAIN_KEY, platform.AUDIT_SIGNING_KEY), {
    every: platform.AUDIT_CHECKPOINT_EVERY ?? DEFAULT_CHECKPOINTS.every,
    seconds: platform.AUDIT_CHECKPOINT_SECONDS ?? DEFAULT_CHECKPOINTS.seconds,
  });
  auditLog.onWrite = (seconds, failed) => metrics.auditWrite(seconds, failed);
  auditLog.logger = logger;
  const idempotency = new Idempotency(new KeptAnswers(connection), {
    hours: readEnv(IDEMPOTENCY_ENV, options.env).IDEMPOTENCY_KEY_HOURS ?? DEFAULT_IDEMPOTENCY_KEY_HOURS,
    clock,
    logger,
  });
  const regions = readEnv(REGION_ENV, options.env).REGIONS ?? DEFAULT_REGIONS;
  const erasureSettings = readEnv(ERASURE_ENV, options.env);
  const serviceTokens = new ServiceTokens(erasureSettings.SERVICE_TOKEN_KEY);
  const follower = definition.erasure
    ? new ErasureFollower({
        service: definition.name,
        erasure: definition.erasure,
        models,
        connection,
        audit: auditLog,
        feedUrl: options.consentServiceUrl,
        tokens: serviceTokens,
        clock,
        logger,
        metrics,
        answers: idempotency.answers,
        pollSeconds: erasureSettings.ERASURE_POLL_SECONDS ?? DEFAULT_ERASURE_POLL_SECONDS,
      })
    : undefined;
  const feed = definition.erasureFeed?.(models);
  if (feed) {
    feed.onAnnounce = async () => {
      await idempotency.answers.withholdAll();
      nudgeFollowers(options.erasureFollowers ?? [], options.peerUrl ?? (() => undefined), serviceTokens, definition.name, logger);
    };
  }
  const outbox = new Outbox(connection);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  const verifier = new TokenVerifier(options.issuers);
  const declaredTypes = new Map((definition.access ?? []).map((access) => [access.typeName, access])); // writes of their protected fields need a purpose

  const limits = requestLimits({ scale: 2, verified: (ctx: RequestContext) => ctx.caller !== null });
  const server = new ApolloServer<RequestContext>({
    schema: await buildFederatedSchema(definition, options.auditDirectory),
    plugins: [...serverPlugins, internalErrorLog<RequestContext>(logger, (ctx) => ctx.credentials?.requestId), ...limits.plugins, serviceFieldsOnly, auditFlushPlugin(logger), idempotency.plugin, notFoundNamesItsArgument],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // our main() stops the HTTP server, then Apollo, then exits 0
    formatError,
  });
  await server.start();

  const app = createApp({
    metrics,
    logger,
    notReady: async () => ((await databaseAnswers(connection)) ? [] : [`database ${connection.name}`]),
  });
  // The key that signs audit checkpoints, for overseers (common/audit-checkpoints.ts).
  app.get('/.well-known/audit-jwks.json', (_req, res) => {
    res.json(auditJwks(auditLog.keys));
  });
  for (const [route, answer] of Object.entries(definition.publicRoutes ?? {})) {
    app.get(route, async (req, res, next) => {
      try {
        const document = await answer(req.params as Record<string, string>, { models, now: clock.now() });
        if (!document) return void res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
        res.setHeader('Cache-Control', document.maxAgeSeconds > 0 ? `public, max-age=${document.maxAgeSeconds}` : 'no-cache');
        res.type(document.contentType).send(document.body);
      } catch (error) {
        logger.error({ requestId: requestIdOf(res), route, error: errorFields(error) }, 'published document failed'); // answered as a bare 500
        next(error);
      }
    });
  }
  if (follower) nudgeRoute(app, serviceTokens, follower);
  app.use(
    '/graphql',
    jsonBody,
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        // A hub service's token (its own issuer and key) is no person: it opens the erasure feed only (serviceFieldsOnly).
        const principal = await serviceTokens.verify(req.headers.authorization, ['erasure-feed', 'outbox-feed']);
        const service = principal?.service ?? null;
        const caller = service ? null : await verifier.verify(req.headers.authorization);
        noteCaller(res, caller); // role and jurisdiction for the request's log line
        const purpose = purposeFrom(req.headers['x-purpose'], caller?.role ?? null);
        const credentials = { authorization: req.headers.authorization, purpose, requestId: requestIdOf(res) };
        const now = clock.now();
        const audit = new RequestAudit(auditLog, service ? serviceActor(service) : caller, purpose, declaredTypes);
        const ctx = {
          caller,
          service,
          serviceUse: principal?.audience,
          purpose,
          credentials,
          models,
          loaders: definition.loaders(models, { now, audit, outbox }),
          audit,
          now,
          decisions: new Map(),
          regions,
          metrics,
          outbox,
        };
        const peers = remotePeers(options.peerUrl ?? (() => undefined), credentials);
        return { ...ctx, peers, consents: definition.consents?.(ctx) ?? remoteConsents(options.consentServiceUrl, credentials, caller !== null && CONSENT_ASKERS.includes(caller.role)) };
      },
    }),
  );
  app.use(httpErrors);
  const { server: http, port } = await listen(app, options.port, host);
  // Catches up with erasures announced while it was down, then polls.
  await follower?.start();
  idempotency.startSweeping();
  const jobs =
    definition.jobs?.({ service: definition.name, models, settings, connection, clock, logger, audit: auditLog, outbox, tokens: serviceTokens, scanMs: (readEnv(EVENTS_ENV, options.env).EVENT_SCAN_SECONDS ?? 60) * 1000, subgraphs: (options.subgraphs ?? []).filter((name) => name !== definition.name), peerUrl: options.peerUrl ?? (() => undefined) }) ?? [];
  for (const job of jobs) await job.start();
  let stopped: Promise<void> | undefined;

  return {
    name: definition.name,
    url: `http://${host}:${port}/graphql`,
    port,
    connection,
    audit: auditLog,
    metrics,
    erasure: follower,
    outbox,
    jobs,
    stop() {
      // Once, however often it is asked (a test may stop one subgraph before the hub).
      stopped ??= (async () => {
        await close(http);
        for (const job of jobs) await job.stop();
        await follower?.stop();
        idempotency.stop();
        await server.stop();
        auditLog.stop();
        metrics.stop();
        await connection.close();
      })();
      return stopped;
    },
  };
}

/**
 * Audit events are written before the response leaves: no logged read, no data. When they
 * cannot be, the answer becomes the error alone: SERVICE_UNAVAILABLE with HTTP 503 while
 * the database is gone (the gateway names this service), else a bare internal error.
 */
function auditFlushPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.audit?.flush();
          } catch (error) {
            const down = databaseUnavailable(error);
            if (down) logger.warn({ requestId: contextValue.credentials?.requestId, error: errorFields(error) }, 'audit: the database is unavailable; the answer is withheld');
            else logger.error({ requestId: contextValue.credentials?.requestId, error: errorFields(error) }, 'internal error');
            const { message, extensions } = down ? unavailable(DATABASE_UNAVAILABLE) : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
            response.body = { kind: 'single', singleResult: { data: null, errors: [{ message, extensions }] } };
            response.http.status = down ? 503 : 500;
          }
        },
      };
    },
  };
}
