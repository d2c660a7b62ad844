import type { Role } from '../../platform/auth';
import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess } from '../common/access';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import type { EvidenceRecord, ProceedingContext, ProceedingRecord, ProtectiveOrderRecord } from './models';
import { EvidenceKind, HandlingCode } from './schema/vocabulary';
import { linkedByTeam } from './teams/access';
import { appointedCounsel, disclosedToCounsel } from './defence/access';

/**
 * Who reads which field of the core's entities (docs/access.md prints them): a proceeding,
 * its protective orders and its evidence are read only in the proceeding's own
 * jurisdiction, or by the members of a joint investigation team that links it.
 */

const COURT_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

/** Members of an active joint investigation team linking the proceeding read it as its own jurisdiction's judges, prosecutors and police do. */
const proceedingByTeam = linkedByTeam<Entity<ProceedingRecord>>((p) => p.id);

/** Counsel appointed for one of its defendants reads the proceeding for the defence (defence/, decision 111). */
const proceedingByCounsel = appointedCounsel<Entity<ProceedingRecord>>((p) => p.id);

/**
 * Who may read which Proceeding field: only in the proceeding's own jurisdiction (other
 * jurisdictions see nothing of it, unless a joint investigation team opens it to its
 * members); the kind, stage, jurisdiction and dates also to partner systems and legal
 * aid attorneys. Appointed defence counsel reads the summary and the trial (case number,
 * court, charges, defendants, hearings, protective orders, the evidence disclosed to her
 * defendant) and the defence's own fields; never the victims, outcome or precedents.
 */
export const proceedingAccess = typeAccess<Entity<ProceedingRecord>>({
  typeName: 'Proceeding',
  noun: 'this proceeding',
  id: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
  visibleOn: [proceedingByTeam, proceedingByCounsel],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.proceeding.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    kind: 'PROCEEDING_SUMMARY',
    stage: 'PROCEEDING_SUMMARY',
    jurisdiction: 'PROCEEDING_SUMMARY',
    // When it opened and closed: also for legal aid, whose continuity depends on it.
    openedAt: 'PROCEEDING_SUMMARY',
    closedAt: 'PROCEEDING_SUMMARY',
    caseNumber: 'PROCEEDING_TRIAL',
    court: 'PROCEEDING_TRIAL',
    outcome: 'PROCEEDING',
    charges: 'PROCEEDING_TRIAL',
    defendants: 'PROCEEDING_TRIAL',
    convictedDefendants: 'PROCEEDING_DETAILS',
    victims: 'PROCEEDING_DETAILS',
    hearings: 'PROCEEDING_TRIAL',
    // Each order and item then shows what the caller may see of it (counsel: the items disclosed to her defendant).
    protectiveOrders: 'PROCEEDING_TRIAL',
    evidence: 'PROCEEDING_TRIAL',
    legalAssistanceRequests: 'PROCEEDING_DETAILS',
    jointInvestigationTeams: 'PROCEEDING_DETAILS',
    // Each then as the caller may know of it (counsel: of her proceeding, its orders and the evidence disclosed to her defendant).
    translations: 'PROCEEDING_TRIAL',
    precedents: 'PROCEEDING',
    defenceAppointments: 'DEFENCE',
    disclosures: 'DEFENCE',
    disclosureDueBy: 'DEFENCE',
    // Its victims as witnesses (defence/, decision 117): each then as the caller may see it (counsel: never who she is without an order).
    witnesses: 'DEFENCE',
  },
  rules: {
    PROCEEDING_SUMMARY: { roles: [...COURT_ROLES, 'partner_system', 'legal_aid_attorney', 'defence_counsel'], bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam, proceedingByCounsel] },
    PROCEEDING_TRIAL: { roles: [...COURT_ROLES, 'defence_counsel'], bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam, proceedingByCounsel] },
    PROCEEDING: { roles: COURT_ROLES, bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam] },
    PROCEEDING_DETAILS: { roles: COURT_ROLES, bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam] },
    // The defence: its appointments, disclosures and deadline, for the court and the prosecution of the jurisdiction (each item then as the caller may see it).
    DEFENCE: { roles: ['judge', 'prosecutor', 'defence_counsel'], bases: [forRoles(['judge', 'prosecutor'], ownJurisdiction((p) => p.jurisdiction)), proceedingByCounsel] },
  },
});

const ORDER_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];

/** A joint investigation team opens an order to its members; where the protected person is stays with the jurisdiction. */
const orderByTeam = linkedByTeam<Entity<ProtectiveOrderRecord>>((o) => o.proceedingId);

/** Appointed counsel reads an order of her proceeding (it binds her client): its kind, status, dates and who decided; never whom it protects, the grounds, the reasons or where. */
const orderByCounsel = appointedCounsel<Entity<ProtectiveOrderRecord>>((o) => o.proceedingId);

