import { badInput, conflict, notFound } from '../../../platform/errors';
import { visibleOnly, visibleOrNotFound } from '../../common/access';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, newId, recordId, text } from '../../common/validate';
import { consentIsActive, returnPlanAccess } from '../access';
import type { ReturnPlanRecord, VictimContext, VictimRecord } from '../models';
import { AgreeReturnInput, ProposeReturnInput, ReturnPlanStatus, ReturnRiskLevel, RiskAssessmentInput } from '../schema/returns';
import { VictimStatus } from '../schema/vocabulary';
import { openReintegration } from './reintegration';

/**
 * A return home agreed by both sides (issue 27, docs/returns.md). The sending side is the
 * victim's jurisdiction: its social worker proposes, with her recorded wish and her consent
 * to share what the return needs with the destination for REPATRIATION, and records the
 * departure. The destination's social worker or police assesses the risk; its social
 * worker agrees once reception is arranged and records the arrival. Either side's social
 * worker cancels before departure, with a reason. Each step is one audited write under the
 * plan's lock, its status checked again there: a step out of order is a CONFLICT naming
 * the status.
 */

type ReturnPlanDoc = Entity<ReturnPlanRecord>;

/** What the destination must be able to read of her for the return (the plan's own fields included): who she is, her needs, her wish, where she is received. */
export const RETURN_CATEGORIES = ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'] as const;

/** The plans still under way: a victim has at most one. */
const OPEN: string[] = [ReturnPlanStatus.PROPOSED, ReturnPlanStatus.ASSESSED, ReturnPlanStatus.AGREED, ReturnPlanStatus.DEPARTED];

const optionalText = (value: string | null | undefined, field: string, max: number) => (value == null ? null : text(value, field, { max }));

/** The categories of RETURN_CATEGORIES no active consent of the victim shares with `destination` for REPATRIATION. */
export async function missingReturnConsent(ctx: VictimContext, victimId: string, destination: string): Promise<string[]> {
  const consents = (await ctx.loaders.consentsOfVictim.load(victimId)).filter(
    (c) => consentIsActive(c, ctx.now) && c.granteeJurisdictions.includes(destination) && c.purposes.includes('REPATRIATION'),
  );
  return RETURN_CATEGORIES.filter((category) => !consents.some((c) => c.categories.includes(category)));
}

const consentWords = (missing: string[], destination: string) =>
  `the victim has no active consent to share ${missing.join(', ')} with ${destination} for REPATRIATION`;

/** Proposes a return of a victim of the caller's jurisdiction (the rule found her there). */
export async function proposeReturn(ctx: VictimContext, victimId: string, input: ProposeReturnInput): Promise<ReturnPlanDoc> {
  const id = recordId(victimId, 'victimId');
  const victim = (await ctx.loaders.victim.load(id))!;
  const v = await checkAll({
    destination: async () => {
      const destination = countryCode(input.destinationJurisdiction, 'input.destinationJurisdiction');
      if (destination === victim.jurisdiction) throw badInput('input.destinationJurisdiction', `is the victim's own jurisdiction (${victim.jurisdiction}): a return goes to another`);
      const missing = await missingReturnConsent(ctx, id, destination);
      if (missing.length > 0) throw badInput('input.destinationJurisdiction', `${consentWords(missing, destination)}: record it first (grantConsent)`);
      return destination;
    },
    wishNote: () => {
      const note = optionalText(input.wishNote, 'input.wishNote', 2000);
      if (!input.voluntary && note === null) throw badInput('input.wishNote', 'say in her words what she wishes when the return is not voluntary');
      return note;
    },
  });
  const _id = newId();
  const record: Omit<ReturnPlanRecord, '_listed'> = {
    _id,
    victimId: id,
    sendingJurisdiction: victim.jurisdiction,
    destinationJurisdiction: v.destination,
    status: ReturnPlanStatus.PROPOSED,
    voluntary: input.voluntary,
    wishNote: v.wishNote,
    proposedBy: ctx.caller!.sub,
    proposedAt: ctx.now,
    ...{ riskLevel: null, riskFactors: [], riskNotes: null, assessedBy: null, assessedAt: null, mitigation: null },
    ...{ receivedBy: null, receptionAddress: null, services: [], agreedBy: null, agreedAt: null },
    ...{ departedBy: null, departedAt: null, arrivedBy: null, arrivedAt: null, cancelledBy: null, cancelledAt: null, cancelReason: null },
  };
  const fields = ['destinationJurisdiction', 'status', 'voluntary', ...(v.wishNote ? ['wishNote'] : [])].sort();
  return ctx.audit.change('RETURN_PROPOSED', 'ReturnPlan', _id, fields, async () => {
    let created: ReturnPlanDoc | null = null;
    // Under the victim's lock: of two proposals at once, one is made and the other finds it open.
    const found = await ctx.models.victims.update(id, async (current) => {
      refuseIfEnded(current);
      const open = (await ctx.models.returnPlans.loaderBy('victim').load(id)).find((plan) => OPEN.includes(plan.status));
      if (open) throw conflict(`This victim has a return to ${open.destinationJurisdiction} under way (${open.status}): cancel it before proposing another`, 'victimId');
      created = await ctx.models.returnPlans.create(record);
      return null;
    });
    if (!found || !created) throw notFound('Victim', victimId);
    return created;
  });
}

