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
    return {
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
  };
}
