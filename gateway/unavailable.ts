import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { unavailable } from '../platform/errors';
import type { Logger } from '../platform/logging';

/**
 * A subgraph that does not answer (down, restarting, its connection cut mid-answer), or
 * answers 502/503/504 (a proxy in front of it, a service that says it is unavailable), is a
 * fault of the hub, not of the caller's request: the rest of the query is answered, the
 * missing service's fields are null, and the caller gets one SERVICE_UNAVAILABLE error
 * naming the service (`extensions.serviceName`) — never its address, the transport's
 * message or a stack. @apollo/gateway made each failed fetch its own error from the
 * fetcher's message ("connect ECONNREFUSED 127.0.0.1:4003"), which formatError then
 * masked as INTERNAL_SERVER_ERROR: nothing a partner could act on (docs/decisions/100).
 */

/** Node's and undici's transport failures: a refused or reset connection, a socket closed mid-answer, a timeout. */
export function didNotAnswer(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('UND_ERR_') || /^E[A-Z]+$/.test(code));
}

/** What a proxy or a service that is not well answers: bad gateway, unavailable, gateway timeout. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * The HTTP status of a subgraph that answered but is not well (502, 503, 504), else
 * undefined. The data source made a non-2xx answer a GraphQLError "503: " carrying the
 * answer in `extensions.response` (its url, status and body).
 */
export function unwellStatus(error: unknown): number | undefined {
  const status = (error as { extensions?: { response?: { status?: unknown } } } | null)?.extensions?.response?.status;
  return typeof status === 'number' && UNAVAILABLE_STATUSES.has(status) ? status : undefined;
}

/** The data source's `didEncounterError`: a transport failure or an unwell answer becomes the service's SERVICE_UNAVAILABLE; the rest is thrown as it came. */
export function unavailableService(name: string, logger: Logger) {
  return (error: unknown): never => {
    const status = unwellStatus(error);
    if (status === undefined && !didNotAnswer(error)) throw error;
    logger.warn({ subgraph: name, cause: status === undefined ? (error as { code: string }).code : `HTTP ${status}` }, 'subgraph did not answer');
    throw serviceUnavailable(name);
  };
}

export function serviceUnavailable(name: string): GraphQLError {
  const error = unavailable(`The ${name} service is unavailable: its fields are null in this answer; ask again later`);
  error.extensions.serviceName = name;
  return error;
}

/** One SERVICE_UNAVAILABLE per service and answer, however many fetches of the query plan went to it. */
export function oneErrorPerUnavailableService<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<unknown>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
            if (error.extensions?.code !== 'SERVICE_UNAVAILABLE' || error.path) return true;
            const service = error.extensions.serviceName;
            if (seen.has(service)) return false;
            seen.add(service);
            return true;
          });
        },
      };
    },
  };
}
