import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../common/audited';
import { badInput, notFound } from '../../platform/errors';
import { visibleOnly, visibleOrNull } from '../common/access';
import type { Entity } from '../common/storage';
import { pageOf } from '../common/storage';
import { checkAll, checkEach, countryCode, dateTime, newId, nonEmptyList, recordId, text } from '../common/validate';
import type { ProceedingContext, ProceedingRecord } from './models';
import { Evidence, evidenceOf } from './evidence';
import { ordersOf, ProtectiveOrder } from './orders';
import {
  Hearing,
  OpenProceedingInput,
  Proceeding,
  ProceedingConnection,
  proceedingAccess,
  ProceedingStage,
  ScheduleHearingInput,
  STAGE_ORDER,
  VictimReference,
} from './types';

type ProceedingDoc = Entity<ProceedingRecord>;

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

@Resolver(() => Proceeding)
export class ProceedingResolver {
  @Query(() => Proceeding, { nullable: true, description: "One proceeding of the caller's jurisdiction by id (else null, as for an unknown id)" })
  async proceeding(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext): Promise<ProceedingDoc | null> {
    return visibleOrNull(proceedingAccess, ctx, await ctx.loaders.proceeding.load(recordId(id, 'id')));
  }

  @Query(() => ProceedingConnection, { description: "Proceedings of the caller's jurisdiction, oldest first; another jurisdiction's list is empty" })
  async proceedings(
    @Ctx() ctx: ProceedingContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('stage', () => ProceedingStage, { nullable: true }) stage?: ProceedingStage,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const own = ctx.caller!.jurisdiction;
    const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : own;
    const { proceedings } = ctx.models;
    const segments = asked === own ? [{ records: proceedings, list: stage ? proceedings.list('jurisdictionStage', `${own}:${stage}`) : proceedings.list('jurisdiction', own) }] : [];
    const page = await pageOf(segments, { first, after });
    for (const { node } of page.edges) ctx.loaders.proceeding.prime(node.id, node);
    return page;
  }

