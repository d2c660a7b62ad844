import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { visibleOnly } from '../common/access';
import type { Entity } from '../common/storage';
import { meEntity, type MeRecord } from '../common/me';
import { handoffAccess } from './access';
import { attorneyOfCaller, isActive } from './directory';
import type { AttorneyRecord, HandoffRecord, LegalAidContext } from './models';
import { Attorney, Handoff } from './types';
import { HandoffStatus } from './vocabulary';

/** `Me` in the legal aid subgraph: the caller's own attorney record and the files offered to her. */
export const Me = meEntity();

/** At most this many offers in `me.handoffsOffered` (the newest). */
export const MAX_OFFERS_SHOWN = 50;

/**
 * The handoffs waiting for an answer from the caller's provider in the caller's
 * jurisdiction, newest first: for a registered, active attorney of that provider (who may
 * answer them), else none.
 */
export async function offersForCaller(ctx: LegalAidContext): Promise<Array<Entity<HandoffRecord>>> {
  const self = await attorneyOfCaller(ctx);
  if (!self || !isActive(self)) return [];
  const caller = ctx.caller!;
  const offered = (await ctx.loaders.handoffsOfferedToProvider.load(caller.org)).filter((h) => h.status === HandoffStatus.OFFERED && h.toJurisdiction === caller.jurisdiction);
  offered.sort((a, b) => b.offeredAt.getTime() - a.offeredAt.getTime());
  return visibleOnly(handoffAccess, ctx, offered.slice(0, MAX_OFFERS_SHOWN));
}

@Resolver(() => Me)
export class LegalAidMeResolver {
  @FieldResolver(() => Attorney, { nullable: true, description: "The caller's own attorney record (the token's sub at the token's org as provider), active or not" })
  attorney(@Root() _me: MeRecord, @Ctx() ctx: LegalAidContext): Promise<Entity<AttorneyRecord> | null> {
    return attorneyOfCaller(ctx);
  }

  @FieldResolver(() => [Handoff], { description: `Handoffs offered to the caller's provider in her jurisdiction that she may answer (a registered, active attorney of it), newest first, at most ${MAX_OFFERS_SHOWN}` })
  handoffsOffered(@Root() _me: MeRecord, @Ctx() ctx: LegalAidContext): Promise<Array<Entity<HandoffRecord>>> {
    return offersForCaller(ctx);
  }
}
