import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { evidenceOf } from '../domain/evidence';
import { ordersOf } from '../domain/order';
import { advanceStage, hearingsInOrder, openProceeding, proceedingById, proceedingsOfVictim, proceedingsPage, scheduleHearing } from '../domain/proceeding';
import type { ProceedingContext, ProceedingRecord } from '../models';
import { Evidence } from '../schema/evidence';
import { Hearing } from '../schema/hearing';
import { OpenProceedingInput, ScheduleHearingInput } from '../schema/inputs';
import { ProtectiveOrder } from '../schema/order';
import { Proceeding, ProceedingConnection, VictimReference } from '../schema/proceeding';
import { ProceedingStage } from '../schema/vocabulary';

type ProceedingDoc = Entity<ProceedingRecord>;

@Resolver(() => Proceeding)
export class ProceedingResolver {
  @Query(() => Proceeding, { nullable: true, description: "One proceeding of the caller's jurisdiction by id (else null, as for an unknown id)" })
  async proceeding(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext): Promise<ProceedingDoc | null> {
    return proceedingById(ctx, id);
  }

  @Query(() => ProceedingConnection, { description: "Proceedings of the caller's jurisdiction, oldest first; another jurisdiction's list is empty. Defence counsel: the proceedings she is appointed in (not by stage)" })
  async proceedings(
    @Ctx() ctx: ProceedingContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('stage', () => ProceedingStage, { nullable: true }) stage?: ProceedingStage,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return proceedingsPage(ctx, { jurisdiction, stage, first, after });
  }

  @Audited('PROCEEDING_OPENED')
  @Mutation(() => Proceeding, { description: "Opens a proceeding in the caller's jurisdiction (prosecutor or judge); victims are given by id" })
  async openProceeding(@Arg('input', () => OpenProceedingInput) input: OpenProceedingInput, @Ctx() ctx: ProceedingContext) {
    return openProceeding(ctx, input);
  }

  @Audited('STAGE_ADVANCED')
  @Mutation(() => Proceeding, { description: 'Moves a proceeding to a later stage (prosecutor or judge of its jurisdiction); never back. Closing it may record the outcome.' })
  async advanceStage(
    @Arg('proceedingId', () => ID) proceedingId: string,
    @Arg('stage', () => ProceedingStage) stage: ProceedingStage,
    @Ctx() ctx: ProceedingContext,
    @Arg('outcome', () => String, { nullable: true, description: 'With stage CLOSED: the outcome, e.g. "Convicted on all counts"' }) outcome?: string,
    @Arg('convictedDefendants', () => [String], { nullable: true, description: 'With stage CLOSED: the aliases of the defendants the final judgment convicted (left out: none); counted by the CONVICTIONS indicator' })
    convictedDefendants?: string[],
  ) {
    return advanceStage(ctx, proceedingId, stage, outcome, convictedDefendants);
  }

  @Audited('HEARING_SCHEDULED')
  @Mutation(() => Hearing, { description: 'Schedules a hearing (judge or prosecutor of the proceeding’s jurisdiction)' })
  async scheduleHearing(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => ScheduleHearingInput) input: ScheduleHearingInput, @Ctx() ctx: ProceedingContext) {
    return scheduleHearing(ctx, proceedingId, input);
  }

  @FieldResolver(() => [VictimReference], { nullable: true })
  victims(@Root() proceeding: ProceedingDoc): VictimReference[] {
    return proceeding.victimIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [String], { nullable: true })
  convictedDefendants(@Root() proceeding: ProceedingDoc): string[] {
    return proceeding.convictedDefendants ?? []; // recorded before convictions were: none recorded
  }

  @FieldResolver(() => [Evidence], { nullable: true })
  evidence(@Root() proceeding: ProceedingDoc, @Ctx() ctx: ProceedingContext) {
    return evidenceOf(proceeding.id, ctx);
  }

  @FieldResolver(() => [ProtectiveOrder], { nullable: true })
  protectiveOrders(@Root() proceeding: ProceedingDoc, @Ctx() ctx: ProceedingContext) {
    return ordersOf(proceeding.id, ctx);
  }

  @FieldResolver(() => [Hearing], { nullable: true })
  hearings(@Root() proceeding: ProceedingDoc): Hearing[] {
    return hearingsInOrder(proceeding) as Hearing[];
  }
}

@Resolver(() => VictimReference)
export class VictimProceedingsResolver {
  @FieldResolver(() => [Proceeding], { nullable: true, description: "The victim's proceedings in the caller's jurisdiction (contributed by the proceedings subgraph)" })
  async proceedings(@Root() victim: VictimReference, @Ctx() ctx: ProceedingContext): Promise<ProceedingDoc[]> {
    return proceedingsOfVictim(ctx, victim.id);
  }
}
