import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { visibleOrNull } from '../../common/access';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import { reintegrationAccess } from '../access';
import {
  addReintegrationGoal,
  closeReintegration,
  reintegrationOf,
  reintegrationReviewsDue,
  reviewReintegration,
  updateReintegrationGoal,
} from '../domain/reintegration';
import type { ReintegrationPlanRecord, VictimContext, VictimRecord } from '../models';
import {
  ReintegrationGoalInput,
  ReintegrationOutcome,
  ReintegrationPlan,
  ReintegrationPlanConnection,
  ReintegrationReviewInput,
  UpdateReintegrationGoalInput,
} from '../schema/reintegration';
import { Victim } from '../schema/victim';

/** Reintegration plans (domain/reintegration.ts); who may call each: permissions.ts, docs/returns.md. */
@Resolver(() => Victim)
export class ReintegrationResolver {
  @Query(() => ReintegrationPlan, { nullable: true, description: 'One reintegration plan: for the destination that owns it and the sending side (else null, as for an unknown id)' })
  async reintegrationPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: VictimContext): Promise<Entity<ReintegrationPlanRecord> | null> {
    return visibleOrNull(reintegrationAccess, ctx, await ctx.loaders.reintegrationPlan.load(recordId(id, 'id')));
  }

  @Query(() => ReintegrationPlanConnection, {
    description: "The open reintegration plans of the caller's jurisdiction with a review overdue (3, 6 or 12 months after arrival, on the hub's clock), the longest overdue first; social workers",
  })
  async reintegrationReviewsDue(
    @Ctx() ctx: VictimContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return reintegrationReviewsDue(ctx, { first, after });
  }

  @Audited('REINTEGRATION_GOAL_ADDED')
  @Mutation(() => ReintegrationPlan, { description: 'Adds a goal to an open reintegration plan; a social worker of the destination that owns it' })
  async addReintegrationGoal(@Arg('planId', () => ID) planId: string, @Arg('input', () => ReintegrationGoalInput) input: ReintegrationGoalInput, @Ctx() ctx: VictimContext) {
    return addReintegrationGoal(ctx, planId, input);
  }

  @Audited('REINTEGRATION_GOAL_UPDATED')
  @Mutation(() => ReintegrationPlan, { description: "Changes a goal's status, target, provider, language or cultural notes (only the fields given)" })
  async updateReintegrationGoal(
    @Arg('planId', () => ID) planId: string,
    @Arg('goalId', () => ID) goalId: string,
    @Arg('input', () => UpdateReintegrationGoalInput) input: UpdateReintegrationGoalInput,
    @Ctx() ctx: VictimContext,
  ) {
    return updateReintegrationGoal(ctx, planId, goalId, input);
  }

  @Audited('REINTEGRATION_REVIEWED')
  @Mutation(() => ReintegrationPlan, { description: 'Holds the earliest outstanding review whose date has come (3, 6, 12 months after arrival)' })
  async reviewReintegration(@Arg('planId', () => ID) planId: string, @Arg('input', () => ReintegrationReviewInput) input: ReintegrationReviewInput, @Ctx() ctx: VictimContext) {
    return reviewReintegration(ctx, planId, input);
  }

  @Audited('REINTEGRATION_CLOSED')
  @Mutation(() => ReintegrationPlan, { description: 'Closes a reintegration plan with its outcome' })
  async closeReintegration(
    @Arg('planId', () => ID) planId: string,
    @Arg('outcome', () => ReintegrationOutcome) outcome: ReintegrationOutcome,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @Ctx() ctx: VictimContext,
  ) {
    return closeReintegration(ctx, planId, outcome, note);
  }

  @FieldResolver(() => ReintegrationPlan, { nullable: true, description: 'Her latest reintegration plan the caller may know of (opened when she arrived home)' })
  async reintegration(@Root() victim: Entity<VictimRecord>, @Ctx() ctx: VictimContext) {
    return reintegrationOf(ctx, victim.id);
  }
}
