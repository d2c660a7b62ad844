import { badInput, forbidden, notFound, unavailable } from '../../../platform/errors';
import { visibleOrNotFound } from '../../common/access';
import { ConsentUnavailable } from '../../common/consents';
import type { Entity } from '../../common/storage';
import { PeerUnavailable } from '../../common/peers';
import { checkAll, countryCode, languageCode, localDate, newId, recordId, text } from '../../common/validate';
import { isActive } from './directory';
import { assignmentAccess } from '../access';
import type { AssignmentRecord, AttorneyRecord, LegalAidContext } from '../models';
import type { AssignLegalAidInput, RepresentationConsentInput } from '../schema/inputs';
import { AssignmentStatus, HandoffStatus, OPEN_STATUSES } from '../schema/vocabulary';

/**
 * Assigning legal aid, recording the victim's consent to be represented, and closing: who
 * may, what the victim's consents allow, and the statuses an assignment moves through
 * (handing a file on: handoffs.ts).
 */

type AssignmentDoc = Entity<AssignmentRecord>;

/** Questions to the victims and proceedings subgraphs: if they cannot answer, nothing is decided. */
export async function asking<T>(question: () => Promise<T>): Promise<T> {
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

/** An attorney who takes new cases in `jurisdiction`: active, practising there, accepting. */
export function takesCases(attorney: Entity<AttorneyRecord>, jurisdiction: string, field: string): void {
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

/** A new assignment of `attorney`, opened now by the caller. */
export function newAssignment(
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
export async function changeAssignment(ctx: LegalAidContext, id: string, allowed: string[], change: (a: AssignmentDoc) => Partial<AssignmentRecord>): Promise<AssignmentDoc> {
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
