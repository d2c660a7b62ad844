import { badInput } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { pageSize } from '../../common/storage';
import { countryCode, languageCodes } from '../../common/validate';
import type { AssignmentRecord, AttorneyRecord, LegalAidContext } from '../models';
import type { LegalMatter } from '../schema/vocabulary';
import { isActive } from './directory';

/**
 * Matching attorneys to a victim's needs: the active attorneys of a jurisdiction accepting
 * cases, those who speak the most wanted languages first, then the least loaded (offered
 * or active assignments), then by name.
 */

type AttorneyDoc = Entity<AttorneyRecord>;

export const MAX_MATCHES = 50;

export interface AttorneyMatch {
  attorney: AttorneyDoc;
  meets: string[];
  spoken: number;
  activeAssignments: number;
}

/** What `attorney` meets of the wanted: the jurisdiction, each language she speaks, the matter. */
export function matchOf(attorney: AttorneyDoc, jurisdiction: string, languages: string[], matter: LegalMatter | undefined, activeAssignments: number): AttorneyMatch {
  const spoken = languages.filter((l) => attorney.languages.includes(l));
  return {
    attorney,
    meets: [`jurisdiction:${jurisdiction}`, ...spoken.map((l) => `language:${l}`), ...(matter ? [`matter:${matter}`] : [])],
    spoken: spoken.length,
    activeAssignments,
  };
}

export function ranked(matches: AttorneyMatch[], size: number): AttorneyMatch[] {
  return matches.sort((a, b) => b.spoken - a.spoken || a.activeAssignments - b.activeAssignments || a.attorney.name.localeCompare(b.attorney.name)).slice(0, size);
}

export async function matchAttorneys(ctx: LegalAidContext, jurisdiction: string, wanted: string[], matter?: LegalMatter, first?: number): Promise<AttorneyMatch[]> {
  const size = pageSize(first);
  if (size > MAX_MATCHES) throw badInput('first', `must be between 1 and ${MAX_MATCHES}`);
  const where = countryCode(jurisdiction, 'jurisdiction');
  const langs = languageCodes(wanted, 'languages');
  const { attorneys } = ctx.models;
  const entries = await attorneys.lists.read(attorneys.list('jurisdiction', where), 0, 5000);
  const found = (await ctx.loaders.attorney.loadMany(entries.map((e) => e.ref))).filter((a): a is AttorneyDoc => a !== null && !(a instanceof Error) && a.acceptingCases && isActive(a));
  const loads = await ctx.loaders.openAssignmentsOfAttorney.loadMany(found.map((a) => a.id));
  return ranked(
    found.map((attorney, i) => matchOf(attorney, where, langs, matter, (loads[i] as Array<Entity<AssignmentRecord>>).length)),
    size,
  );
}
