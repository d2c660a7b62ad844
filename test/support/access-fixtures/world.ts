import type { Role } from '../../../platform/auth';
import { PURPOSES, PURPOSES_BY_ROLE } from '../../../platform/purposes';
import type { TokenClaims } from '../../../scripts/development/dev-issuer';
import type { TestHub } from '../hub';
import { HOME, PARTNER } from '../access-matrix';

/**
 * What the fixture tables share: set-ups made once per hub (a proceeding several types
 * hang on), requests that must succeed, and the subjects and jurisdictions scenarios use.
 */

/** A jurisdiction a consent names only for a purpose no caller states. */
export const NAMED_ONLY = 'IT';

/** A purpose no role states first (the matrix's requests state their role's first): a consent for it covers no request. */
export const UNSTATED_PURPOSE = PURPOSES.find((p) => !Object.values(PURPOSES_BY_ROLE).some((own) => own[0] === p))!;

const made = new WeakMap<TestHub, Map<string, Promise<unknown>>>();

/** `make` once per hub under `name`, however many fixtures ask for it. */
export function once<T>(hub: TestHub, name: string, make: () => Promise<T>): Promise<T> {
  let forHub = made.get(hub);
  if (!forHub) made.set(hub, (forHub = new Map()));
  if (!forHub.has(name)) forHub.set(name, make());
  return forHub.get(name) as Promise<T>;
}

/** A request of a set-up, as a client would send it: its data, or the test stops naming what failed. */
export async function act(hub: TestHub, role: Role, jurisdiction: string, query: string, variables: Record<string, unknown> = {}, claims: Partial<TokenClaims> = {}): Promise<any> {
  const res = await hub.query(await hub.token(role, jurisdiction, claims), query, variables);
  if (res.body.errors) throw new Error(`Fixture set-up failed (${role} of ${jurisdiction}): ${res.body.errors.map((e) => e.message).join('; ')}\n${query}`);
  return res.body.data;
}

/** The subject of a scenario's caller when the scenario names none: its own, so nothing else relates to it. */
export function subjectOf(scenario: string, role: Role): string {
  return `matrix.${scenario.replace(/[^A-Za-z0-9]+/g, '-')}.${role}`;
}

/** The facts of a caller acting in the home jurisdiction (an auditor there oversees it) besides `facts`. */
export function atHome(role: Role, ...facts: string[]): string[] {
  return role === 'auditor' ? ['OWN_JURISDICTION', 'OVERSIGHT', ...facts] : ['OWN_JURISDICTION', ...facts];
}

export { HOME, PARTNER };
