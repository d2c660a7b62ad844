import { badInput, badInputs, unavailable, type FieldProblem } from '../../../../platform/errors';
import { ConsentUnavailable } from '../../../common/consents';
import type { Entity } from '../../../common/storage';
import { NameFinder } from '../../../common/names';
import { checkEach, text } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import type { CountRecord, ProfileRecord } from '../models';

/**
 * What a precedent may publish about the people in its case: no names in any free text,
 * and no profile of fewer victims than can stay anonymous.
 */

const MAX_NAMES = 50;

/**
 * The fewest victims a published profile may rest on (k-anonymity; CTDC publishes no
 * figure resting on fewer than 11 people, docs/decisions/). Below it the victims'
 * profile is withheld, and the victims subgraph is not even asked.
 */
export const MIN_VICTIMS_FOR_PROFILE = 5;

/** The names no published text may contain: the proceeding's defendant aliases and the judge's `namesToExclude` (never stored). */
export interface NamesKeptOut {
  aliases: string[];
  excluded: string[];
}

/** The judge's names to exclude, checked: each must have two letters at least, or it could not be looked for. Every wrong name is named. */
export async function namesToExclude(list: string[] | undefined | null, field = 'input.namesToExclude'): Promise<string[]> {
  if ((list ?? []).length > MAX_NAMES) throw badInput(field, `must list at most ${MAX_NAMES} names`);
  return checkEach(list ?? [], (name, i) => {
    const checked = text(name, `${field}[${i}]`, { max: 200 });
    if (new NameFinder([checked]).tooShort() >= 0) throw badInput(`${field}[${i}]`, 'has fewer than two letters: it cannot be looked for; give the name as written');
    return checked;
  });
}

/**
 * The one check of every free text a precedent publishes (summary, significant features,
 * outcome, court, ECLI, correction and withdrawal reasons): a name of `names` in it,
 * however disguised (common/names.ts), is refused with BAD_USER_INPUT naming the field
 * and which name by its place in its list; the name itself is never echoed. Every text
 * that names someone is named in the one answer.
 */
export function checkPublishedTexts(texts: Record<string, string | null | undefined>, names: NamesKeptOut): void {
  const aliases = new NameFinder(names.aliases);
  const excluded = new NameFinder(names.excluded);
  const problems: FieldProblem[] = [];
  for (const [path, value] of Object.entries(texts)) {
    if (!value) continue;
    const alias = aliases.firstIn(value);
    const name = alias >= 0 ? -1 : excluded.firstIn(value);
    if (alias >= 0) problems.push({ path, message: `names defendant ${alias + 1} of the proceeding (defendants[${alias}].alias); describe the parties without names (e.g. "the first defendant")` });
    else if (name >= 0) problems.push({ path, message: `contains the name given in namesToExclude[${name}]; describe the parties without names` });
  }
  if (problems.length > 0) throw badInputs(problems);
}

/** Counts by value, the most frequent first; a value not recorded counts as UNKNOWN. */
function countsOf(values: Array<string | null>): CountRecord[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value ?? 'UNKNOWN', (counts.get(value ?? 'UNKNOWN') ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A profile that is not published: nothing of it is stored either. */
const WITHHELD: ProfileRecord = { withheld: true, count: null, ageGroups: [], genders: [], nationalities: [] };

/**
 * The parties without names, derived from the proceeding: defendants from their
 * pseudonymized records, victims from their CASE data (asked of the victims subgraph with
 * the judge's own token: it decides and logs as for any read), only when there are
 * enough of them to publish.
 */
export async function profilesOf(proceeding: Entity<ProceedingRecord>, ctx: ProceedingContext): Promise<{ victimProfile: ProfileRecord; defendantProfile: ProfileRecord }> {
  const defendantProfile = {
    count: proceeding.defendants.length,
    ageGroups: [],
    genders: countsOf(proceeding.defendants.map((d) => d.gender)),
    nationalities: countsOf(proceeding.defendants.map((d) => d.nationality)),
  };
  if (proceeding.victimIds.length < MIN_VICTIMS_FOR_PROFILE) return { victimProfile: WITHHELD, defendantProfile };
  let cases;
  try {
    cases = await Promise.all(proceeding.victimIds.map((id) => ctx.consents.caseOf(id)));
  } catch (error) {
    if (error instanceof ConsentUnavailable) throw unavailable(`The victims' profile could not be derived (nothing was published): ${error.message}`);
    throw error;
  }
  const victimProfile = {
    count: proceeding.victimIds.length,
    ageGroups: countsOf(cases.map((c) => c?.ageGroup ?? null)),
    genders: countsOf(cases.map((c) => c?.gender ?? null)),
    nationalities: countsOf(cases.map((c) => c?.nationality ?? null)),
  };
  return { victimProfile, defendantProfile };
}

/** A profile as it is published: withheld (said so, every figure null, not zero) when it rests on fewer than `minimum` people. */
export function publishedProfile(profile: ProfileRecord, minimum: number) {
  if (profile.withheld || (profile.count ?? 0) < minimum) {
    return { withheld: true, withheldReason: `derived from fewer than ${minimum} people: withheld so that no one can be singled out (k-anonymity)`, count: null, ageGroups: null, genders: null, nationalities: null };
  }
  return { ...profile, withheld: false, withheldReason: null };
}
