import type { Agent } from 'undici';

/** The part of a fetch Response that Apollo's RemoteGraphQLDataSource reads. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * The gateway's fetcher to its subgraphs: undici's `request` on the keep-alive pool,
 * answered as the few members of a Response that the data source reads. WHATWG `fetch`
 * builds Request, Response and web streams around the same call; `request` does not
 * (docs/benchmarks.md, 2026-11-29 "where a request's time goes").
 *
 * A 4xx whose body is a GraphQL answer with errors (Apollo answers a document it refuses
 * at parsing, validation or its limits with 400) is handed on as that answer, so the
 * caller gets the subgraph's own error, its code and message. As a failed response the data source
 * made it a bare "400: " (INTERNAL_SERVER_ERROR) and dropped the body.
 *
 * Every call is sent: no in-flight deduplication (single flight) and no response cache,
 * even for byte-identical bodies. Two callers' bodies are identical while their tokens
 * differ, and the subgraph must decide and audit each one (test/router-guarantee.test.ts).
 */
export function subgraphFetcher(agent: Agent) {
  const targets = new Map<string, URL>();
  return async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<SubgraphResponse> => {
    let target = targets.get(url);
    if (!target) targets.set(url, (target = new URL(url)));
    const { statusCode, headers, body } = await agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: (init.method ?? 'POST') as 'POST',
      headers: init.headers,
      body: init.body,
    });
    const response = {
      ok: statusCode >= 200 && statusCode < 300,
      status: statusCode,
      statusText: '',
      url,
      headers: {
        get(name: string) {
          const value = headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
      json: () => body.json(),
      text: () => body.text(),
    };
    if (statusCode < 400 || statusCode >= 500) return response;
    const text = await body.text();
    const answer = graphqlErrors(text);
    return { ...response, ok: answer !== undefined, json: async () => answer ?? JSON.parse(text), text: async () => text };
  };
}

/** A GraphQL answer that carries errors (and no data), or undefined for anything else. */
function graphqlErrors(text: string): { errors: unknown[] } | undefined {
  try {
    const parsed = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && Array.isArray(parsed.errors) && parsed.errors.length > 0 && parsed.data === undefined ? { errors: parsed.errors } : undefined;
  } catch {
    return undefined;
  }
}
