import { badInput, notFound } from '../../../platform/errors';
import { visibleOnly, visibleOrNull } from '../../common/access';
import type { Entity } from '../../common/storage';
import { pageOf } from '../../common/storage';
import { checkAll, checkEach, countryCode, dateTime, newId, nonEmptyList, recordId, text } from '../../common/validate';
import { proceedingAccess } from '../access';
import { APPOINTED_ROLES } from '../../../platform/auth';
import { counselProceedingsPage } from '../defence/domain/appointment';
import type { HearingRecord, ProceedingContext, ProceedingRecord } from '../models';
import type { OpenProceedingInput, ScheduleHearingInput } from '../schema/inputs';
import { ProceedingStage, STAGE_ORDER } from '../schema/vocabulary';

/**
 * Proceedings: opened by a prosecutor or judge with the victims of their jurisdiction
 * (asked of the victims subgraph), moved forward through the stages only, and given
 * hearings in the future.
 */

type ProceedingDoc = Entity<ProceedingRecord>;

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** A proceeding only moves forward: refuses a stage that is not after the current one. */
export function checkForward(current: string, stage: ProceedingStage): void {
  if (STAGE_ORDER.indexOf(stage) <= STAGE_ORDER.indexOf(current as ProceedingStage)) {
    throw badInput('stage', `a proceeding at ${current} can only move forward (${STAGE_ORDER.slice(STAGE_ORDER.indexOf(current as ProceedingStage) + 1).join(', ') || 'nothing after CLOSED'})`);
  }
}

/** The caller's jurisdiction's proceedings, oldest first; another jurisdiction's list is empty. */
export async function proceedingsPage(ctx: ProceedingContext, args: { jurisdiction?: string; stage?: ProceedingStage; first?: number; after?: string }) {
  // Defence counsel acts for no jurisdiction: her list is of the proceedings she is appointed in.
  if (APPOINTED_ROLES.includes(ctx.caller!.role)) return counselProceedingsPage(ctx, args);
  const own = ctx.caller!.jurisdiction;
  const asked = args.jurisdiction != null ? countryCode(args.jurisdiction, 'jurisdiction') : own;
  const { proceedings } = ctx.models;
  const { stage } = args;
  const segments = asked === own ? [{ records: proceedings, list: stage ? proceedings.list('jurisdictionStage', `${own}:${stage}`) : proceedings.list('jurisdiction', own) }] : [];
  const page = await pageOf(segments, { first: args.first, after: args.after });
  for (const { node } of page.edges) ctx.loaders.proceeding.prime(node.id, node);
  return page;
}

export async function openProceeding(ctx: ProceedingContext, input: OpenProceedingInput) {
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
        convictedDefendants: [],
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

/** Moves a proceeding forward; closing it records when, and the outcome and the defendants convicted if given. */
export async function advanceStage(ctx: ProceedingContext, proceedingId: string, stage: ProceedingStage, outcome?: string, convictedDefendants?: string[] | null) {
  const id = recordId(proceedingId, 'proceedingId');
  const proceeding = (await ctx.loaders.proceeding.load(id))!; // the rule found it
  const { recorded, convicted } = await checkAll({
    recorded: () => {
      if (outcome == null) return null;
      if (stage !== ProceedingStage.CLOSED) throw badInput('outcome', 'is recorded only when the proceeding is CLOSED');
      return text(outcome, 'outcome', { max: 1000 });
    },
    convicted: () => convictedOf(proceeding, stage, convictedDefendants),
  });
  checkForward(proceeding.stage, stage); // refused before anything is logged
  const fields = ['stage', ...(recorded ? ['outcome'] : []), ...(convicted.length > 0 ? ['convictedDefendants'] : [])];
  return ctx.audit.change('STAGE_ADVANCED', 'Proceeding', id, fields, async () => {
    const updated = await ctx.models.proceedings.update(id, (p) => {
      checkForward(p.stage, stage); // again under the lock: another change may have moved it meanwhile
      return { stage, ...(stage === ProceedingStage.CLOSED ? { closedAt: ctx.now, outcome: recorded, convictedDefendants: convicted } : {}) };
    });
    if (!updated) throw notFound('Proceeding', proceedingId);
    return updated;
  });
}

/** The defendants a closing judgment convicted, by alias: only with CLOSED, each a defendant of the proceeding, once. */
async function convictedOf(proceeding: Pick<ProceedingRecord, 'defendants'>, stage: ProceedingStage, given: string[] | null | undefined): Promise<string[]> {
  if (given == null || given.length === 0) return [];
  if (stage !== ProceedingStage.CLOSED) throw badInput('convictedDefendants', 'are recorded only when the proceeding is CLOSED (the final judgment)');
  if (given.length > 50) throw badInput('convictedDefendants', 'must list at most 50 (a proceeding has at most 50 defendants)');
  const aliases = proceeding.defendants.map((d) => d.alias);
  const checked = await checkEach(given, (alias, i) => {
    if (!aliases.includes(alias)) throw badInput(`convictedDefendants[${i}]`, `is no defendant of this proceeding (its defendants: ${aliases.join(', ') || 'none'})`);
    return alias;
  });
  return [...new Set(checked)];
}

export async function scheduleHearing(ctx: ProceedingContext, proceedingId: string, input: ScheduleHearingInput): Promise<HearingRecord> {
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

/** A proceeding's hearings, the earliest first (whatever order they were scheduled in). */
export function hearingsInOrder(proceeding: ProceedingRecord): HearingRecord[] {
  return [...proceeding.hearings].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
}

/** Used by Victim.proceedings: what the caller may see of the victim's proceedings. */
export async function proceedingsOfVictim(ctx: ProceedingContext, victimId: string): Promise<ProceedingDoc[]> {
  return visibleOnly(proceedingAccess, ctx, await ctx.loaders.proceedingsOfVictim.load(victimId));
}

/** One proceeding by id, or null when the caller may not see it (as for an unknown id). */
export async function proceedingById(ctx: ProceedingContext, id: string): Promise<ProceedingDoc | null> {
  return visibleOrNull(proceedingAccess, ctx, await ctx.loaders.proceeding.load(recordId(id, 'id')));
}
