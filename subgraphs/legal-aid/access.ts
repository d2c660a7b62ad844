import { basis, forRoles, ownJurisdiction, typeAccess } from '../common/access';
import type { RequestContext } from '../common/context';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import type { AssignmentRecord, HandoffRecord, LegalAidContext } from './models';
import { HandoffStatus } from './schema/vocabulary';

type AssignmentDoc = Entity<AssignmentRecord>;
type HandoffDoc = Entity<HandoffRecord>;

const isAttorney = (ctx: { caller: { role: string } | null }) => ctx.caller!.role === 'legal_aid_attorney';
/** The bases that hold for attorneys only, declared so (common/access.ts `roles`). */
const ATTORNEYS = { roles: ['legal_aid_attorney' as const] };

/** The attorney assigned (token `sub` = the attorney's practitioner id), acting in the assignment's jurisdiction. */
const assigned = basis<AssignmentDoc>('the assigned attorney', 'ATTORNEY', (ctx, a) => isAttorney(ctx) && ctx.caller!.sub === a.practitionerId && ctx.caller!.jurisdiction === a.jurisdiction, ATTORNEYS);
/** An attorney of the same provider (token `org` = the provider's id), who may stand in. */
const sameProvider = basis<AssignmentDoc>(
  "an attorney of the assigned attorney's provider",
  'PROVIDER',
  (ctx, a) => isAttorney(ctx) && ctx.caller!.org === a.providerId && ctx.caller!.jurisdiction === a.jurisdiction,
  ATTORNEYS,
);
/** A handed file is read for legal representation only, the purpose its consents must name. */
const LEGAL_REPRESENTATION = 'LEGAL_REPRESENTATION';

/**
 * What backs a category of a victim's data in the caller's jurisdiction now: the victim is
 * of it, or an active consent of the victim shares the category with it for legal
 * representation (CASE: any such consent). Asked of the victims subgraph on every request,
 * so a withdrawal applies to the next one. Holds on `OWN_JURISDICTION` or `CONSENT:<id>`.
 */
export async function sharedForRepresentation(ctx: RequestContext, victimId: string, victimJurisdiction: string | null, category: string): Promise<string | false> {
  if (victimJurisdiction === ctx.caller!.jurisdiction) return 'OWN_JURISDICTION';
  const consent = (await ctx.consents.consentsFor(victimId)).find((c) => c.purposes.includes(LEGAL_REPRESENTATION) && (category === 'CASE' || c.categories.includes(category)));
  return consent ? `CONSENT:${consent.id}` : false;
}

/** Which category of the victim's data a handoff must carry for each category of an assignment's fields (the others never pass). */
const CARRIED_AS: Record<string, string> = { ASSIGNMENT: 'CASE', HEALTH: 'HEALTH', TESTIMONY: 'TESTIMONY' };

/**
 * The attorney who took the file over (the receiving attorney of an ACCEPTED handoff of
 * it, in the receiving jurisdiction), reading for legal representation: a category of the
 * old assignment only when the handoff carried it and the victim still shares it with
 * her jurisdiction. Before acceptance, and for anything else, it does not hold: the old
 * assignment is no side door to what was not handed. Holds on `<handoff id>/<backing>`.
 */
