import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { gapsOf } from '../domain/gaps';
import { legalAidOf, type VictimLegalAidShown } from '../domain/victim';
import type { LegalAidContext } from '../models';
import { VictimReference } from '../schema/references';
import { LegalAidGap, VictimLegalAid } from '../schema/victim';

/** The field this subgraph adds to the victims subgraph's Victim. */
@Resolver(() => VictimReference)
export class VictimLegalAidResolver {
  @FieldResolver(() => VictimLegalAid, { nullable: true, description: "The victim's legal aid the caller may see, across jurisdictions, and its gaps (contributed by the legal aid subgraph)" })
  legalAid(@Root() victim: VictimReference, @Ctx() ctx: LegalAidContext) {
    return legalAidOf(ctx, victim.id);
  }
}

@Resolver(() => VictimLegalAid)
export class VictimLegalAidGapsResolver {
  @FieldResolver(() => [LegalAidGap], { nullable: true })
  gaps(@Root() legalAid: VictimLegalAidShown, @Ctx() ctx: LegalAidContext) {
    return gapsOf(ctx, legalAid.victimId, legalAid.shown);
  }
}
