import { badInput, conflict, notFound } from '../../../platform/errors';
import { visibleOnly, visibleOrNotFound } from '../../common/access';
import { sortedPageOf, type Entity } from '../../common/storage';
import { checkAll, languageCode, newId, recordId, text } from '../../common/validate';
import { reintegrationAccess } from '../access';
import type { ReintegrationGoalRecord, ReintegrationPlanRecord, ReintegrationReviewRecord, ReturnPlanRecord, VictimContext } from '../models';
import { ReintegrationGoalInput, ReintegrationGoalStatus, ReintegrationOutcome, ReintegrationReviewInput, ReintegrationStatus, UpdateReintegrationGoalInput } from '../schema/reintegration';

/**
 * The reintegration plan that follows her home (issue 27, docs/returns.md): opened when the
 * destination records her arrival, owned by the destination. Its social workers add goals
 * (area, the target in her words, the provider, the language of the service, cultural
 * notes), update them, hold the reviews due 3, 6 and 12 months after her arrival, and
 * close it with an outcome. Times come from the hub's clock (ctx.now).
 */

type PlanDoc = Entity<ReintegrationPlanRecord>;

/** Months after arrival at which a review is due. */
export const REVIEW_MONTHS = [3, 6, 12] as const;
export const MAX_GOALS = 30;

