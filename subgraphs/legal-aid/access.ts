import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess } from '../common/access';
import type { Entity } from '../common/loaders';
import { isRecordId } from '../common/validate';
import type { AssignmentRecord, HandoffRecord, LegalAidContext } from './models';
import { HandoffStatus } from './vocabulary';

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
/**
 * The attorney a handoff of this assignment is offered to, or was accepted by (with
 * `provider`, also the other attorneys of the receiving provider, who may take it).
 */
function receivingOf(provider: boolean) {
  return basis<AssignmentDoc>(provider ? "the receiving attorney's provider" : 'the attorney receiving a handoff of it', 'HANDOFF', async (ctx, a) => {
    if (!isAttorney(ctx)) return false;
    const caller = ctx.caller!;
    const handoffs = await (ctx as LegalAidContext).loaders.handoffsOfAssignment.load(a.id);
    const receives = (h: HandoffRecord) =>
      h.fromAssignmentId === a.id &&
      h.status !== HandoffStatus.REFUSED &&
      h.toJurisdiction === caller.jurisdiction &&
      (h.toPractitionerId === caller.sub || (provider && h.toProviderId === caller.org));
    return handoffs.find(receives)?.id ?? false;
  }, { ...ATTORNEYS, establishedBy: [provider ? 'HANDOFF_PROVIDER' : 'HANDOFF_RECEIVER'] });
}
const receiving = receivingOf(false);
const receivingProvider = receivingOf(true);
/** Judges and prosecutors of the jurisdiction of a proceeding it is linked to (proceedings are linked in the assignment's own jurisdiction). */
const linkedProceeding = basis<AssignmentDoc>("the linked proceeding's jurisdiction", 'PROCEEDING', (ctx, a) => a.proceedingId !== null && a.jurisdiction === ctx.caller!.jurisdiction, {
  establishedBy: ['OWN_JURISDICTION', 'LINKED_PROCEEDING'],
});

/**
 * Who reads an assignment: the attorney, attorneys of the same provider and social
 * workers of its jurisdiction; judges and prosecutors of a linked proceeding only its
 * matter, attorney and status. The representation consent and interpretation details
 * (TESTIMONY) only the attorney and an attorney receiving a handoff of it.
 */
export const assignmentAccess = typeAccess<AssignmentDoc>({
  typeName: 'LegalAidAssignment',
  noun: 'this legal aid assignment',
  id: (a) => a.id,
  jurisdiction: (a) => a.jurisdiction,
  visibleOn: [assigned, sameProvider, receivingProvider],
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
    accommodations: 'ASSIGNMENT_DETAILS',
    openedAt: 'ASSIGNMENT_DETAILS',
    closedAt: 'ASSIGNMENT_DETAILS',
    closingReason: 'ASSIGNMENT_DETAILS',
    representationConsent: 'TESTIMONY',
    interpretations: 'TESTIMONY',
  },
  rules: {
    ASSIGNMENT: {
      roles: ['legal_aid_attorney', 'social_worker', 'judge', 'prosecutor'],
      bases: [assigned, sameProvider, receivingProvider, forRoles(['social_worker'], ownJurisdiction((a) => a.jurisdiction)), forRoles(['judge', 'prosecutor'], linkedProceeding)],
    },
    ASSIGNMENT_DETAILS: {
      roles: ['legal_aid_attorney', 'social_worker'],
      bases: [assigned, sameProvider, receivingProvider, forRoles(['social_worker'], ownJurisdiction((a) => a.jurisdiction))],
    },
    TESTIMONY: { roles: ['legal_aid_attorney'], bases: [assigned, receiving], denied: (whom) => `The representation consent and interpretation details are the attorneys' only, not ${whom}'s` },
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
const receivingJurisdiction = ['RECEIVING_JURISDICTION'];

/** A handoff: both attorneys (and their providers' attorneys), social workers of both jurisdictions; its reason (notes) the two attorneys only. */
export const handoffAccess = typeAccess<HandoffDoc>({
  typeName: 'Handoff',
  noun: 'this handoff',
  id: (h) => h.id,
  jurisdiction: (h) => h.fromJurisdiction,
  visibleOn: [
    receiver,
    ofReceivingProvider,
    basis<HandoffDoc>('the receiving jurisdiction', 'OWN_JURISDICTION', (ctx, h) => ctx.caller!.jurisdiction === h.toJurisdiction, { establishedBy: receivingJurisdiction }),
  ],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as LegalAidContext).loaders.handoff.load(id))?.fromJurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    ...Object.fromEntries(['fromAssignment', 'toAssignment', 'toAttorney', 'fromJurisdiction', 'toJurisdiction', 'transferCategories', 'status', 'offeredAt', 'decidedAt'].map((f) => [f, 'HANDOFF'])),
    reason: 'TESTIMONY',
    refusalReason: 'TESTIMONY',
  },
  rules: {
    HANDOFF: {
      roles: ['legal_aid_attorney', 'social_worker'],
      bases: [
        handingOver,
        receiver,
        ofReceivingProvider,
        forRoles(['social_worker'], ownJurisdiction((h) => h.fromJurisdiction)),
        forRoles(['social_worker'], establishedBy(receivingJurisdiction, ownJurisdiction((h) => h.toJurisdiction))),
      ],
    },
    TESTIMONY: { roles: ['legal_aid_attorney'], bases: [handingOver, receiver], denied: (whom) => `Handoff notes are the two attorneys' only, not ${whom}'s` },
  },
});
