import { badInput, badInputs, conflict, forbidden, notFound, unavailable } from '../../platform/errors';
import { visibleOrNotFound } from '../common/access';
import { ConsentUnavailable } from '../common/consents';
import type { Entity } from '../common/storage';
import { PeerUnavailable } from '../common/peers';
import { checkAll, countryCode, languageCode, localDate, newId, recordId, text } from '../common/validate';
import { attorneyOfCaller, isActive } from './directory';
import { assignmentAccess, handoffAccess } from './access';
import type { AssignmentRecord, AttorneyRecord, HandoffRecord, LegalAidContext } from './models';
import type { AssignLegalAidInput, HandOffInput, RepresentationConsentInput } from './types';
import { AssignmentStatus, HandoffStatus, OPEN_STATUSES, TransferCategory } from './vocabulary';

/**
 * Assigning legal aid, and handing a file to an attorney in the next jurisdiction: who
 * may, what the victim's consents allow, and the steps that keep exactly one ACTIVE
 * assignment at either end of a handoff.
 */

type AssignmentDoc = Entity<AssignmentRecord>;
type HandoffDoc = Entity<HandoffRecord>;

/** Questions to the victims and proceedings subgraphs: if they cannot answer, nothing is decided. */
async function asking<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (error instanceof ConsentUnavailable || error instanceof PeerUnavailable) throw unavailable(`Nothing was changed: ${error.message}`);
    throw error;
  }
}

export async function attorneyNamed(ctx: LegalAidContext, id: string, field: string): Promise<Entity<AttorneyRecord>> {
  const attorney = await ctx.loaders.attorney.load(recordId(id, field));
  if (!attorney) throw badInput(field, 'no attorney has this id');
  return attorney;
}

function takesCases(attorney: Entity<AttorneyRecord>, jurisdiction: string, field: string): void {
  if (!isActive(attorney)) throw badInput(field, `${attorney.name} is deactivated and takes no new cases`);
  if (!attorney.jurisdictions.includes(jurisdiction)) throw badInput(field, `${attorney.name} does not practise in ${jurisdiction}`);
  if (!attorney.acceptingCases) throw badInput(field, `${attorney.name} is not accepting cases`);
}

/** A proceeding of `jurisdiction` the caller may see (asked of the proceedings subgraph), or BAD_USER_INPUT. */
async function linkedProceeding(ctx: LegalAidContext, id: string | null | undefined, jurisdiction: string): Promise<string | null> {
  if (id == null) return null;
  const proceedingId = recordId(id, 'input.proceedingId');
  const proceeding = await asking(() => ctx.peers.entities<{ jurisdiction: string | null }>('proceedings', 'Proceeding', proceedingId, 'jurisdiction'));
  if (proceeding?.jurisdiction !== jurisdiction) throw badInput('input.proceedingId', `no proceeding of ${jurisdiction} that you may see has this id`);
  return proceedingId;
}

/**
 * A social worker or legal aid attorney of the assignment's jurisdiction assigns: for a
 * victim of that jurisdiction, or of another while the victim's consent shares IDENTITY
 * with it for LEGAL_REPRESENTATION (decided by the victims subgraph).
 */
export async function assignLegalAid(ctx: LegalAidContext, victimId: string, input: AssignLegalAidInput): Promise<AssignmentDoc> {
  const caller = ctx.caller!;
  const { victim, jurisdiction } = await checkAll({
    victim: () => recordId(victimId, 'victimId'),
    jurisdiction: () => countryCode(input.jurisdiction, 'input.jurisdiction'),
    attorneyId: () => recordId(input.attorneyId, 'input.attorneyId'),
    proceedingId: () => (input.proceedingId == null ? null : recordId(input.proceedingId, 'input.proceedingId')),
  });
  if (jurisdiction !== caller.jurisdiction) throw forbidden(`Legal aid in ${jurisdiction} is assigned by its own social workers and attorneys`);
  const attorney = await attorneyNamed(ctx, input.attorneyId, 'input.attorneyId');
  takesCases(attorney, jurisdiction, 'input.attorneyId');
  const home = await asking(() => ctx.consents.jurisdictionOf(victim));
  if (!home) throw badInput('victimId', 'no victim has this id');
  // Representation abroad rests on her consent to share who she is with that jurisdiction for that purpose (as a handoff does).
  const consents = home === jurisdiction ? [] : await asking(() => ctx.consents.consentsFor(victim));
  if (home !== jurisdiction && !consents.some((c) => c.categories.includes('IDENTITY') && c.purposes.includes('LEGAL_REPRESENTATION'))) {
    throw forbidden(`The victim (of ${home}) has not consented to share IDENTITY with ${jurisdiction} for LEGAL_REPRESENTATION: legal aid there needs it`);
  }
  const proceedingId = await linkedProceeding(ctx, input.proceedingId, jurisdiction);
  const _id = newId();
  return ctx.audit.change('LEGAL_AID_ASSIGNED', 'LegalAidAssignment', _id, ['victim', 'attorney', 'matter', 'proceeding'], () =>
    ctx.models.assignments.create(newAssignment(ctx, _id, victim, home, attorney, jurisdiction, input.matter, proceedingId, AssignmentStatus.OFFERED)),
  );
}

