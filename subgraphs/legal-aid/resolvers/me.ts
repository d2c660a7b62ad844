import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../common/storage';
import type { MeRecord } from '../../common/me';
import { attorneyOfCaller } from '../domain/directory';
import { MAX_OFFERS_SHOWN, offersForCaller } from '../domain/handoffs';
import type { AttorneyRecord, HandoffRecord, LegalAidContext } from '../models';
import { Attorney } from '../schema/attorney';
import { Handoff } from '../schema/handoff';
import { Me } from '../schema/me';

@Resolver(() => Me)
export class LegalAidMeResolver {
  @FieldResolver(() => Attorney, { nullable: true, description: "The caller's own attorney record (the token's sub at the token's org as provider), active or not" })
  attorney(@Root() _me: MeRecord, @Ctx() ctx: LegalAidContext): Promise<Entity<AttorneyRecord> | null> {
    return attorneyOfCaller(ctx);
  }

  @FieldResolver(() => [Handoff], { nullable: true, description: `Handoffs offered to the caller's provider in her jurisdiction that she may answer (a registered, active attorney of it), newest first, at most ${MAX_OFFERS_SHOWN}` })
  handoffsOffered(@Root() _me: MeRecord, @Ctx() ctx: LegalAidContext): Promise<Array<Entity<HandoffRecord>>> {
    return offersForCaller(ctx);
  }
}
