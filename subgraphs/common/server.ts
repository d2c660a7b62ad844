import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Connection } from 'mongoose';
import { AuditLog, RequestAudit } from './audit';
import { purposeFrom, TokenVerifier, type TrustedIssuer } from './auth';
import type { RequestContext } from './context';
import { connectDatabase, databaseAnswers } from './db';
import { close, createApp, formatError, httpErrors, jsonBody, listen, serverPlugins } from './http';
import { requestLimits } from './limits';
import { buildFederatedSchema, type SchemaParts } from './schema';

/** Everything a subgraph is: its schema parts, its models and its per-request loaders. */
export interface SubgraphDefinition<Models = any, Loaders = any> extends SchemaParts {
  /** Also the database name. */
  name: string;
  models(connection: Connection): Models;
  loaders(models: Models): Loaders;
}

export interface SubgraphOptions {
  port: number;
  host?: string;
  mongoUri: string;
  issuers: TrustedIssuer[];
  /** Database name override (tests give each run its own). */
  dbName?: string;
  monitorCommands?: boolean;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  connection: Connection;
  audit: AuditLog;
  stop(): Promise<void>;
}

/** The one bootstrap: every subgraph starts through here. */
export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphOptions): Promise<RunningSubgraph> {
  const host = options.host ?? '127.0.0.1';
  const connection = await connectDatabase(options.mongoUri, options.dbName ?? definition.name, {
    monitorCommands: options.monitorCommands,
  });
  const models = definition.models(connection);
  const auditLog = new AuditLog(connection);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  const verifier = new TokenVerifier(options.issuers);

  const limits = requestLimits(2);
  const server = new ApolloServer<RequestContext>({
    schema: await buildFederatedSchema(definition),
    plugins: [...serverPlugins, ...limits.plugins, auditFlushPlugin],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // our main() stops the HTTP server, then Apollo, then exits 0
    formatError,
  });
  await server.start();

  const app = createApp({
    notReady: async () => ((await databaseAnswers(connection)) ? [] : [`database ${connection.name}`]),
  });
  app.use(
    '/graphql',
    jsonBody,
    expressMiddleware(server, {
      context: async ({ req }) => {
        const caller = await verifier.verify(req.headers.authorization);
        const purpose = purposeFrom(req.headers['x-purpose']);
        return {
          caller,
          purpose,
          models,
          loaders: definition.loaders(models),
          audit: new RequestAudit(auditLog, caller, purpose),
          now: new Date(),
        };
      },
    }),
  );
  app.use(httpErrors);
  const { server: http, port } = await listen(app, options.port, host);

  return {
    name: definition.name,
    url: `http://${host}:${port}/graphql`,
    port,
    connection,
    audit: auditLog,
    async stop() {
      await close(http);
      await server.stop();
      await connection.close();
    },
  };
}

/** Audit events are written before the response leaves: no logged read, no data. */
const auditFlushPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }: { contextValue: RequestContext }) {
        await contextValue.audit?.flush();
      },
    };
  },
};
