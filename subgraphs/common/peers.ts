import DataLoader from 'dataloader';
import type { Credentials } from './consents';

/**
 * Other subgraphs asked on the caller's behalf, through their federation entities only
 * (never their databases): e.g. the legal aid subgraph asks the proceedings subgraph for
 * a proceeding's stage. The call carries the caller's own token and purpose, so the other
 * subgraph decides and logs as for any request; what the caller may not read comes back
 * null. Calls of one request tick are batched per type and selection.
 */

// Bounded, but long enough for a question queued behind a burst of writes (50 placements at once on the embedded database).
const TIMEOUT_MS = 10_000;

/** The other subgraph did not answer (or is not configured): whatever needed it is refused, never guessed. */
export class PeerUnavailable extends Error {
  override name = 'PeerUnavailable';
}

/** One GraphQL call to another subgraph with the caller's own token and purpose. */
export async function askSubgraph<T>(url: string, credentials: Credentials, query: string, variables: object): Promise<{ data?: T; errors?: PeerError[] }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credentials.authorization ? { authorization: credentials.authorization } : {}),
        ...(credentials.purpose ? { 'x-purpose': credentials.purpose } : {}),
        ...(credentials.requestId ? { 'x-request-id': credentials.requestId } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return (await res.json()) as { data?: T; errors?: PeerError[] };
  } catch (error) {
    throw new PeerUnavailable(`did not answer (${(error as Error).name})`);
  }
}

/** An error another subgraph answered, with its code (BAD_USER_INPUT, FORBIDDEN, …). */
export interface PeerError {
  message: string;
  extensions?: { code?: string };
}

export interface Peers {
  /**
   * Entities of another subgraph by id, with the fields of `selection` (e.g.
   * `stage closedAt`) as the caller may read them; null for one the caller may not see.
   */
  entities<T>(service: string, typeName: string, id: string, selection: string): Promise<(T & { id: string }) | null>;
  /**
   * One query of another subgraph's own root fields (e.g. training's public
   * `verifyCertificate`), as the caller: its data and errors as answered. PeerUnavailable
   * when it does not answer at all (or is not configured); an answer with errors is the
   * caller's to read (a BAD_USER_INPUT of the other subgraph is the caller's input).
   */
  query<T>(service: string, document: string, variables: object): Promise<{ data: T | null; errors: PeerError[] }>;
}

/** `urlOf(service)`: the other subgraph's GraphQL URL (local hub: its address; deployed: `<SERVICE>_SERVICE_URL`). */
export function remotePeers(urlOf: (service: string) => string | undefined, credentials: Credentials): Peers {
  const loaders = new Map<string, DataLoader<string, unknown>>();
  const loaderFor = (service: string, typeName: string, selection: string) => {
    const key = `${service}|${typeName}|${selection}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        const url = urlOrRefuse(service);
        const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { id ${selection} } } }`;
        const body = await askSubgraph<{ _entities?: unknown[] }>(url, credentials, query, { r: ids.map((id) => ({ __typename: typeName, id })) }).catch((error: Error) => {
          throw new PeerUnavailable(`the ${service} subgraph ${error.message}`);
        });
        if (!body.data?._entities) throw new PeerUnavailable(`the ${service} subgraph gave no answer: ${body.errors?.[0]?.message ?? 'no data'}`);
        return body.data._entities;
      });
      loaders.set(key, loader);
    }
    return loader;
  };
  const urlOrRefuse = (service: string) => {
    const url = urlOf(service);
    if (!url) throw new PeerUnavailable(`the ${service} subgraph is not configured (${service.toUpperCase().replace(/-/g, '_')}_SERVICE_URL)`);
    return url;
  };
  return {
    query: async <T>(service: string, document: string, variables: object) => {
      const body = await askSubgraph<T>(urlOrRefuse(service), credentials, document, variables).catch((error: Error) => {
        throw new PeerUnavailable(`the ${service} subgraph ${error.message}`);
      });
      if (!body.data && !body.errors?.length) throw new PeerUnavailable(`the ${service} subgraph gave no answer`);
      return { data: body.data ?? null, errors: body.errors ?? [] };
    },
    entities: async <T>(service: string, typeName: string, id: string, selection: string) => (await loaderFor(service, typeName, selection).load(id)) as (T & { id: string }) | null,
  };
}