function newAssignment(
  ctx: LegalAidContext,
  _id: string,
  victimId: string,
  victimJurisdiction: string,
  attorney: Entity<AttorneyRecord>,
  jurisdiction: string,
  matter: string,
  proceedingId: string | null,
  status: AssignmentStatus,
): AssignmentRecord {
  return {
    _id,
    victimId,
    victimJurisdiction,
    attorneyId: attorney.id,
    providerId: attorney.providerId,
    practitionerId: attorney.practitionerId,
    jurisdiction,
    matter,
    proceedingId,
    status,
    representationConsent: null,
    interpretations: [],
    accommodations: [],
    openedAt: ctx.now,
    openedBy: ctx.caller!.sub,
    activeFrom: status === AssignmentStatus.ACTIVE ? ctx.now : null,
    closedAt: null,
    closingReason: null,
  };
}

/** The assignment, if the caller may know of it (else NOT_FOUND, as for an unknown id). */
export async function assignmentNamed(ctx: LegalAidContext, id: string, field = 'assignmentId'): Promise<AssignmentDoc> {
  return visibleOrNotFound(assignmentAccess, ctx, await ctx.loaders.assignment.load(recordId(id, field)), id);
}

/** The attorney assigned (token `sub`), or an attorney of the same provider standing in when `provider` is true. */
export function requireAttorneyOf(ctx: LegalAidContext, a: AssignmentRecord, doing: string, provider = false): void {
  const caller = ctx.caller!;
  const ok = caller.role === 'legal_aid_attorney' && caller.jurisdiction === a.jurisdiction && (caller.sub === a.practitionerId || (provider && caller.org === a.providerId));
  if (!ok) throw forbidden(`Only the assigned attorney${provider ? ' or an attorney of the same provider' : ''} ${doing}`);
}

/** Changes an assignment under its lock, refusing a status it may not be in. */
async function changeAssignment(ctx: LegalAidContext, id: string, allowed: string[], change: (a: AssignmentDoc) => Partial<AssignmentRecord>): Promise<AssignmentDoc> {
  const updated = await ctx.models.assignments.update(id, (a) => {
    if (!allowed.includes(a.status)) throw badInput('assignmentId', `the assignment is ${a.status}; this needs it ${allowed.join(' or ')}`);
    return change(a);
  });
  if (!updated) throw notFound('LegalAidAssignment', id);
  ctx.loaders.assignment.clear(id).prime(id, updated); // the rest of the answer shows it as it is now
  return updated;
}

/** The victim's consent to be represented: the assigned attorney records it; an OFFERED assignment becomes ACTIVE. */
export async function recordRepresentationConsent(ctx: LegalAidContext, assignmentId: string, input: RepresentationConsentInput): Promise<AssignmentDoc> {
  const assignment = await assignmentNamed(ctx, assignmentId);
  requireAttorneyOf(ctx, assignment, 'records the representation consent');
  const { givenOn, language } = await checkAll({
    givenOn: () => {
      const givenOn = localDate(input.givenOn, 'input.givenOn');
      if (givenOn > ctx.now.toISOString().slice(0, 10)) throw badInput('input.givenOn', 'is in the future');
      return givenOn;
    },
    language: () => languageCode(input.language, 'input.language'),
  });
  const consent = { givenOn, language, interpreterUsed: input.interpreterUsed, recordedAt: ctx.now };
  return ctx.audit.change('REPRESENTATION_CONSENT_RECORDED', 'LegalAidAssignment', assignment.id, ['representationConsent', 'status'], () =>
    changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => ({ representationConsent: consent, status: AssignmentStatus.ACTIVE, activeFrom: a.activeFrom ?? ctx.now })),
  );
}