/** The same instant `months` calendar months later (UTC), the day clamped to the month's last. */
export function monthsAfter(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** The earliest review not held, or null. */
export function nextReviewDue(reviews: ReintegrationReviewRecord[]): Date | null {
  return reviews.find((r) => r.reviewedAt === null)?.dueAt ?? null;
}

/** The plan opened at her arrival (called under the victim's lock by recordArrival, domain/returns.ts). */
export async function openReintegration(ctx: VictimContext, plan: Entity<ReturnPlanRecord>): Promise<PlanDoc> {
  const arrivedAt = ctx.now;
  const reviews = REVIEW_MONTHS.map((months) => ({ monthsAfterArrival: months, dueAt: monthsAfter(arrivedAt, months), reviewedAt: null, reviewedBy: null, note: null }));
  const _id = newId();
  const record: Omit<ReintegrationPlanRecord, '_listed'> = {
    _id,
    victimId: plan.victimId,
    returnPlanId: plan.id,
    jurisdiction: plan.destinationJurisdiction,
    sendingJurisdiction: plan.sendingJurisdiction,
    status: ReintegrationStatus.OPEN,
    openedAt: arrivedAt,
    goals: [],
    reviews,
    nextReviewDue: nextReviewDue(reviews),
    ...{ closedAt: null, closedBy: null, outcome: null, closingNote: null },
  };
  return ctx.audit.change('REINTEGRATION_OPENED', 'ReintegrationPlan', _id, ['nextReviewDue', 'openedAt', 'status'], () => ctx.models.reintegrationPlans.create(record));
}

/** A plan the caller may know of, by id; else NOT_FOUND as for an unknown id (the rule checked the side). */
async function knownPlan(ctx: VictimContext, planId: string): Promise<PlanDoc> {
  return visibleOrNotFound(reintegrationAccess, ctx, await ctx.loaders.reintegrationPlan.load(recordId(planId, 'planId')), planId);
}

const closedPlan = () => conflict('This reintegration plan is CLOSED: it takes no change', 'planId');

/** One audited change of an OPEN plan under its lock. */
async function changePlan(ctx: VictimContext, plan: PlanDoc, action: string, fields: string[], change: (current: PlanDoc) => Partial<ReintegrationPlanRecord>): Promise<PlanDoc> {
  if (plan.status !== ReintegrationStatus.OPEN) throw closedPlan();
  return ctx.audit.change(action, 'ReintegrationPlan', plan.id, [...fields].sort(), async () => {
    const changed = await ctx.models.reintegrationPlans.update(plan.id, (current) => {
      if (current.status !== ReintegrationStatus.OPEN) throw closedPlan();
      return change(current);
    });
    if (!changed) throw notFound('ReintegrationPlan', plan.id);
    return changed;
  });
}

const optionalText = (value: string | null | undefined, field: string, max: number) => (value == null ? null : text(value, field, { max }));

export async function addReintegrationGoal(ctx: VictimContext, planId: string, input: ReintegrationGoalInput) {
  const plan = await knownPlan(ctx, planId);
  const v = await checkAll({
    target: () => text(input.target, 'input.target', { max: 1000 }),
    provider: () => text(input.provider, 'input.provider', { max: 200 }),
    language: () => (input.language == null ? null : languageCode(input.language, 'input.language')),
    culturalNotes: () => optionalText(input.culturalNotes, 'input.culturalNotes', 1000),
  });
  const goal: ReintegrationGoalRecord = { id: newId(), area: input.area, ...v, status: ReintegrationGoalStatus.PLANNED, addedBy: ctx.caller!.sub, addedAt: ctx.now, updatedAt: ctx.now };
  return changePlan(ctx, plan, 'REINTEGRATION_GOAL_ADDED', ['goals'], (current) => {
    if (current.goals.length >= MAX_GOALS) throw conflict(`This plan holds ${MAX_GOALS} goals, the most it keeps`, 'planId');
    return { goals: [...current.goals, goal] };
  });
}

export async function updateReintegrationGoal(ctx: VictimContext, planId: string, goalId: string, input: UpdateReintegrationGoalInput) {
  const plan = await knownPlan(ctx, planId);
  const checks: Record<string, () => unknown> = {
    goalId: () => {
      if (!plan.goals.some((g) => g.id === goalId)) throw badInput('goalId', 'is not a goal of this plan');
    },
  };
  if (input.status != null) checks.status = () => input.status;
  if (input.target != null) checks.target = () => text(input.target, 'input.target', { max: 1000 });
  if (input.provider != null) checks.provider = () => text(input.provider, 'input.provider', { max: 200 });
  if (input.language != null) checks.language = () => languageCode(input.language, 'input.language');
  if (input.culturalNotes != null) checks.culturalNotes = () => text(input.culturalNotes, 'input.culturalNotes', { max: 1000 });
  const given = Object.keys(checks).filter((k) => k !== 'goalId');
  if (given.length === 0) throw badInput('input', 'must give at least one of status, target, provider, language, culturalNotes');
  const { goalId: _, ...change } = (await checkAll(checks)) as Record<string, unknown>;
  return changePlan(ctx, plan, 'REINTEGRATION_GOAL_UPDATED', ['goals'], (current) => ({
    goals: current.goals.map((g) => (g.id === goalId ? { ...g, ...change, updatedAt: ctx.now } : g)),
  }));
}

/** Holds the earliest outstanding review whose date has come (on the hub's clock); before it, a CONFLICT naming the date. */
export async function reviewReintegration(ctx: VictimContext, planId: string, input: ReintegrationReviewInput) {
  const plan = await knownPlan(ctx, planId);
  const v = await checkAll({ note: () => text(input.note, 'input.note', { max: 2000 }) });
  const due = (current: PlanDoc) => {
    const next = current.reviews.find((r) => r.reviewedAt === null);
    if (!next) throw conflict('All three reviews of this plan were held', 'planId');
    if (next.dueAt > ctx.now) throw conflict(`The next review of this plan (${next.monthsAfterArrival} months after arrival) is due on ${next.dueAt.toISOString().slice(0, 10)}`, 'planId');
    return next;
  };
  if (plan.status === ReintegrationStatus.OPEN) due(plan);
  return changePlan(ctx, plan, 'REINTEGRATION_REVIEWED', ['nextReviewDue', 'reviews'], (current) => {
    const next = due(current);
    const reviews = current.reviews.map((r) => (r === next ? { ...r, reviewedAt: ctx.now, reviewedBy: ctx.caller!.sub, note: v.note } : r));
    return { reviews, nextReviewDue: nextReviewDue(reviews) };
  });
}

export async function closeReintegration(ctx: VictimContext, planId: string, outcome: ReintegrationOutcome, note: string | null | undefined) {
  const plan = await knownPlan(ctx, planId);
  const v = await checkAll({ note: () => optionalText(note, 'note', 2000) });
  return changePlan(ctx, plan, 'REINTEGRATION_CLOSED', ['closedAt', 'outcome', 'status', ...(v.note ? ['closingNote'] : [])], () => ({
    status: ReintegrationStatus.CLOSED,
    outcome,
    closingNote: v.note,
    closedAt: ctx.now,
    closedBy: ctx.caller!.sub,
    nextReviewDue: null,
  }));
}

/** Her latest reintegration plan the caller may know of. */
export async function reintegrationOf(ctx: VictimContext, victimId: string): Promise<PlanDoc | null> {
  const plans = await visibleOnly(reintegrationAccess, ctx, await ctx.loaders.reintegrationPlansOfVictim.load(victimId));
  return plans.at(-1) ?? null;
}

/** The OPEN plans of the caller's jurisdiction with a review overdue at the hub's `now`, the longest overdue first. */
export async function reintegrationReviewsDue(ctx: VictimContext, args: { first?: number | null; after?: string | null }) {
  const { reintegrationPlans } = ctx.models;
  const list = reintegrationPlans.list('reviewPending', ctx.caller!.jurisdiction);
  const page = await sortedPageOf({ records: reintegrationPlans, list, where: (p) => p.nextReviewDue !== null && p.nextReviewDue <= ctx.now }, (p) => p.nextReviewDue!.getTime(), args);
  for (const { node } of page.edges) ctx.loaders.reintegrationPlan.prime(node.id, node);
  return page;
}