/**
 * Who reads an order: those who may request or decide it, in the proceeding's jurisdiction;
 * the location only judges, prosecutors and police; appointed defence counsel the kind,
 * urgency, status and dates, not the protected person, the grounds nor the decision's
 * reasons (PROTECTED_PERSON: what erasure removes of her).
 */
export const protectiveOrderAccess = typeAccess<Entity<ProtectiveOrderRecord>>({
  typeName: 'ProtectiveOrder',
  noun: 'this protective order',
  id: (o) => o.id,
  jurisdiction: (o) => o.jurisdiction,
  visibleOn: [orderByTeam, orderByCounsel],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.protectiveOrder.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    proceedingId: 'PROTECTIVE_ORDER',
    kind: 'PROTECTIVE_ORDER',
    urgency: 'PROTECTIVE_ORDER',
    protectedVictim: 'PROTECTED_PERSON',
    grounds: 'PROTECTED_PERSON',
    status: 'PROTECTIVE_ORDER',
    requestedAt: 'PROTECTIVE_ORDER',
    decisionDue: 'PROTECTIVE_ORDER',
    overdue: 'PROTECTIVE_ORDER',
    decidedAt: 'PROTECTIVE_ORDER',
    decidedBy: 'PROTECTIVE_ORDER',
    // The decision's reasons speak of her and of the threat to her (erased with her data, domain/erasure.ts).
    reasons: 'PROTECTED_PERSON',
    protectedPersonLocation: 'LOCATION',
    translations: 'PROTECTIVE_ORDER',
  },
  rules: {
    PROTECTIVE_ORDER: { roles: [...ORDER_ROLES, 'defence_counsel'], bases: [ownJurisdiction((o) => o.jurisdiction), orderByTeam, orderByCounsel] },
    PROTECTED_PERSON: { roles: ORDER_ROLES, bases: [ownJurisdiction((o) => o.jurisdiction), orderByTeam] },
    LOCATION: { roles: ['judge', 'prosecutor', 'law_enforcement'], bases: [ownJurisdiction((o) => o.jurisdiction)] },
  },
});

/** Judges and prosecutors of the jurisdiction; police for items they hold, testimony excepted. */
const custodianOf = basis<Entity<EvidenceRecord>>('police holding the item (not testimony)', 'CUSTODY', (ctx, e) => e.kind !== EvidenceKind.TESTIMONY && e.custodian === ctx.caller!.sub, {
  establishedBy: ['CUSTODY', 'NOT_TESTIMONY'],
});

/**
 * A joint investigation team opens an item to the members of other parties, except one
 * its provider restricted (H2: not disseminated without permission; H3: other
 * restrictions), which stays with its provider.
 */
const evidenceByTeam = establishedBy(
  ['TEAM', 'SHAREABLE'],
  linkedByTeam<Entity<EvidenceRecord>>(
    (e) => e.proceedingId,
    (e) => e.handlingCode === HandlingCode.H2 || e.handlingCode === HandlingCode.H3,
  ),
);

/** Appointed counsel of a defendant the item was disclosed to (defence/): an undisclosed item is not hers to know of. */
const evidenceByDisclosure = disclosedToCounsel<Entity<EvidenceRecord>>((e) => e.id, (e) => e.proceedingId);

export const evidenceAccess = typeAccess<Entity<EvidenceRecord>>({
  typeName: 'Evidence',
  noun: 'this item of evidence',
  id: (e) => e.id,
  jurisdiction: (e) => e.jurisdiction,
  visibleOn: [evidenceByTeam, evidenceByDisclosure],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.evidence.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    [
      ...['kind', 'description', 'contentHash', 'handlingCode', 'handlingConditions', 'sourceReliability', 'informationAccuracy', 'custodian', 'courtUsePermission', 'custody', 'translations'].map((f) => [f, 'EVIDENCE']),
      ['custodyCheck', 'CUSTODY_CHECK'],
    ],
  ),
  rules: {
    EVIDENCE: {
      roles: ['judge', 'prosecutor', 'law_enforcement', 'defence_counsel'],
      bases: [forRoles(['judge', 'prosecutor'], ownJurisdiction((e) => e.jurisdiction)), forRoles(['judge', 'prosecutor'], evidenceByTeam), forRoles(['law_enforcement'], custodianOf), evidenceByDisclosure],
    },
    // Whether the chain is intact: as verifyCustody, judges and prosecutors of the item's jurisdiction.
    CUSTODY_CHECK: { roles: ['judge', 'prosecutor'], bases: [ownJurisdiction((e) => e.jurisdiction)] },
  },
});
