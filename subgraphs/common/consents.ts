import DataLoader from 'dataloader';

/**
 * Consent decisions for every subgraph. Consents live in the victims subgraph (their
 * owner) and no other subgraph reads its database: a subgraph holding data about a victim
 * asks the victims subgraph what that victim shares with the caller, over HTTP with the
 * caller's own token (so the victims subgraph verifies who is asking and answers only for
 * the caller's own jurisdiction). The answers of one request are batched into one call
 * per tick and kept for the request. When the victims subgraph cannot answer, the
 * question fails and the field is denied, never allowed (docs/decisions.md).
 */

export interface SharedConsent {
  id: string;
  categories: string[];
  /** The purposes it allows (platform/purposes.ts). */
  purposes: string[];
}

export interface ConsentSource {
  /** The victim's own jurisdiction (null: no such victim). */
  jurisdictionOf(victimId: string): Promise<string | null>;
  /** The victim's active consents that name the caller's jurisdiction. */
  consentsFor(victimId: string): Promise<SharedConsent[]>;
}

/** What a caller forwards: its own token and purpose. */
export interface Credentials {
  authorization?: string;
  purpose: string | null;
}

const TIMEOUT_MS = 3_000;

/** The victims subgraph could not answer: a consent basis then fails, and the field is denied. */
export class ConsentUnavailable extends Error {
  override name = 'ConsentUnavailable';
}

export const VICTIM_SHARING_QUERY = `query($victimIds: [ID!]!) { victimSharing(victimIds: $victimIds) { victimId jurisdiction consents { id categories purposes } } }`;

interface VictimSharing {
  victimId: string;
  jurisdiction: string | null;
  consents: SharedConsent[];
}

/** Asks the victims subgraph at `url` (CONSENT_SERVICE_URL), once per request tick. */
export function remoteConsents(url: string | undefined, credentials: Credentials): ConsentSource {
  const loader = new DataLoader<string, VictimSharing>(async (victimIds) => {
    if (!url) throw new ConsentUnavailable('consent could not be checked: no consent service is configured (CONSENT_SERVICE_URL)');
    let body: { data?: { victimSharing?: VictimSharing[] }; errors?: Array<{ message: string }> };
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(credentials.authorization ? { authorization: credentials.authorization } : {}),
          ...(credentials.purpose ? { 'x-purpose': credentials.purpose } : {}),
        },
        body: JSON.stringify({ query: VICTIM_SHARING_QUERY, variables: { victimIds } }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      body = (await res.json()) as typeof body;
    } catch (error) {
      throw new ConsentUnavailable(`consent could not be checked: the victims service did not answer (${(error as Error).name})`);
    }
    const answers = body.data?.victimSharing;
    if (!answers) throw new ConsentUnavailable(`consent could not be checked: ${body.errors?.[0]?.message ?? 'the victims service gave no answer'}`);
    const byId = new Map(answers.map((answer) => [answer.victimId, answer]));
    return victimIds.map((id) => byId.get(id) ?? new ConsentUnavailable('consent could not be checked: the victims service left this victim out'));
  });
  return {
    jurisdictionOf: async (victimId) => (await loader.load(victimId)).jurisdiction,
    consentsFor: async (victimId) => (await loader.load(victimId)).consents,
  };
}
