import { badInput, badInputs, conflict, forbidden, notFound, type FieldProblem } from '../../../platform/errors';
import { visibleOnly, visibleOrNotFound } from '../../common/access';
import type { SharedConsent } from '../../common/consents';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, newId, recordId, text } from '../../common/validate';
import { handoffAccess } from '../access';
import type { AssignmentRecord, HandoffRecord, LegalAidContext } from '../models';
import type { HandOffInput } from '../schema/inputs';
import { AssignmentStatus, HandoffStatus, TransferCategory } from '../schema/vocabulary';
import { asking, assignmentNamed, attorneyNamed, changeAssignment, newAssignment, requireAttorneyOf, takesCases } from './assignments';
import { attorneyOfCaller, isActive } from './directory';
import { emitEvent } from '../../common/outbox';

/**
 * Handing a file to an attorney in the next jurisdiction: what the victim's consents let
 * it carry, who answers, and the steps that keep exactly one ACTIVE assignment at either
 * end of a handoff.
 */

type HandoffDoc = Entity<HandoffRecord>;

/**
 * The categories a handoff may carry to `to`: all of them within the victim's own
 * jurisdiction; elsewhere CASE and what the victim's active consents share with it for
 * legal representation, the purpose the receiving attorney reads the file for (a consent
 * for another purpose would carry what she then may not read). BAD_USER_INPUT naming
 * every category beyond that, and why.
 */
export function beyondConsents(consents: SharedConsent[], to: string, categories: TransferCategory[]): FieldProblem[] {
  const forRepresentation = new Set(['CASE', ...consents.filter((c) => c.purposes.includes('LEGAL_REPRESENTATION')).flatMap((c) => c.categories)]);
  const why = (category: string) => {
    const purposes = [...new Set(consents.filter((c) => c.categories.includes(category)).flatMap((c) => c.purposes))];
    return purposes.length > 0
      ? `${category}: the victim shares it with ${to} for ${purposes.join(', ')}, not for LEGAL_REPRESENTATION (the purpose the receiving attorney reads the file for)`
      : `${category}: the victim has not consented to share it with ${to} for LEGAL_REPRESENTATION`;
  };
  return categories.flatMap((category, i) => (forRepresentation.has(category) ? [] : [{ path: `input.transferCategories[${i}]`, message: why(category) }]));
}

/** Within the victim's own jurisdiction a handoff carries anything; elsewhere BAD_USER_INPUT naming every category beyond her consents. */
async function checkTransfer(ctx: LegalAidContext, a: AssignmentRecord, to: string, categories: TransferCategory[]): Promise<void> {
  if (to === a.victimJurisdiction) return;
  const consents = await asking(() => ctx.consents.consentsFor(a.victimId, to));
  const beyond = beyondConsents(consents, to, categories);
  if (beyond.length > 0) throw badInputs(beyond);
}

/** The current attorney offers the file to an attorney of the next jurisdiction; the assignment stays ACTIVE until it is accepted. */
export async function handOff(ctx: LegalAidContext, assignmentId: string, input: HandOffInput): Promise<HandoffDoc> {
  const assignment = await assignmentNamed(ctx, assignmentId);
  requireAttorneyOf(ctx, assignment, 'hands the file over');
  if (assignment.status !== AssignmentStatus.ACTIVE) throw badInput('assignmentId', `the assignment is ${assignment.status}; only an ACTIVE one is handed over`);
  const { toJurisdiction, to, reason } = await checkAll({
    toJurisdiction: () => countryCode(input.toJurisdiction, 'input.toJurisdiction'),
    to: () => attorneyNamed(ctx, input.toAttorneyId, 'input.toAttorneyId'),
    reason: () => text(input.reason, 'input.reason', { max: 3000 }),
  });
  if (to.id === assignment.attorneyId) throw badInput('input.toAttorneyId', 'is the attorney assigned already');
  takesCases(to, toJurisdiction, 'input.toAttorneyId');
  const categories = [...new Set(input.transferCategories)];
  await checkTransfer(ctx, assignment, toJurisdiction, categories);
  const pending = (await ctx.loaders.handoffsOfAssignment.load(assignment.id)).find((h) => h.fromAssignmentId === assignment.id && h.status === HandoffStatus.OFFERED);
  if (pending) throw badInput('assignmentId', `a handoff of this assignment is waiting for an answer already (${pending.id})`);
  const _id = newId();
  const event = { ids: { handoffId: _id }, jurisdictions: [toJurisdiction], organisations: [to.providerId] };
  return ctx.audit.change('HANDOFF_OFFERED', 'Handoff', _id, ['toAttorney', 'toJurisdiction', 'transferCategories', 'reason'], () =>
    emitEvent(ctx, 'handoff.offered', event, () => ctx.models.handoffs.create({
      _id,
      fromAssignmentId: assignment.id,
      toAssignmentId: null,
      victimId: assignment.victimId,
      fromJurisdiction: assignment.jurisdiction,
      fromPractitionerId: assignment.practitionerId,
      toAttorneyId: to.id,
      toProviderId: to.providerId,
      toPractitionerId: to.practitionerId,
      toJurisdiction,
      reason,
      transferCategories: categories,
      status: HandoffStatus.OFFERED,
      offeredAt: ctx.now,
      decidedAt: null,
      decidedBy: null,
      refusalReason: null,
    })),
  );
}

/**
 * Who answers a handoff: a registered, active attorney of the receiving provider (the
 * token's org is the provider, its sub her subject there), acting in the receiving
 * jurisdiction, where she practises. Any other token of the organisation is refused.
 */
