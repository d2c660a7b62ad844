import { Schema, type Connection } from 'mongoose';
import { HashChains } from '../common/chain';
import type { RequestContext } from '../common/context';
import { ListedCollection, listedField, loaderById } from '../common/storage';
import { quarterOf } from '../common/indicators';
import { precedentModels, type PrecedentRecord } from './precedents/models';
import { assistanceLoaders, assistanceModels, type AssistanceSettings } from './assistance/models';
import { defenceLoaders, defenceModels } from './defence/models';
import { DEFAULT_TEAM_SETTINGS, teamModels, type TeamRecord, type TeamSettings } from './teams/models';
import { translationLoaders, translationModels } from './translations/models';

/** Pseudonymized: an alias, never a real name. */
export interface DefendantRecord {
  alias: string;
  nationality: string;
  gender: string;
}

export interface HearingRecord {
  id: string;
  scheduledAt: Date;
  court: string;
  victimAppearance: string;
  safeTransportNeeded: boolean;
  scheduledBy: string;
}

export interface ProceedingRecord {
  _id: string;
  caseNumber: string;
  /** `<jurisdiction>:<caseNumber>`: unique, so one court case is one proceeding. */
  caseKey: string;
  jurisdiction: string;
  court: string;
  kind: string;
  stage: string;
  charges: string[];
  defendants: DefendantRecord[];
  /** Victims by id; the victims subgraph resolves them (this one never reads its database). */
  victimIds: string[];
  hearings: HearingRecord[];
  outcome: string | null;
  /** The aliases of the defendants the final judgment convicted, recorded when it is CLOSED (none: no conviction). */
  convictedDefendants?: string[];
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
  /** When the prosecution must have disclosed its evidence to the defence, set by a judge (defence/); null or absent: not set. */
  disclosureDueBy?: Date | null;
  _listed?: string[];
}

const proceedingSchema = new Schema<ProceedingRecord>(
  {
    _id: String,
    caseNumber: { type: String, required: true },
    caseKey: { type: String, required: true, unique: true },
    jurisdiction: { type: String, required: true },
    court: { type: String, required: true },
    kind: { type: String, required: true },
    stage: { type: String, required: true },
    charges: { type: [String], default: [] },
    defendants: { type: [new Schema({ alias: String, nationality: String, gender: String }, { _id: false })], default: [] },
    victimIds: { type: [String], default: [] },
    hearings: {
      type: [new Schema({ id: String, scheduledAt: Date, court: String, victimAppearance: String, safeTransportNeeded: Boolean, scheduledBy: String }, { _id: false })],
      default: [],
    },
    outcome: { type: String, default: null },
    convictedDefendants: { type: [String], default: [] },
    openedAt: { type: Date, required: true },
    openedBy: { type: String, required: true },
    closedAt: { type: Date, default: null },
    disclosureDueBy: { type: Date, default: null },
    _listed: listedField,
  },
  { collection: 'proceedings', versionKey: false },
);

export interface ProtectiveOrderRecord {
  _id: string;
  proceedingId: string;
  jurisdiction: string;
  kind: string;
  urgency: string;
  protectedVictimId: string;
  /** Null once the protected victim's data is erased (domain/erasure.ts), as are the location and the reasons. */
  grounds: string | null;
  protectedPersonLocation: string | null;
  status: string;
  requestedAt: Date;
  requestedBy: string;
  decisionDue: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reasons: string | null;
  _listed?: string[];
}

const protectiveOrderSchema = new Schema<ProtectiveOrderRecord>(
  {
    _id: String,
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    kind: { type: String, required: true },
    urgency: { type: String, required: true },
    protectedVictimId: { type: String, required: true },
    grounds: { type: String, default: null },
    protectedPersonLocation: { type: String, default: null },
    status: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    requestedBy: { type: String, required: true },
    decisionDue: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    reasons: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'protectiveOrders', versionKey: false },
);

export interface EvidenceRecord {
  _id: string;
  proceedingId: string;
  jurisdiction: string;
  kind: string;
  description: string;
  contentHash: string;
  handlingCode: string;
  handlingConditions: string | null;
  sourceReliability: string;
  informationAccuracy: number;
  /** Subject of whoever holds the item now (the last custody event's recipient). */
  custodian: string;
  courtUse: { reference: string; at: Date; by: string } | null;
  registeredAt: Date;
  registeredBy: string;
  _listed?: string[];
}

/** One custody event as hashed: the platform's chain code adds sequence, prevHash and hash. */
export interface CustodyContent {
  action: string;
  fromCustodian: string;
  toCustodian: string;
  note: string | null;
  at: Date;
  by: string;
}

const evidenceSchema = new Schema<EvidenceRecord>(
  {
    _id: String,
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    kind: { type: String, required: true },
    description: { type: String, required: true },
    contentHash: { type: String, required: true },
    handlingCode: { type: String, required: true },
    handlingConditions: { type: String, default: null },
    sourceReliability: { type: String, required: true },
    informationAccuracy: { type: Number, required: true },
    custodian: { type: String, required: true },
    courtUse: { type: new Schema({ reference: String, at: Date, by: String }, { _id: false }), default: null },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'evidence', versionKey: false },
);

