import { decodeJwt } from 'jose';
import type { Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import type { Issuer, TokenClaims } from './dev-issuer';

/**
 * What a client of the hub does: mint tokens of a test or development issuer and ask the
 * gateway over HTTP. Shared by the jest suites (test/support/hub.ts) and the tools that
 * drive a running hub (`npm run chaos`, `npm run soak`).
 */
export interface GraphQLResponse {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> };
}

export interface HubClient {
  token(role: string, jurisdiction: string, extra?: Partial<TokenClaims>): Promise<string>;
  /** POST a GraphQL request to the gateway (or another URL); with a token, it states its role's first purpose unless `headers` say otherwise. */
  query(token: string | null, query: string, variables?: Record<string, unknown>, options?: { url?: string; headers?: Record<string, string>; signal?: AbortSignal }): Promise<GraphQLResponse>;
  /** The same, with a fresh token of the issuer for `role` in `jurisdiction`. */
  queryAs(role: string, jurisdiction: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
}

export function hubClient(url: string, issuer: Issuer): HubClient {
  const client: HubClient = {
    token: (role, jurisdiction, extra = {}) => issuer.sign({ role, jurisdiction, ...extra }),
    async query(token, query, variables, { url: to, headers, signal } = {}) {
      const res = await fetch(to ?? url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', ...authorization(token), ...headers },
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
 * The headers of a request made with `token`: its bearer and, unless the caller says
 * otherwise (`x-purpose` in its headers, '' for none), the first purpose its role may state.
 */
export function authorization(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}`, 'x-purpose': defaultPurpose(token) } : {};
}

function defaultPurpose(token: string): string {
  const { role } = decodeJwt(token) as { role?: Role };
  return (role && PURPOSES_BY_ROLE[role]?.[0]) ?? '';
}

/** A request the gateway did not answer at all (it stopped, dropped the connection, or a bound ran out), kept as status 0. */
export const unanswered = (error: Error): GraphQLResponse => ({ status: 0, body: { errors: [{ message: `no answer: ${error.message}` }] } });