/**
 * The categories a handoff may carry to `to`: all of them within the victim's own
 * jurisdiction; elsewhere CASE and what the victim's active consents share with it for
 * legal representation, the purpose the receiving attorney reads the file for (a consent
 * for another purpose would carry what she then may not read). BAD_USER_INPUT naming
 * every category beyond that, and why.
 */
async function checkTransfer(ctx: LegalAidContext, a: AssignmentRecord, to: string, categories: TransferCategory[]): Promise<void> {
  if (to === a.victimJurisdiction) return;
  const consents = await asking(() => ctx.consents.consentsFor(a.victimId, to));
  const forRepresentation = new Set(['CASE', ...consents.filter((c) => c.purposes.includes('LEGAL_REPRESENTATION')).flatMap((c) => c.categories)]);
  const why = (category: string) => {
    const purposes = [...new Set(consents.filter((c) => c.categories.includes(category)).flatMap((c) => c.purposes))];
    return purposes.length > 0
      ? `${category}: the victim shares it with ${to} for ${purposes.join(', ')}, not for LEGAL_REPRESENTATION (the purpose the receiving attorney reads the file for)`
      : `${category}: the victim has not consented to share it with ${to} for LEGAL_REPRESENTATION`;
  };
  const beyond = categories.flatMap((category, i) => (forRepresentation.has(category) ? [] : [{ path: `input.transferCategories[${i}]`, message: why(category) }]));
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
  return ctx.audit.change('HANDOFF_OFFERED', 'Handoff', _id, ['toAttorney', 'toJurisdiction', 'transferCategories', 'reason'], () =>
    ctx.models.handoffs.create({
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
    }),
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
  if (!from || !to) throw conflict('The assignment or the attorney of this handoff is gone');
  if (!isActive(to)) throw forbidden(`${to.name}, to whom it is offered, is deactivated: refuse it, so that the file can be offered to another attorney`);
  const _id = newId();
  return ctx.audit.change('HANDOFF_ACCEPTED', 'Handoff', handoff.id, ['status', 'toAssignment'], async () => {
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
  });
}

export async function refuseHandoff(ctx: LegalAidContext, handoffId: string, reason: string): Promise<HandoffDoc> {
  const handoff = await receivingHandoff(ctx, handoffId);
  const why = text(reason, 'reason', { max: 2000 });
  return ctx.audit.change('HANDOFF_REFUSED', 'Handoff', handoff.id, ['status', 'refusalReason'], () => answer(ctx, handoff, { status: HandoffStatus.REFUSED, refusalReason: why }));
}

/**
 * The attorney (or one of the same provider) closes an assignment; not while a linked
 * proceeding is still open (asked of the proceedings subgraph), unless the file was
 * handed on.
 */
export async function closeAssignment(ctx: LegalAidContext, assignmentId: string, reason: string): Promise<AssignmentDoc> {
  const assignment = await assignmentNamed(ctx, assignmentId);
  requireAttorneyOf(ctx, assignment, 'closes the assignment', true);
  const why = text(reason, 'reason', { max: 1000 });
  if (assignment.proceedingId) {
    const handedOn = (await ctx.loaders.handoffsOfAssignment.load(assignment.id)).some((h) => h.fromAssignmentId === assignment.id && h.status === HandoffStatus.ACCEPTED);
    const proceeding = await asking(() => ctx.peers.entities<{ stage: string | null }>('proceedings', 'Proceeding', assignment.proceedingId!, 'stage'));
    if (!handedOn && proceeding?.stage !== 'CLOSED') {
      throw badInput('assignmentId', `its proceeding is ${proceeding?.stage ?? 'not known to be closed'}: hand the file over (handOff) or wait until the proceeding is CLOSED`);
    }
  }
  return ctx.audit.change('LEGAL_AID_CLOSED', 'LegalAidAssignment', assignment.id, ['status', 'closedAt', 'closingReason'], () =>
    changeAssignment(ctx, assignment.id, OPEN_STATUSES, () => ({ status: AssignmentStatus.CLOSED, closedAt: ctx.now, closingReason: why })),
  );
}

export { changeAssignment };
