import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../common/storage';
import { meEntity, type MeRecord } from '../common/me';
import { isStaffOf } from './access';
import { operatedBy, type ShelterContext, type ShelterRecord } from './models';
import { Shelter } from './types';

/** `Me` in the shelters subgraph: the shelters the caller is staff of. */
export const Me = meEntity();

/** An operator runs a handful of shelters; more than this is no one's staff list. */
const MAX_SHELTERS = 200;

@Resolver(() => Me)
export class MeSheltersResolver {
  @FieldResolver(() => [Shelter], { description: "The shelters the caller is staff of (a shelter_staff token whose org runs them, in their jurisdiction); empty for every other role" })
  async shelters(@Root() _me: MeRecord, @Ctx() ctx: ShelterContext): Promise<Array<Entity<ShelterRecord>>> {
    const caller = ctx.caller;
    if (!caller || caller.role !== 'shelter_staff') return [];
    const { shelters } = ctx.models;
    const entries = await shelters.lists.read(shelters.list('operator', operatedBy({ jurisdiction: caller.jurisdiction, operator: caller.org })), 0, MAX_SHELTERS);
    const found = await ctx.loaders.shelter.loadMany(entries.map((e) => e.ref));
    // The list says who runs it; the one rule of staff decides (and drops what vanished).
    return found.filter((s): s is Entity<ShelterRecord> => s !== null && !(s instanceof Error) && isStaffOf(caller, s));
  }
}
