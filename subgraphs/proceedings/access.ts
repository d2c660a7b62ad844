import type { Role } from '../../platform/auth';
import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess } from '../common/access';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import type { EvidenceRecord, ProceedingContext, ProceedingRecord, ProtectiveOrderRecord } from './models';
import { EvidenceKind, HandlingCode } from './schema/vocabulary';
import { linkedByTeam } from './teams/access';

/**
 * Who reads which field of the core's entities (docs/access.md prints them): a proceeding,
 * its protective orders and its evidence are read only in the proceeding's own
 * jurisdiction, or by the members of a joint investigation team that links it.
 */

const COURT_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

/** Members of an active joint investigation team linking the proceeding read it as its own jurisdiction's judges, prosecutors and police do. */
const proceedingByTeam = linkedByTeam<Entity<ProceedingRecord>>((p) => p.id);

/**
 * Who may read which Proceeding field: only in the proceeding's own jurisdiction (other
 * jurisdictions see nothing of it, unless a joint investigation team opens it to its
 * members); the kind, stage, jurisdiction and dates also to partner systems and legal
 * aid attorneys.
 */
export const proceedingAccess = typeAccess<Entity<ProceedingRecord>>({
  typeName: 'Proceeding',
  noun: 'this proceeding',
  id: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
  visibleOn: [proceedingByTeam],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.proceeding.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    kind: 'PROCEEDING_SUMMARY',
    stage: 'PROCEEDING_SUMMARY',
    jurisdiction: 'PROCEEDING_SUMMARY',
    // When it opened and closed: also for legal aid, whose continuity depends on it.
    openedAt: 'PROCEEDING_SUMMARY',
    closedAt: 'PROCEEDING_SUMMARY',
    caseNumber: 'PROCEEDING',
    court: 'PROCEEDING',
    outcome: 'PROCEEDING',
    charges: 'PROCEEDING_DETAILS',
    defendants: 'PROCEEDING_DETAILS',
    convictedDefendants: 'PROCEEDING_DETAILS',
    victims: 'PROCEEDING_DETAILS',
    hearings: 'PROCEEDING_DETAILS',
    protectiveOrders: 'PROCEEDING_DETAILS',
    evidence: 'PROCEEDING_DETAILS',
    legalAssistanceRequests: 'PROCEEDING_DETAILS',
    jointInvestigationTeams: 'PROCEEDING_DETAILS',
    translations: 'PROCEEDING_DETAILS',
    precedents: 'PROCEEDING',
  },
  rules: {
    PROCEEDING_SUMMARY: { roles: [...COURT_ROLES, 'partner_system', 'legal_aid_attorney'], bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam] },
    PROCEEDING: { roles: COURT_ROLES, bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam] },
    PROCEEDING_DETAILS: { roles: COURT_ROLES, bases: [ownJurisdiction((p) => p.jurisdiction), proceedingByTeam] },
  },
});

const ORDER_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];

/** A joint investigation team opens an order to its members; where the protected person is stays with the jurisdiction. */
const orderByTeam = linkedByTeam<Entity<ProtectiveOrderRecord>>((o) => o.proceedingId);

/** Who reads an order: those who may request or decide it, in the proceeding's jurisdiction; the location only judges, prosecutors and police. */
export const protectiveOrderAccess = typeAccess<Entity<ProtectiveOrderRecord>>({
  typeName: 'ProtectiveOrder',
  noun: 'this protective order',
  id: (o) => o.id,
  jurisdiction: (o) => o.jurisdiction,
  visibleOn: [orderByTeam],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.protectiveOrder.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    proceedingId: 'PROTECTIVE_ORDER',
    kind: 'PROTECTIVE_ORDER',
    urgency: 'PROTECTIVE_ORDER',
    protectedVictim: 'PROTECTIVE_ORDER',
    grounds: 'PROTECTIVE_ORDER',
    status: 'PROTECTIVE_ORDER',
    requestedAt: 'PROTECTIVE_ORDER',
    decisionDue: 'PROTECTIVE_ORDER',
    overdue: 'PROTECTIVE_ORDER',
    decidedAt: 'PROTECTIVE_ORDER',
    decidedBy: 'PROTECTIVE_ORDER',
    reasons: 'PROTECTIVE_ORDER',
    protectedPersonLocation: 'LOCATION',
    translations: 'PROTECTIVE_ORDER',
  },
  rules: {
    PROTECTIVE_ORDER: { roles: ORDER_ROLES, bases: [ownJurisdiction((o) => o.jurisdiction), orderByTeam] },
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

export const evidenceAccess = typeAccess<Entity<EvidenceRecord>>({
  typeName: 'Evidence',
  noun: 'this item of evidence',
  id: (e) => e.id,
  jurisdiction: (e) => e.jurisdiction,
  visibleOn: [evidenceByTeam],
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
      roles: ['judge', 'prosecutor', 'law_enforcement'],
      bases: [forRoles(['judge', 'prosecutor'], ownJurisdiction((e) => e.jurisdiction)), forRoles(['judge', 'prosecutor'], evidenceByTeam), forRoles(['law_enforcement'], custodianOf)],
    },
    // Whether the chain is intact: as verifyCustody, judges and prosecutors of the item's jurisdiction.
    CUSTODY_CHECK: { roles: ['judge', 'prosecutor'], bases: [ownJurisdiction((e) => e.jurisdiction)] },
  },
});
