import type { Role } from '../../platform/auth';
import { PURPOSES, PURPOSES_BY_ROLE } from '../../platform/purposes';
import type { SharedConsent } from './consents';

/**
 * Why a protected field was denied: the rule that failed, as a stable code for clients
 * (`extensions.reason`) and in words (the FORBIDDEN message). Each says only what the
 * caller may know already: the declaration (docs/access.md is public), its own role and
 * jurisdiction, and what a consent of the victim says for the caller's own jurisdiction
 * (the victims subgraph answers no other). A record the caller may not know of is never
 * denied field by field: it answers as an unknown id (common/access.ts, visibleOn).
 *
 * - ROLE: the category is read only by other roles.
 * - PURPOSE: the request states no purpose.
 * - CONSENT_PURPOSE: a consent shares the category with the caller's jurisdiction, for other purposes.
 * - CONSENT_CATEGORY: a consent names the caller's jurisdiction, for other categories.
 * - NO_BASIS: none of the bases of the category holds (they are named).
 * - CONSENT_UNAVAILABLE: the victims subgraph could not be asked (no rule decided; try again).
 */
export type DenialReason = 'ROLE' | 'PURPOSE' | 'CONSENT_PURPOSE' | 'CONSENT_CATEGORY' | 'NO_BASIS' | 'CONSENT_UNAVAILABLE';

export interface Denial {
  reason: DenialReason;
  message: string;
}

/** What a basis says of why it did not hold, after "IDENTITY data of this victim " (null: nothing more to say than its name). */
export interface Explanation {
  reason: 'CONSENT_PURPOSE' | 'CONSENT_CATEGORY';
  says: string;
}

/** "A", "A and B", "A, B and C". */
export function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function roleDenial(category: string, noun: string, roles: readonly Role[], role: Role): Denial {
  return { reason: 'ROLE', message: `${category} data of ${noun} is read only by ${roles.join(', ')}: not by ${role}` };
}

export function purposeDenial(what: string, role: Role): Denial {
  return { reason: 'PURPOSE', message: `${what} only for a stated purpose: send the X-Purpose header with one of ${(PURPOSES_BY_ROLE[role] ?? []).join(', ')}` };
}

/**
 * What the victim's consents naming the caller's jurisdiction say of this category, when
 * the consent basis failed: shared for other purposes, or other categories shared.
 */
export function consentExplanation(
  consents: SharedConsent[],
  category: string,
  jurisdiction: string,
  purpose: string | null,
  /** Of the other categories shared, only those the caller's role may ever read are named. */
  mayRead: (category: string) => boolean,
): Explanation | null {
  const covering = consents.filter((c) => c.categories.includes(category));
  if (covering.length > 0) {
    const purposes = PURPOSES.filter((p) => covering.some((c) => c.purposes.includes(p)));
    return { reason: 'CONSENT_PURPOSE', says: `is shared with ${jurisdiction} for ${inWords(purposes)}, not for ${purpose}` };
  }
  const others = [...new Set(consents.flatMap((c) => c.categories))].filter(mayRead).sort();
  if (others.length === 0) return null;
  return { reason: 'CONSENT_CATEGORY', says: `is not shared with ${jurisdiction}: the victim's consent shares ${inWords(others)} with ${jurisdiction}, not ${category}` };
}

/** None of the bases held: each named (as the declaration words it), and the caller. */
export function noBasisDenial(category: string, noun: string, phrases: string[], whom: string): Denial {
  const held = phrases.length === 1 ? 'that does not hold' : 'none of these holds';
  return { reason: 'NO_BASIS', message: `${category} data of ${noun} is read only ${phrases.join(', or ')}: ${held} for ${whom}` };
}
