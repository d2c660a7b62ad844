import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { agreeReturn, cancelReturn, proposeReturn, recordArrival, recordDeparture, recordRiskAssessment, returnPlansOf } from '../domain/returns';
import type { VictimContext, VictimRecord } from '../models';
import { AgreeReturnInput, ProposeReturnInput, ReturnPlan, RiskAssessmentInput } from '../schema/returns';
import { Victim } from '../schema/victim';

/** Returns home (domain/returns.ts); who may call each: permissions.ts, docs/returns.md. */
@Resolver(() => Victim)
export class ReturnPlanResolver {
  @Audited('RETURN_PROPOSED')
  @Mutation(() => ReturnPlan, {
    description:
      "Proposes a victim's return to another jurisdiction, with her recorded wish; needs her active consent to share IDENTITY, HEALTH, LOCATION and TESTIMONY with it for REPATRIATION. A social worker of the victim's jurisdiction",
  })
  async proposeReturn(@Arg('victimId', () => ID) victimId: string, @Arg('input', () => ProposeReturnInput) input: ProposeReturnInput, @Ctx() ctx: VictimContext) {
    return proposeReturn(ctx, victimId, input);
  }

  @Audited('RETURN_RISK_ASSESSED')
  @Mutation(() => ReturnPlan, { description: "The destination's risk assessment of a PROPOSED (or ASSESSED) return; a social worker or police officer of the destination" })
  async recordRiskAssessment(
    @Arg('returnPlanId', () => ID) returnPlanId: string,
    @Arg('input', () => RiskAssessmentInput) input: RiskAssessmentInput,
    @Ctx() ctx: VictimContext,
  ) {
    return recordRiskAssessment(ctx, returnPlanId, input);
  }

  @Audited('RETURN_AGREED')
  @Mutation(() => ReturnPlan, {
    description: 'Agrees an ASSESSED return once reception is arranged (never with an UNACCEPTABLE risk; a HIGH one with a mitigation); a social worker of the destination',
  })
  async agreeReturn(@Arg('returnPlanId', () => ID) returnPlanId: string, @Arg('input', () => AgreeReturnInput) input: AgreeReturnInput, @Ctx() ctx: VictimContext) {
    return agreeReturn(ctx, returnPlanId, input);
  }

  @Audited('RETURN_DEPARTED')
  @Mutation(() => ReturnPlan, { description: 'She left for an AGREED return: the victim is REPATRIATING. A social worker of the sending side' })
  async recordDeparture(@Arg('returnPlanId', () => ID) returnPlanId: string, @Ctx() ctx: VictimContext) {
    return recordDeparture(ctx, returnPlanId);
  }

  @Audited('RETURN_ARRIVED', 'REINTEGRATION_OPENED')
  @Mutation(() => ReturnPlan, { description: 'She arrived: the victim is REINTEGRATING and her reintegration plan is opened. A social worker of the destination' })
  async recordArrival(@Arg('returnPlanId', () => ID) returnPlanId: string, @Ctx() ctx: VictimContext) {
    return recordArrival(ctx, returnPlanId);
  }

  @Audited('RETURN_CANCELLED')
  @Mutation(() => ReturnPlan, { description: 'Cancels a return before departure, with a reason; a social worker of either side' })
  async cancelReturn(@Arg('returnPlanId', () => ID) returnPlanId: string, @Arg('reason') reason: string, @Ctx() ctx: VictimContext) {
    return cancelReturn(ctx, returnPlanId, reason);
  }

  @FieldResolver(() => [ReturnPlan], { nullable: true, description: 'Her returns the caller may know of, oldest first (the sending side and the destination of each)' })
  async returnPlans(@Root() victim: Entity<VictimRecord>, @Ctx() ctx: VictimContext) {
    return returnPlansOf(ctx, victim.id);
  }
}