function refuseIfEnded(victim: VictimRecord): void {
  if (victim.status === VictimStatus.CLOSED) throw conflict('This victim’s record is CLOSED: no return is planned from it', 'victimId');
}

/** A plan the caller may know of, by id; else NOT_FOUND as for an unknown id (the rule checked the side). */
async function knownPlan(ctx: VictimContext, returnPlanId: string): Promise<ReturnPlanDoc> {
  return visibleOrNotFound(returnPlanAccess, ctx, await ctx.loaders.returnPlan.load(recordId(returnPlanId, 'returnPlanId')), returnPlanId);
}

const outOfOrder = (status: string, step: string, from: string[]) =>
  conflict(`This return is ${status}: ${step} needs a return that is ${from.join(' or ')}`, 'returnPlanId');

/**
 * One step of a plan: checked against its status before anything is audited, then again
 * under its lock, where `change` computes what it sets.
 */
async function step(
  ctx: VictimContext,
  plan: ReturnPlanDoc,
  action: string,
  words: string,
  from: string[],
  fields: string[],
  change: (current: ReturnPlanDoc) => Partial<ReturnPlanRecord> | Promise<Partial<ReturnPlanRecord>>,
): Promise<ReturnPlanDoc> {
  if (!from.includes(plan.status)) throw outOfOrder(plan.status, words, from);
  return ctx.audit.change(action, 'ReturnPlan', plan.id, [...fields].sort(), async () => {
    const changed = await ctx.models.returnPlans.update(plan.id, async (current) => {
      if (!from.includes(current.status)) throw outOfOrder(current.status, words, from);
      return change(current);
    });
    if (!changed) throw notFound('ReturnPlan', plan.id);
    return changed;
  });
}

/** The destination's risk assessment; a later one replaces it (before agreement). */
export async function recordRiskAssessment(ctx: VictimContext, returnPlanId: string, input: RiskAssessmentInput) {
  const plan = await knownPlan(ctx, returnPlanId);
  const v = await checkAll({
    factors: () => {
      if ((input.factors ?? []).length > 20) throw badInput('input.factors', 'must list at most 20 factors');
      return [...new Set(input.factors ?? [])];
    },
    notes: () => optionalText(input.notes, 'input.notes', 2000),
  });
  const from = [ReturnPlanStatus.PROPOSED, ReturnPlanStatus.ASSESSED];
  return step(ctx, plan, 'RETURN_RISK_ASSESSED', 'assessing the risk', from, ['assessedAt', 'riskFactors', 'riskLevel', 'riskNotes', 'status'], (current) => ({
    status: ReturnPlanStatus.ASSESSED,
    riskLevel: input.level,
    riskFactors: v.factors,
    riskNotes: v.notes,
    assessedBy: ctx.caller!.sub,
    assessedAt: ctx.now,
    // When the return was first assessed stays (an indicator counts it): a later assessment replaces only what it found.
    firstAssessedAt: current.firstAssessedAt ?? current.assessedAt ?? ctx.now,
  }));
}

/** The consent the return rests on is still active (checked again at agreement and departure). */
async function refuseWithoutConsent(ctx: VictimContext, plan: ReturnPlanDoc): Promise<void> {
  const missing = await missingReturnConsent(ctx, plan.victimId, plan.destinationJurisdiction);
  if (missing.length > 0) throw conflict(`${consentWords(missing, plan.destinationJurisdiction)} any more: the return waits for it`, 'returnPlanId');
}

