import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { visibleOrNull } from '../../common/access';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import type { VictimContext, ReferralRecord } from '../models';
import { acceptReferral, declineReferral, referralsOf, submitReferral } from '../domain/referrals';
import { AcceptReferralInput, AcceptReferralPayload, Referral, ReferralConnection, ReferralStatus, SubmitReferralInput } from '../schema/referral';
import { referralAccess } from '../access';
import { Victim } from '../schema/victim';

type ReferralDoc = Entity<ReferralRecord>;

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, {
    nullable: true,
    description: 'One referral: for the organisation that submitted it and the social workers of its jurisdiction (else null, as for an unknown id)',
  })
  async referral(@Arg('id', () => ID) id: string, @Ctx() ctx: VictimContext): Promise<ReferralDoc | null> {
    return visibleOrNull(referralAccess, ctx, await ctx.loaders.referral.load(recordId(id, 'id')));
  }

  @Query(() => ReferralConnection, {
    description: "Referrals, newest first: a social worker's jurisdiction's; for a partner system or the police, those its own organisation submitted",
  })
  async referrals(
    @Ctx() ctx: VictimContext,
    @Arg('status', () => ReferralStatus, { nullable: true }) status?: ReferralStatus,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return referralsOf(ctx, { status, first, after });
  }

  @Audited('REFERRAL_SUBMITTED')
  @Mutation(() => Referral, { description: "Refers a presumed victim to the social workers of the caller's jurisdiction (partner systems and the police)" })
  async submitReferral(@Arg('input', () => SubmitReferralInput) input: SubmitReferralInput, @Ctx() ctx: VictimContext) {
    return submitReferral(ctx, input);
  }

  @Audited('REFERRAL_ACCEPTED', 'REGISTER')
  @Mutation(() => AcceptReferralPayload, { description: 'Accepts a submitted referral: registers the person (duplicate check included) or links an existing registration' })
  async acceptReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('input', () => AcceptReferralInput, { nullable: true }) input: AcceptReferralInput | undefined,
    @Ctx() ctx: VictimContext,
  ) {
    return acceptReferral(ctx, referralId, input ?? {});
  }

  @Audited('REFERRAL_DECLINED')
  @Mutation(() => Referral, { description: 'Declines a submitted referral; the referring organisation reads the reason' })
  async declineReferral(@Arg('referralId', () => ID) referralId: string, @Arg('reason') reason: string, @Ctx() ctx: VictimContext) {
    return declineReferral(ctx, referralId, reason);
  }

  @FieldResolver(() => [String], { nullable: true })
  indicators(@Root() referral: ReferralDoc): string[] {
    return referral.indicatorCodes;
  }

  @FieldResolver(() => Victim, { nullable: true })
  async victim(@Root() referral: ReferralDoc, @Ctx() ctx: VictimContext) {
    return referral.victimId ? ctx.loaders.victim.load(referral.victimId) : null;
  }
}
