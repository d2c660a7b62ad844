import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * The one thing every example shares: a typed request to the gateway. It sends the
 * operation's printed text, exactly as `npm run trust` registered it, so it runs on a
 * gateway that enforces trusted documents too. Settings from the environment:
 * HUB_URL (default http://localhost:4000/graphql), HUB_TOKEN, HUB_PURPOSE (X-Purpose;
 * default: the role's implied one).
 */
export interface Hub {
  url: string;
  token?: string;
  purpose?: string;
}

export function hubFromEnv(env: NodeJS.ProcessEnv = process.env): Hub {
  return { url: env.HUB_URL ?? 'http://localhost:4000/graphql', token: env.HUB_TOKEN || undefined, purpose: env.HUB_PURPOSE || undefined };
}

export class HubError extends Error {
  override name = 'HubError';
  constructor(readonly errors: Array<{ message: string; extensions?: { code?: string } }>) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

/** One operation: its data, typed by its document, or a HubError naming every error. */
export async function request<Result, Variables>(hub: Hub, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(hub.token ? { authorization: `Bearer ${hub.token}` } : {}),
      ...(hub.purpose ? { 'x-purpose': hub.purpose } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as { data?: Result; errors?: HubError['errors'] };
  if (body.errors?.length) throw new HubError(body.errors);
  if (!body.data) throw new HubError([{ message: `no data (HTTP ${res.status})` }]);
  return body.data;
}

/** Runs an example's main: any failure is one line on stderr and exit code 1. */
export function run(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
