import type { Entity } from '../../common/storage';
import { pageOf } from '../../common/storage';
import { countryCode } from '../../common/validate';
import { isStaffOf } from '../access';
import { operatedBy, type ShelterContext, type ShelterRecord } from '../models';

/** Reading the directory of shelters: by jurisdiction, by the caller's staff, and their free beds. */

type ShelterDoc = Entity<ShelterRecord>;

/** An operator runs a handful of shelters; more than this is no one's staff list. */
const MAX_SHELTERS = 200;

/** A page of the shelters of a jurisdiction (default: the caller's), oldest first. */
export function sheltersOf(ctx: ShelterContext, jurisdiction: string | undefined, page: { first?: number; after?: string }) {
  const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : ctx.caller!.jurisdiction;
  return pageOf([{ records: ctx.models.shelters, list: ctx.models.shelters.list('jurisdiction', asked) }], page);
}

/** Free beds now: never below zero, even while an over-held bed is being given back. */
export async function availableBeds(ctx: ShelterContext, shelter: ShelterDoc): Promise<number> {
  return Math.max(0, shelter.capacity - (await ctx.loaders.occupancy.load(shelter)));
}

/** The shelters the caller is staff of (a shelter_staff token whose org runs them, in their jurisdiction); none for every other role. */
export async function staffShelters(ctx: ShelterContext): Promise<ShelterDoc[]> {
  const caller = ctx.caller;
  if (!caller || caller.role !== 'shelter_staff') return [];
  const { shelters } = ctx.models;
  const entries = await shelters.lists.read(shelters.list('operator', operatedBy({ jurisdiction: caller.jurisdiction, operator: caller.org })), 0, MAX_SHELTERS);
  const found = await ctx.loaders.shelter.loadMany(entries.map((e) => e.ref));
  // The list says who runs it; the one rule of staff decides (and drops what vanished).
  return found.filter((s): s is ShelterDoc => s !== null && !(s instanceof Error) && isStaffOf(caller, s));
}