const tookOver = basis<AssignmentDoc>('the attorney who took the file over, for what the handoff carried and the victim still shares', 'HANDOFF', async (ctx, a, category) => {
  if (!isAttorney(ctx) || ctx.purpose !== LEGAL_REPRESENTATION) return false;
  const caller = ctx.caller!;
  const handoffs = await (ctx as LegalAidContext).loaders.handoffsOfAssignment.load(a.id);
  const accepted = handoffs.find(
    (h) => h.fromAssignmentId === a.id && h.status === HandoffStatus.ACCEPTED && h.toJurisdiction === caller.jurisdiction && h.toPractitionerId === caller.sub,
  );
  if (!accepted) return false;
  // Known at all (category CASE, from isVisible): on any category it carried that an assignment holds.
  const wanted = category === 'CASE' ? Object.values(CARRIED_AS) : [CARRIED_AS[category]];
  for (const carried of accepted.transferCategories.filter((c) => wanted.includes(c))) {
    const backing = await sharedForRepresentation(ctx, a.victimId, a.victimJurisdiction, carried);
    if (backing) return `${accepted.id}/${backing}`;
  }
  return false;
}, { ...ATTORNEYS, establishedBy: ['HANDOFF_RECEIVER', 'HANDOFF_ACCEPTED', `PURPOSE:${LEGAL_REPRESENTATION}`, 'CARRIED_AND_SHARED:{category}'] });
/** Judges and prosecutors of the jurisdiction of a proceeding it is linked to (proceedings are linked in the assignment's own jurisdiction). */
const linkedProceeding = basis<AssignmentDoc>("the linked proceeding's jurisdiction", 'PROCEEDING', (ctx, a) => a.proceedingId !== null && a.jurisdiction === ctx.caller!.jurisdiction, {
  establishedBy: ['OWN_JURISDICTION', 'LINKED_PROCEEDING'],
});

/**
 * Who reads an assignment: the attorney, attorneys of the same provider and social
 * workers of its jurisdiction; judges and prosecutors of a linked proceeding only its
 * matter, attorney and status. The accommodations (HEALTH) likewise, not judges; the
 * representation consent and interpretation details (TESTIMONY) the attorney only. The
 * attorney who took the file over reads, of the categories the handoff carried and the
 * victim still shares, CASE (matter, attorney, status), HEALTH and TESTIMONY; nothing of
 * it before accepting.
 */
export const assignmentAccess = typeAccess<AssignmentDoc>({
  typeName: 'LegalAidAssignment',
  noun: 'this legal aid assignment',
  id: (a) => a.id,
  jurisdiction: (a) => a.jurisdiction,
  visibleOn: [assigned, sameProvider, tookOver],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as LegalAidContext).loaders.assignment.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    matter: 'ASSIGNMENT',
    attorney: 'ASSIGNMENT',
    status: 'ASSIGNMENT',
    victim: 'ASSIGNMENT_DETAILS',
    jurisdiction: 'ASSIGNMENT_DETAILS',
    proceedingId: 'ASSIGNMENT_DETAILS',
    proceeding: 'ASSIGNMENT_DETAILS',
    handoffs: 'ASSIGNMENT_DETAILS',
    openedAt: 'ASSIGNMENT_DETAILS',
    closedAt: 'ASSIGNMENT_DETAILS',
    closingReason: 'ASSIGNMENT_DETAILS',
    accommodations: 'HEALTH',
    representationConsent: 'TESTIMONY',
    interpretations: 'TESTIMONY',
  },
  rules: {
    ASSIGNMENT: {
      roles: ['legal_aid_attorney', 'social_worker', 'judge', 'prosecutor'],
      bases: [assigned, sameProvider, tookOver, forRoles(['social_worker'], ownJurisdiction((a) => a.jurisdiction)), forRoles(['judge', 'prosecutor'], linkedProceeding)],
    },
    ASSIGNMENT_DETAILS: {
      roles: ['legal_aid_attorney', 'social_worker'],
      bases: [assigned, sameProvider, forRoles(['social_worker'], ownJurisdiction((a) => a.jurisdiction))],
    },
    HEALTH: {
      roles: ['legal_aid_attorney', 'social_worker'],
      bases: [assigned, sameProvider, tookOver, forRoles(['social_worker'], ownJurisdiction((a) => a.jurisdiction))],
    },
    TESTIMONY: {
      roles: ['legal_aid_attorney'],
      bases: [assigned, tookOver],
      denied: (whom) => `The representation consent and interpretation details are the attorney's (and what a handoff carried, the receiving attorney's), not ${whom}'s`,
    },
  },
});

