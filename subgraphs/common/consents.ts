import DataLoader from 'dataloader';
import { askSubgraph } from './peers';

/**
 * Consent decisions for every subgraph. Consents live in the victims subgraph (their
 * owner) and no other subgraph reads its database: a subgraph holding data about a victim
 * asks the victims subgraph what that victim shares with the caller, over HTTP with the
 * caller's own token (so the victims subgraph verifies who is asking and answers only for
 * the caller's own jurisdiction). The answers of one request are batched into one call
 * per tick and kept for the request. When the victims subgraph cannot answer, the
 * question fails and the field is denied, never allowed (docs/decisions/).
 */

export interface SharedConsent {
  id: string;
  categories: string[];
  /** The purposes it allows (platform/purposes.ts). */
  purposes: string[];
}

/** What any professional who may see a victim reads of it (CASE data), e.g. for the anonymous profile of a precedent. */
export interface VictimCase {
  jurisdiction: string | null;
  status: string | null;
  ageGroup: string | null;
  gender: string | null;
  nationality: string | null;
}

export interface ConsentSource {
  /** The victim's own jurisdiction (null: no such victim). */
  jurisdictionOf(victimId: string): Promise<string | null>;
  /**
   * The victim's active consents that name the caller's jurisdiction, or `grantee`: what
   * the victim shares with another jurisdiction is answered only to the victim's own
   * jurisdiction (which keeps its consents), e.g. before placing the victim abroad;
   * anyone else gets none.
   */
  consentsFor(victimId: string, grantee?: string): Promise<SharedConsent[]>;
  /** The victim's CASE data as the caller may read it (null: no victim the caller may see). */
  caseOf(victimId: string): Promise<VictimCase | null>;
}

/** What a caller forwards: its own token and purpose. */
export interface Credentials {
  authorization?: string;
  purpose: string | null;
  /** The request's id (X-Request-Id), so the other subgraph's log lines name the same request. */
  requestId?: string;
}

/** One GraphQL call to the victims subgraph with the caller's own token and purpose. */
async function askVictims<T>(url: string | undefined, credentials: Credentials, query: string, variables: object): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  if (!url) throw new ConsentUnavailable('consent could not be checked: no consent service is configured (CONSENT_SERVICE_URL)');
  try {
    return await askSubgraph<T>(url, credentials, query, variables);
  } catch (error) {
    throw new ConsentUnavailable(`consent could not be checked: the victims service ${(error as Error).message}`);
  }
}

/** The victims subgraph could not answer: a consent basis then fails, and the field is denied. */
export class ConsentUnavailable extends Error {
  override name = 'ConsentUnavailable';
}

export const VICTIM_SHARING_QUERY = `query($victimIds: [ID!]!, $grantee: String) { victimSharing(victimIds: $victimIds, grantee: $grantee) { victimId jurisdiction consents { id categories purposes } } }`;

const VICTIM_CASE_QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Victim { id jurisdiction status ageGroup gender nationality } } }`;

interface VictimSharing {
  victimId: string;
  jurisdiction: string | null;
  consents: SharedConsent[];
}

/**
 * Asks the victims subgraph at `url` (CONSENT_SERVICE_URL), once per request tick.
 * `asksConsent`: whether the caller's role may ask consent decisions at all
 * (CONSENT_ASKERS); a role that may not (a partner system, an auditor) holds no consent,
 * and learns where a victim belongs from the victim's CASE data, as it would through the API.
 */
export function remoteConsents(url: string | undefined, credentials: Credentials, asksConsent = true): ConsentSource {
  const sharingWith = (grantee: string | null) =>
    new DataLoader<string, VictimSharing>(async (victimIds) => {
      const body = await askVictims<{ victimSharing?: VictimSharing[] }>(url, credentials, VICTIM_SHARING_QUERY, { victimIds, grantee });
      const answers = body.data?.victimSharing;
      if (!answers) throw new ConsentUnavailable(`consent could not be checked: ${body.errors?.[0]?.message ?? 'the victims service gave no answer'}`);
      const byId = new Map(answers.map((answer) => [answer.victimId, answer]));
      return victimIds.map((id) => byId.get(id) ?? new ConsentUnavailable('consent could not be checked: the victims service left this victim out'));
    });
  // One batch per grantee asked about (null: the caller's own jurisdiction).
  const loaders = new Map<string | null, DataLoader<string, VictimSharing>>();
  const loaderFor = (grantee: string | null) => {
    if (!loaders.has(grantee)) loaders.set(grantee, sharingWith(grantee));
    return loaders.get(grantee)!;
  };
  const loader = loaderFor(null);
  // CASE data through the victims subgraph's entity resolver, which decides and logs as for any read.
  const cases = new DataLoader<string, VictimCase | null>(async (victimIds) => {
    const representations = victimIds.map((id) => ({ __typename: 'Victim', id }));
    const body = await askVictims<{ _entities?: Array<(VictimCase & { id: string }) | null> }>(url, credentials, VICTIM_CASE_QUERY, { representations });
    const answers = body.data?._entities;
    if (!answers) throw new ConsentUnavailable(`victim data could not be read: ${body.errors?.[0]?.message ?? 'the victims service gave no answer'}`);
    return answers.map((answer) => (answer ? { jurisdiction: answer.jurisdiction, status: answer.status, ageGroup: answer.ageGroup, gender: answer.gender, nationality: answer.nationality } : null));
  });
  if (!asksConsent) {
    return {
      jurisdictionOf: async (victimId) => (await cases.load(victimId))?.jurisdiction ?? null,
      consentsFor: async () => [],
      caseOf: (victimId) => cases.load(victimId),
    };
  }
  return {
    jurisdictionOf: async (victimId) => (await loader.load(victimId)).jurisdiction,
    consentsFor: async (victimId, grantee) => (await loaderFor(grantee ?? null).load(victimId)).consents,
    caseOf: (victimId) => cases.load(victimId),
  };
}