  @Audited('PROCEEDING_OPENED')
  @Mutation(() => Proceeding, { description: "Opens a proceeding in the caller's jurisdiction (prosecutor or judge); victims are given by id" })
  async openProceeding(@Arg('input', () => OpenProceedingInput) input: OpenProceedingInput, @Ctx() ctx: ProceedingContext) {
    const jurisdiction = ctx.caller!.jurisdiction;
    // The whole input first, every wrong field in one answer; then the victims, asked of their subgraph.
    const { caseNumber, court, charges, defendants, victimIds: given } = await checkAll({
      caseNumber: () => text(input.caseNumber, 'input.caseNumber', { max: 60 }),
      court: () => text(input.court, 'input.court', { max: 200 }),
      charges: () => checkEach(nonEmptyList(input.charges, 'input.charges', 20), (c, i) => text(c, `input.charges[${i}]`, { max: 200 })),
      defendants: () => {
        if (input.defendants.length > 50) throw badInput('input.defendants', 'must list at most 50');
        return checkEach(input.defendants, (d, i) =>
          checkAll({
            alias: () => text(d.alias, `input.defendants[${i}].alias`, { max: 100 }),
            nationality: () => countryCode(d.nationality, `input.defendants[${i}].nationality`),
            gender: () => d.gender,
          }),
        );
      },
      victimIds: () => checkEach(nonEmptyList(input.victimIds, 'input.victimIds', 50), (id, i) => recordId(id, `input.victimIds[${i}]`)),
    });
    // Asked of the victims subgraph (one batch): an unknown victim and another jurisdiction's answer alike.
    const homes = await Promise.all(given.map((id) => ctx.consents.jurisdictionOf(id)));
    await checkEach(homes, (home, i) => {
      if (home !== jurisdiction) throw badInput(`input.victimIds[${i}]`, `no victim of ${jurisdiction} has this id`);
    });
    const victimIds = [...new Set(given)];
    const _id = newId();
    try {
      return await ctx.audit.change('PROCEEDING_OPENED', 'Proceeding', _id, ['caseNumber', 'court', 'kind', 'charges', 'defendants', 'victims'], () =>
        ctx.models.proceedings.create({
          _id,
          caseNumber,
          caseKey: `${jurisdiction}:${caseNumber}`,
          jurisdiction,
          court,
          kind: input.kind,
          stage: ProceedingStage.INVESTIGATION,
          charges,
          defendants,
          victimIds,
          hearings: [],
          outcome: null,
          openedAt: ctx.now,
          openedBy: ctx.caller!.sub,
          closedAt: null,
        }),
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw badInput('input.caseNumber', `${jurisdiction} already has a proceeding ${caseNumber}`);
      throw error;
    }
  }

  @Audited('STAGE_ADVANCED')
  @Mutation(() => Proceeding, { description: 'Moves a proceeding to a later stage (prosecutor or judge of its jurisdiction); never back. Closing it may record the outcome.' })
  async advanceStage(
    @Arg('proceedingId', () => ID) proceedingId: string,
    @Arg('stage', () => ProceedingStage) stage: ProceedingStage,
    @Ctx() ctx: ProceedingContext,
    @Arg('outcome', () => String, { nullable: true, description: 'With stage CLOSED: the outcome, e.g. "Convicted on all counts"' }) outcome?: string,
  ) {
    const id = recordId(proceedingId, 'proceedingId');
    const { recorded } = await checkAll({
      recorded: () => {
        if (outcome == null) return null;
        if (stage !== ProceedingStage.CLOSED) throw badInput('outcome', 'is recorded only when the proceeding is CLOSED');
        return text(outcome, 'outcome', { max: 1000 });
      },
    });
    const forward = (current: string) => {
      if (STAGE_ORDER.indexOf(stage) <= STAGE_ORDER.indexOf(current as ProceedingStage)) {
        throw badInput('stage', `a proceeding at ${current} can only move forward (${STAGE_ORDER.slice(STAGE_ORDER.indexOf(current as ProceedingStage) + 1).join(', ') || 'nothing after CLOSED'})`);
      }
    };
    forward((await ctx.loaders.proceeding.load(id))!.stage); // refused before anything is logged
    return ctx.audit.change('STAGE_ADVANCED', 'Proceeding', id, recorded ? ['stage', 'outcome'] : ['stage'], async () => {
      const updated = await ctx.models.proceedings.update(id, (p) => {
        forward(p.stage); // again under the lock: another change may have moved it meanwhile
        return { stage, ...(stage === ProceedingStage.CLOSED ? { closedAt: ctx.now, outcome: recorded } : {}) };
      });
      if (!updated) throw notFound('Proceeding', proceedingId);
      return updated;
    });
  }

  @Audited('HEARING_SCHEDULED')
  @Mutation(() => Hearing, { description: 'Schedules a hearing (judge or prosecutor of the proceeding’s jurisdiction)' })
  async scheduleHearing(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => ScheduleHearingInput) input: ScheduleHearingInput, @Ctx() ctx: ProceedingContext) {
    const id = recordId(proceedingId, 'proceedingId');
    const { scheduledAt, court } = await checkAll({
      scheduledAt: () => {
        const at = dateTime(input.scheduledAt, 'input.scheduledAt');
        if (at <= ctx.now) throw badInput('input.scheduledAt', 'must be in the future');
        return at;
      },
      court: () => text(input.court, 'input.court', { max: 200 }),
    });
    const hearing = {
      id: newId(),
      scheduledAt,
      court,
      victimAppearance: input.victimAppearance,
      safeTransportNeeded: input.safeTransportNeeded,
      scheduledBy: ctx.caller!.sub,
    };
    await ctx.audit.change('HEARING_SCHEDULED', 'Proceeding', id, ['hearings'], async () => {
      const updated = await ctx.models.proceedings.update(id, (p) => ({ hearings: [...p.hearings, hearing] }));
      if (!updated) throw notFound('Proceeding', proceedingId);
    });
    return hearing;
  }

  @FieldResolver(() => [VictimReference], { nullable: true })
  victims(@Root() proceeding: ProceedingDoc): VictimReference[] {
    return proceeding.victimIds.map((id) => ({ id }));
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
    return [...proceeding.hearings].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime()) as Hearing[];
  }
}

@Resolver(() => VictimReference)
export class VictimProceedingsResolver {
  @FieldResolver(() => [Proceeding], { description: "The victim's proceedings in the caller's jurisdiction (contributed by the proceedings subgraph)" })
  async proceedings(@Root() victim: VictimReference, @Ctx() ctx: ProceedingContext): Promise<ProceedingDoc[]> {
    return visibleOnly(proceedingAccess, ctx, await ctx.loaders.proceedingsOfVictim.load(victim.id));
  }
}
