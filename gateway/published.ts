import type { Response } from 'express';
import { fetch as undiciFetch, type Agent } from 'undici';

/**
 * Documents a subgraph publishes without a token (signing keys, signed lists), served at
 * the gateway's port as well, so that partners reach them where they reach the graph:
 * path prefix → the subgraph that owns it. Only GET (and HEAD), forwarded by path alone
 * (no headers, no query string), within a timeout and a size bound; the subgraph's
 * status, type and cache header come back, anything else is 502.
 */
export const PUBLISHED: Record<string, string> = {
  '/.well-known/accreditation/': 'training',
};

const TIMEOUT_MS = 3_000;
const MAX_BYTES = 1_000_000;

function answer(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export async function forwardPublished(path: string, prefix: string, subgraphUrl: string | undefined, agent: Agent, res: Response): Promise<void> {
  if (!subgraphUrl) return answer(res, 404, 'NOT_FOUND', 'Not found');
  const target = new URL(path, subgraphUrl);
  // `..` (also percent-encoded) is resolved by the URL parser: what is left must still be under the prefix.
  if (!target.pathname.startsWith(prefix)) return answer(res, 404, 'NOT_FOUND', 'Not found');
  try {
    const upstream = await undiciFetch(target, { dispatcher: agent, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (upstream.status !== 200 && upstream.status !== 404) {
      await upstream.body?.cancel();
      return answer(res, 502, 'BAD_GATEWAY', 'The service that publishes this answered with an error');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of upstream.body ?? []) {
      size += chunk.length;
      if (size > MAX_BYTES) return answer(res, 502, 'BAD_GATEWAY', 'The published document is larger than the gateway forwards');
      chunks.push(Buffer.from(chunk));
    }
    for (const header of ['content-type', 'cache-control']) {
      const value = upstream.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    res.status(upstream.status).send(Buffer.concat(chunks));
  } catch {
    answer(res, 502, 'BAD_GATEWAY', 'The service that publishes this did not answer');
  }
}