const custodySchema = new Schema(
  { _id: String, action: String, fromCustodian: String, toCustodian: String, note: String, at: Date, by: String, sequence: Number, prevHash: String, hash: String },
  { collection: 'custodyEvents', versionKey: false },
);

/** Evidence listed by proceeding; custody events hash-chained per item (one chain each, named by custodyChain). */
export function evidenceModels(connection: Connection, chainKey: string) {
  const Evidence = connection.model<EvidenceRecord>('Evidence', evidenceSchema);
  const CustodyEvent = connection.model('CustodyEvent', custodySchema);
  return {
    Evidence,
    evidence: new ListedCollection(Evidence, { proceeding: (e) => [e.proceedingId] }),
    custody: new HashChains<CustodyContent>(CustodyEvent as never, chainKey, (e) => [e.action, e.fromCustodian, e.toCustodian, e.note, e.at.toISOString(), e.by]),
  };
}

/** The name of an item's custody chain. */
export const custodyChain = (evidenceId: string) => `custody/${evidenceId}`;

/** How long a court has to decide a protective order, by urgency (PROTECTIVE_ORDER_* variables). */
export interface DecisionTimes {
  urgentHours: number;
  expeditedHours: number;
  standardDays: number;
}

/** The proceedings store: proceedings listed by jurisdiction, by jurisdiction and stage, and by victim; orders by proceeding and, while undecided, by jurisdiction; evidence; precedents; legal assistance requests with their delivery evidence; joint investigation teams; translations. */
export function proceedingModels(connection: Connection, decisionTimes: DecisionTimes, custodyKey: string, assistance: AssistanceSettings, teams: TeamSettings = DEFAULT_TEAM_SETTINGS) {
  const Proceeding = connection.model<ProceedingRecord>('Proceeding', proceedingSchema);
  const ProtectiveOrder = connection.model<ProtectiveOrderRecord>('ProtectiveOrder', protectiveOrderSchema);
  return {
    ...evidenceModels(connection, custodyKey),
    ...precedentModels(connection),
    ...assistanceModels(connection, assistance),
    ...teamModels(connection, teams),
    ...translationModels(connection),
    ...defenceModels(connection),
    decisionTimes,
    ProtectiveOrder,
    protectiveOrders: new ListedCollection(ProtectiveOrder, {
      proceeding: (o) => [o.proceedingId],
      pending: (o) => [o.status === 'REQUESTED' ? o.jurisdiction : null],
      // The indicators' counts (domain/indicators.ts): urgent orders by jurisdiction and the quarter they were decided in; erasure keeps all these fields.
      urgentDecidedIn: (o) => [o.urgency === 'URGENT' && o.decidedAt ? `${o.jurisdiction}/${quarterOf(o.decidedAt)}` : null],
      urgentDecidedInTimeIn: (o) => [o.urgency === 'URGENT' && o.decidedAt && o.decidedAt <= o.decisionDue ? `${o.jurisdiction}/${quarterOf(o.decidedAt)}` : null],
    }),
    Proceeding,
    proceedings: new ListedCollection(Proceeding, {
      jurisdiction: (p) => [p.jurisdiction],
      jurisdictionStage: (p) => [`${p.jurisdiction}:${p.stage}`],
      victim: (p) => p.victimIds,
      // The indicators' counts (domain/indicators.ts): by jurisdiction and the quarter it was opened, or closed with a conviction, in.
      openedIn: (p) => [`${p.jurisdiction}/${quarterOf(p.openedAt)}`],
      convictedIn: (p) => [p.closedAt && (p.convictedDefendants?.length ?? 0) > 0 ? `${p.jurisdiction}/${quarterOf(p.closedAt)}` : null],
    }),
  };
}

export type ProceedingModels = ReturnType<typeof proceedingModels>;

export function proceedingLoaders(models: ProceedingModels) {
  return {
    proceeding: loaderById<ProceedingRecord>(models.Proceeding),
    proceedingsOfVictim: models.proceedings.loaderBy('victim'),
    protectiveOrder: loaderById<ProtectiveOrderRecord>(models.ProtectiveOrder),
    ordersOfProceeding: models.protectiveOrders.loaderBy('proceeding'),
    evidence: loaderById<EvidenceRecord>(models.Evidence),
    evidenceOfProceeding: models.evidence.loaderBy('proceeding'),
    precedent: loaderById<PrecedentRecord>(models.Precedent),
    precedentsByEcli: models.precedents.loaderBy('ecli'),
    precedentsCiting: models.precedents.loaderBy('citedBy'),
    precedentsOfProceeding: models.precedents.loaderBy('proceeding'),
    ...assistanceLoaders(models),
    team: loaderById<TeamRecord>(models.Team),
    teamsOfProceeding: models.teams.loaderBy('proceeding'),
    ...translationLoaders(models),
    ...defenceLoaders(models),
  };
}

export type ProceedingContext = RequestContext<ProceedingModels, ReturnType<typeof proceedingLoaders>>;