/** The destination agrees once reception is arranged: never with an UNACCEPTABLE risk, a HIGH one with a stated mitigation. */
export async function agreeReturn(ctx: VictimContext, returnPlanId: string, input: AgreeReturnInput) {
  const plan = await knownPlan(ctx, returnPlanId);
  const v = await checkAll({
    receivedBy: () => text(input.receivedBy, 'input.receivedBy', { max: 200 }),
    receptionAddress: () => text(input.receptionAddress, 'input.receptionAddress', { max: 500 }),
    services: () => {
      if (input.services.length === 0) throw badInput('input.services', 'name at least one service lined up for her arrival');
      if (input.services.length > 20) throw badInput('input.services', 'must list at most 20 services');
      return input.services.map((s, i) => text(s, `input.services[${i}]`, { max: 200 }));
    },
    mitigation: () => {
      const mitigation = optionalText(input.mitigation, 'input.mitigation', 2000);
      if (plan.riskLevel === ReturnRiskLevel.HIGH && plan.status === ReturnPlanStatus.ASSESSED && mitigation === null) {
        throw badInput('input.mitigation', 'the assessed risk is HIGH: say how it is mitigated');
      }
      return mitigation;
    },
  });
  if (plan.status === ReturnPlanStatus.ASSESSED && plan.riskLevel === ReturnRiskLevel.UNACCEPTABLE) throw unacceptable();
  if (plan.status === ReturnPlanStatus.ASSESSED) await refuseWithoutConsent(ctx, plan);
  const fields = ['agreedAt', 'receivedBy', 'receptionAddress', 'services', 'status', ...(v.mitigation ? ['mitigation'] : [])];
  return step(ctx, plan, 'RETURN_AGREED', 'agreeing', [ReturnPlanStatus.ASSESSED], fields, (current) => {
    // Checked again under the lock: a new assessment may have come in meanwhile.
    if (current.riskLevel === ReturnRiskLevel.UNACCEPTABLE) throw unacceptable();
    if (current.riskLevel === ReturnRiskLevel.HIGH && v.mitigation === null) throw badInput('input.mitigation', 'the assessed risk is HIGH: say how it is mitigated');
    return { status: ReturnPlanStatus.AGREED, receivedBy: v.receivedBy, receptionAddress: v.receptionAddress, services: v.services, mitigation: v.mitigation, agreedBy: ctx.caller!.sub, agreedAt: ctx.now };
  });
}

const unacceptable = () => conflict('The assessed risk of this return is UNACCEPTABLE: no return is agreed (assess again, or cancel it)', 'returnPlanId');

/** The sending side records that she left: the victim is REPATRIATING. */
export async function recordDeparture(ctx: VictimContext, returnPlanId: string) {
  const plan = await knownPlan(ctx, returnPlanId);
  if (plan.status === ReturnPlanStatus.AGREED) await refuseWithoutConsent(ctx, plan);
  return withVictimStatus(ctx, plan, VictimStatus.REPATRIATING, () =>
    step(ctx, plan, 'RETURN_DEPARTED', 'recording the departure', [ReturnPlanStatus.AGREED], ['departedAt', 'status'], () => ({
      status: ReturnPlanStatus.DEPARTED,
      departedBy: ctx.caller!.sub,
      departedAt: ctx.now,
    })),
  );
}

/** The destination records that she arrived: the victim is REINTEGRATING, and her reintegration plan is opened (domain/reintegration.ts). */
export async function recordArrival(ctx: VictimContext, returnPlanId: string) {
  const plan = await knownPlan(ctx, returnPlanId);
  return withVictimStatus(ctx, plan, VictimStatus.REINTEGRATING, async () => {
    const arrived = await step(ctx, plan, 'RETURN_ARRIVED', 'recording the arrival', [ReturnPlanStatus.DEPARTED], ['arrivedAt', 'status'], () => ({
      status: ReturnPlanStatus.ARRIVED,
      arrivedBy: ctx.caller!.sub,
      arrivedAt: ctx.now,
    }));
    await openReintegration(ctx, arrived);
    return arrived;
  });
}

/**
 * The plan's step and the victim's new status, under the victim's lock: the step is
 * applied first (its own checks), then the status; a record closed meanwhile refuses both.
 */
async function withVictimStatus(ctx: VictimContext, plan: ReturnPlanDoc, status: VictimStatus, applyStep: () => Promise<ReturnPlanDoc>) {
  let done: ReturnPlanDoc | null = null;
  const victim = await ctx.models.victims.update(plan.victimId, async (current) => {
    refuseIfEnded(current);
    done = await applyStep();
    return { status };
  });
  if (!victim || !done) throw notFound('ReturnPlan', plan.id);
  // Her status changes with the plan's step, audited on the plan (its trail is in her access report).
  ctx.loaders.victim.clear(plan.victimId);
  return done as ReturnPlanDoc;
}

/** Either side cancels before departure, with a reason. */
export async function cancelReturn(ctx: VictimContext, returnPlanId: string, reason: string) {
  const plan = await knownPlan(ctx, returnPlanId);
  const v = await checkAll({ reason: () => text(reason, 'reason', { max: 1000 }) });
  const from = [ReturnPlanStatus.PROPOSED, ReturnPlanStatus.ASSESSED, ReturnPlanStatus.AGREED];
  return step(ctx, plan, 'RETURN_CANCELLED', 'cancelling', from, ['cancelReason', 'cancelledAt', 'status'], () => ({
    status: ReturnPlanStatus.CANCELLED,
    cancelReason: v.reason,
    cancelledBy: ctx.caller!.sub,
    cancelledAt: ctx.now,
  }));
}

/** The victim's returns the caller may know of, oldest first. */
export async function returnPlansOf(ctx: VictimContext, victimId: string): Promise<ReturnPlanDoc[]> {
  return visibleOnly(returnPlanAccess, ctx, await ctx.loaders.returnPlansOfVictim.load(victimId));
}
