import { badInput } from '../../../platform/errors';
import { pageSize, type Entity } from '../../common/storage';
import { countryCode, languageCodes, localDate } from '../../common/validate';
import type { ShelterContext, ShelterRecord } from '../models';
import type { ShelterNeedsInput } from '../schema/inputs';
import { SECURITY_ORDER } from '../schema/vocabulary';

type ShelterDoc = Entity<ShelterRecord>;

const MAX_MATCHES = 50;

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

/** Shelters with a free bed that take the person in, the most needs met first, at most `first` of them. */
export async function matchShelters(ctx: ShelterContext, needs: ShelterNeedsInput, first: number | undefined) {
  const size = pageSize(first);
  if (size > MAX_MATCHES) throw badInput('first', `must be between 1 and ${MAX_MATCHES}`);
  const checked = checkedNeeds(needs);
  const { shelters } = ctx.models;
  const list = checked.jurisdiction ? shelters.list('jurisdiction', checked.jurisdiction) : shelters.list('all', 'all');
  const candidates = (await ctx.models.shelters.lists.read(list, 0, 5_000)).map((e) => e.ref);
  const records = (await ctx.loaders.shelter.loadMany(candidates)).filter((s): s is ShelterDoc => s !== null && !(s instanceof Error));
  const occupied = await ctx.loaders.occupancy.loadMany(records);
  const matches = records.flatMap((shelter, i) => {
    const free = shelter.capacity - (occupied[i] as number);
    const found = free > 0 ? match(shelter, checked) : null;
    return found ? [{ ...found, free }] : [];
  });
  return ranked(matches).slice(0, size);
}