async function receivingHandoff(ctx: LegalAidContext, handoffId: string): Promise<HandoffDoc> {
  const handoff = await visibleOrNotFound(handoffAccess, ctx, await ctx.loaders.handoff.load(recordId(handoffId, 'handoffId')), handoffId);
  const caller = ctx.caller!;
  const self = await attorneyOfCaller(ctx);
  const ofProvider = self !== null && self.providerId === handoff.toProviderId && caller.jurisdiction === handoff.toJurisdiction && self.jurisdictions.includes(handoff.toJurisdiction);
  if (!ofProvider) throw forbidden(`Only a registered attorney of the receiving provider, practising in ${handoff.toJurisdiction}, answers a handoff`);
  if (!isActive(self)) throw forbidden(`${self.name} is deactivated and answers no handoffs`);
  return handoff;
}

/** Moves a handoff from OFFERED under its lock (so of two answers exactly one counts). */
async function answer(ctx: LegalAidContext, handoff: HandoffDoc, change: Partial<HandoffRecord>): Promise<HandoffDoc> {
  const updated = await ctx.models.handoffs.update(handoff.id, (h) => {
    if (h.status !== HandoffStatus.OFFERED) throw badInput('handoffId', `the handoff was ${h.status.toLowerCase()} already`);
    return { ...change, decidedAt: ctx.now, decidedBy: ctx.caller!.sub };
  });
  if (!updated) throw notFound('Handoff', handoff.id);
  return updated;
}

/**
 * Acceptance: the handoff is taken (one answer only), a new assignment of the receiving
 * attorney opens in the receiving jurisdiction, OFFERED until she records the victim's
 * representation consent (as for a first assignment), and the old one becomes
 * HANDED_OFF; linked both ways.
 */
export async function acceptHandoff(ctx: LegalAidContext, handoffId: string): Promise<HandoffDoc> {
  const handoff = await receivingHandoff(ctx, handoffId);
  const from = await ctx.loaders.assignment.load(handoff.fromAssignmentId);
  const to = await ctx.loaders.attorney.load(handoff.toAttorneyId);
  if (!from || !to) throw conflict('The assignment or the attorney of this handoff is gone', 'handoffId');
  if (!isActive(to)) throw forbidden(`${to.name}, to whom it is offered, is deactivated: refuse it, so that the file can be offered to another attorney`);
  const _id = newId();
  return ctx.audit.change('HANDOFF_ACCEPTED', 'Handoff', handoff.id, ['status', 'toAssignment'], () => emitEvent(ctx, 'handoff.accepted', answered(handoff), async () => {
    const accepted = await answer(ctx, handoff, { status: HandoffStatus.ACCEPTED, toAssignmentId: _id });
    try {
      await ctx.models.assignments.create(newAssignment(ctx, _id, from.victimId, from.victimJurisdiction, to, handoff.toJurisdiction, from.matter, null, AssignmentStatus.OFFERED));
      await changeAssignment(ctx, from.id, [AssignmentStatus.ACTIVE], () => ({ status: AssignmentStatus.HANDED_OFF, closedAt: ctx.now, closingReason: `handed off to ${to.name} (${handoff.toJurisdiction})` }));
    } catch (error) {
      // Put the handoff back so it can be answered again; the new assignment, if written, is closed.
      await ctx.models.assignments.update(_id, { status: AssignmentStatus.CLOSED, closedAt: ctx.now, closingReason: 'handoff not completed' }).catch(() => {});
      await ctx.models.handoffs.update(handoff.id, { status: HandoffStatus.OFFERED, toAssignmentId: null, decidedAt: null, decidedBy: null }).catch(() => {});
      throw error;
    }
    return accepted;
  }));
}

export async function refuseHandoff(ctx: LegalAidContext, handoffId: string, reason: string): Promise<HandoffDoc> {
  const handoff = await receivingHandoff(ctx, handoffId);
  const why = text(reason, 'reason', { max: 2000 });
  return ctx.audit.change('HANDOFF_REFUSED', 'Handoff', handoff.id, ['status', 'refusalReason'], () => emitEvent(ctx, 'handoff.refused', answered(handoff), () => answer(ctx, handoff, { status: HandoffStatus.REFUSED, refusalReason: why })));
}

/** Whom an answer concerns (webhooks): both jurisdictions, and the receiving provider. */
function answered(handoff: HandoffDoc) {
  return { ids: { handoffId: handoff.id }, jurisdictions: [...new Set([handoff.fromJurisdiction, handoff.toJurisdiction])], organisations: [handoff.toProviderId] };
}

/** At most this many offers in `me.handoffsOffered` and `offeredHandoffs` (the newest). */
export const MAX_OFFERS_SHOWN = 50;

/**
 * The handoffs waiting for an answer from the caller's provider in the caller's
 * jurisdiction, newest first: for a registered, active attorney of that provider (who may
 * answer them), else none.
 */
export async function offersForCaller(ctx: LegalAidContext): Promise<HandoffDoc[]> {
  const self = await attorneyOfCaller(ctx);
  if (!self || !isActive(self)) return [];
  const caller = ctx.caller!;
  const offered = (await ctx.loaders.handoffsOfferedToProvider.load(caller.org)).filter((h) => h.status === HandoffStatus.OFFERED && h.toJurisdiction === caller.jurisdiction);
  offered.sort((a, b) => b.offeredAt.getTime() - a.offeredAt.getTime());
  return visibleOnly(handoffAccess, ctx, offered.slice(0, MAX_OFFERS_SHOWN));
}
