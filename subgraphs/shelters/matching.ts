import { badInput } from '../../platform/errors';
import type { Entity } from '../common/storage';
import { countryCode, languageCodes, localDate } from '../common/validate';
import type { ShelterRecord } from './models';
import type { ShelterNeedsInput } from './types';
import { SECURITY_ORDER } from './vocabulary';

type ShelterDoc = Entity<ShelterRecord>;

export interface Match {
  shelter: ShelterDoc;
  meets: string[];
  misses: string[];
}

/** The needs, checked: BAD_USER_INPUT naming the one that is wrong. */
export function checkedNeeds(needs: ShelterNeedsInput) {
  const jurisdiction = needs.jurisdiction != null ? countryCode(needs.jurisdiction, 'needs.jurisdiction') : null;
  const from = needs.from != null ? localDate(needs.from, 'needs.from') : null;
  const until = needs.until != null ? localDate(needs.until, 'needs.until') : null;
  if (from && until && until < from) throw badInput('needs.until', 'is before from');
  const languages = languageCodes(needs.languages, 'needs.languages');
  return { ...needs, jurisdiction, from, until, languages };
}

/**
 * Whether a shelter takes the person in at all (gender, unaccompanied minor, family, the
 * length of the stay), and which of the other needs it meets: each accessibility need,
 * each service, a language it speaks (one is enough), at least the security level asked.
 */
export function match(shelter: ShelterDoc, needs: ReturnType<typeof checkedNeeds>): Match | null {
  const { accepts } = shelter;
  if (needs.gender && !accepts.genders.includes(needs.gender)) return null;
  if (needs.minor && !accepts.unaccompaniedMinors) return null;
  if (needs.family && !accepts.families) return null;
  if (needs.from && needs.until && (Date.parse(needs.until) - Date.parse(needs.from)) / 86_400_000 > accepts.maxStayDays) return null;
  const wanted: Array<[string, boolean]> = [
    ...needs.accessibility.map((a): [string, boolean] => [`accessibility:${a}`, shelter.accessibility.includes(a)]),
    ...needs.services.map((s): [string, boolean] => [`service:${s}`, shelter.services.includes(s)]),
  ];
  if (needs.languages.length > 0) {
    const spoken = needs.languages.filter((l) => shelter.languages.includes(l));
    wanted.push([`language:${(spoken.length ? spoken : needs.languages).join('|')}`, spoken.length > 0]);
  }
  if (needs.securityLevel) {
    wanted.push([`securityLevel:${needs.securityLevel}`, SECURITY_ORDER.indexOf(shelter.securityLevel as never) >= SECURITY_ORDER.indexOf(needs.securityLevel)]);
  }
  return { shelter, meets: wanted.filter(([, met]) => met).map(([need]) => need), misses: wanted.filter(([, met]) => !met).map(([need]) => need) };
}

/** Most needs met first, then most free beds, then by name. */
export function ranked(matches: Array<Match & { free: number }>): Array<Match & { free: number }> {
  return matches.sort((a, b) => b.meets.length - a.meets.length || b.free - a.free || a.shelter.name.localeCompare(b.shelter.name));
}