const handingOver = basis<HandoffDoc>('the attorney handing over', 'ATTORNEY', (ctx, h) => isAttorney(ctx) && ctx.caller!.sub === h.fromPractitionerId && ctx.caller!.jurisdiction === h.fromJurisdiction, ATTORNEYS);
const receiver = basis<HandoffDoc>('the receiving attorney', 'ATTORNEY', (ctx, h) => isAttorney(ctx) && ctx.caller!.sub === h.toPractitionerId && ctx.caller!.jurisdiction === h.toJurisdiction, {
  ...ATTORNEYS,
  establishedBy: ['HANDOFF_RECEIVER'],
});
const ofReceivingProvider = basis<HandoffDoc>(
  "an attorney of the receiving attorney's provider",
  'PROVIDER',
  (ctx, h) => isAttorney(ctx) && ctx.caller!.org === h.toProviderId && ctx.caller!.jurisdiction === h.toJurisdiction,
  { ...ATTORNEYS, establishedBy: ['HANDOFF_PROVIDER'] },
);
/** The jurisdiction a handoff goes to (its social workers know of it). */
const receivingJurisdiction = basis<HandoffDoc>('the receiving jurisdiction', 'OWN_JURISDICTION', (ctx, h) => ctx.caller!.jurisdiction === h.toJurisdiction, {
  establishedBy: ['RECEIVING_JURISDICTION'],
});

/**
 * The receiving attorney reads the handing attorney's notes, before and after accepting,
 * only while the victim shares TESTIMONY with the receiving jurisdiction for legal
 * representation (or is of it): the notes are about her.
 */
const receiverWhileShared = basis<HandoffDoc>('the receiving attorney, while the victim shares TESTIMONY with her jurisdiction for legal representation', 'RECEIVER', async (ctx, h) => {
  if (!(await receiver.holds(ctx, h, 'TESTIMONY')) || ctx.purpose !== LEGAL_REPRESENTATION) return false;
  const from = await (ctx as LegalAidContext).loaders.assignment.load(h.fromAssignmentId);
  return from ? sharedForRepresentation(ctx, h.victimId, from.victimJurisdiction, 'TESTIMONY') : false;
}, { ...ATTORNEYS, establishedBy: ['HANDOFF_RECEIVER', `PURPOSE:${LEGAL_REPRESENTATION}`, 'SHARED_FOR_REPRESENTATION:TESTIMONY'] });

/**
 * A handoff: both attorneys (and the receiving provider's attorneys), social workers of
 * both jurisdictions see who offers what to whom and when; the handing attorney's notes
 * (reason) the handing attorney, and the receiving one while the victim shares TESTIMONY
 * with her jurisdiction; a refusal's reason the two attorneys.
 */
export const handoffAccess = typeAccess<HandoffDoc>({
  typeName: 'Handoff',
  noun: 'this handoff',
  id: (h) => h.id,
  jurisdiction: (h) => h.fromJurisdiction,
  visibleOn: [receiver, ofReceivingProvider, receivingJurisdiction],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as LegalAidContext).loaders.handoff.load(id))?.fromJurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    ...Object.fromEntries(
      ['fromAttorney', 'fromAssignment', 'toAssignment', 'toAttorney', 'fromJurisdiction', 'toJurisdiction', 'transferCategories', 'status', 'offeredAt', 'decidedAt'].map((f) => [f, 'HANDOFF']),
    ),
    reason: 'TESTIMONY',
    refusalReason: 'REFUSAL',
  },
  rules: {
    HANDOFF: {
      roles: ['legal_aid_attorney', 'social_worker'],
      bases: [
        handingOver,
        receiver,
        ofReceivingProvider,
        forRoles(['social_worker'], basis<HandoffDoc>('the handing jurisdiction', 'OWN_JURISDICTION', (ctx, h) => ctx.caller!.jurisdiction === h.fromJurisdiction)),
        forRoles(['social_worker'], receivingJurisdiction),
      ],
    },
    TESTIMONY: {
      roles: ['legal_aid_attorney'],
      bases: [handingOver, receiverWhileShared],
      denied: (whom) => `Handoff notes are the handing attorney's, and the receiving attorney's while the victim shares TESTIMONY with her jurisdiction for LEGAL_REPRESENTATION; not ${whom}'s`,
    },
    REFUSAL: { roles: ['legal_aid_attorney'], bases: [handingOver, receiver], denied: (whom) => `The reason of a refusal is the two attorneys' only, not ${whom}'s` },
  },
});
