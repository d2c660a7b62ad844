import { Schema, type Connection, type Model } from 'mongoose';
import type { RequestContext } from '../common/context';
import { quarterOf } from '../common/indicators';
import { loaderById } from '../common/storage';
import { ListedCollection, listedField } from '../common/storage';
import { HandoffStatus, OPEN_STATUSES } from './schema/vocabulary';

export interface ProviderRecord {
  _id: string;
  name: string;
  jurisdiction: string;
  kind: string;
  _listed?: string[];
}

export interface AttorneyRecord {
  _id: string;
  name: string;
  barNumber: string;
  jurisdictions: string[];
  languages: string[];
  providerId: string;
  /** The practitioner's token subject (and the training subgraph's practitioner id). */
  practitionerId: string;
  acceptingCases: boolean;
  /**
   * False once deactivated (deactivateAttorney): no new assignments or handoffs, out of
   * matching; her open assignments stay hers. Records written before this field are active.
   */
  active?: boolean;
  deactivatedAt?: Date | null;
  deactivationReason?: string | null;
  _listed?: string[];
}

export interface RepresentationConsentRecord {
  givenOn: string;
  language: string;
  interpreterUsed: boolean;
  recordedAt: Date;
}

export interface InterpretationRecord {
  id: string;
  language: string;
  occasion: string;
  at: Date;
  status: string;
  interpreter: string | null;
  requestedAt: Date;
  requestedBy: string;
}

export interface AccommodationRecord {
  id: string;
  kind: string;
  details: string;
  requestedAt: Date;
  requestedBy: string;
}

export interface AssignmentRecord {
  _id: string;
  victimId: string;
  /** The victim's own jurisdiction, as the victims subgraph said when it was assigned. */
  victimJurisdiction: string;
  attorneyId: string;
  /** Copied from the attorney: who may read it depends on them. */
  providerId: string;
  practitionerId: string;
  jurisdiction: string;
  matter: string;
  /** A proceeding of the assignment's jurisdiction (the proceedings subgraph's). */
  proceedingId: string | null;
  status: string;
  representationConsent: RepresentationConsentRecord | null;
  interpretations: InterpretationRecord[];
  accommodations: AccommodationRecord[];
  openedAt: Date;
  openedBy: string;
  /** When it became ACTIVE (the representation consent, or a handoff accepted). */
  activeFrom: Date | null;
  closedAt: Date | null;
  closingReason: string | null;
  _listed?: string[];
}

export interface HandoffRecord {
  _id: string;
  fromAssignmentId: string;
  toAssignmentId: string | null;
  victimId: string;
  fromJurisdiction: string;
  fromPractitionerId: string;
  toAttorneyId: string;
  toProviderId: string;
  toPractitionerId: string;
  toJurisdiction: string;
  /** Null once the victim's data is erased (domain/erasure.ts). */
  reason: string | null;
  transferCategories: string[];
  status: string;
  offeredAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  refusalReason: string | null;
  _listed?: string[];
}

const providerSchema = new Schema<ProviderRecord>(
  { _id: String, name: { type: String, required: true }, jurisdiction: { type: String, required: true }, kind: { type: String, required: true }, _listed: listedField },
  { collection: 'providers', versionKey: false },
);

const attorneySchema = new Schema<AttorneyRecord>(
  {
    _id: String,
    name: { type: String, required: true },
    barNumber: { type: String, required: true },
    jurisdictions: { type: [String], default: [] },
    languages: { type: [String], default: [] },
    providerId: { type: String, required: true },
    practitionerId: { type: String, required: true },
    acceptingCases: { type: Boolean, default: true },
    active: { type: Boolean, default: true },
    deactivatedAt: { type: Date, default: null },
    deactivationReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'attorneys', versionKey: false },
);

const assignmentSchema = new Schema<AssignmentRecord>(
  {
    _id: String,
    victimId: { type: String, required: true },
    victimJurisdiction: { type: String, required: true },
    attorneyId: { type: String, required: true },
    providerId: { type: String, required: true },
    practitionerId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    matter: { type: String, required: true },
    proceedingId: { type: String, default: null },
    status: { type: String, required: true },
    representationConsent: { type: new Schema({ givenOn: String, language: String, interpreterUsed: Boolean, recordedAt: Date }, { _id: false }), default: null },
    interpretations: {
      type: [new Schema({ id: String, language: String, occasion: String, at: Date, status: String, interpreter: String, requestedAt: Date, requestedBy: String }, { _id: false })],
      default: [],
    },
    accommodations: { type: [new Schema({ id: String, kind: String, details: String, requestedAt: Date, requestedBy: String }, { _id: false })], default: [] },
    openedAt: { type: Date, required: true },
    openedBy: { type: String, required: true },
    activeFrom: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    closingReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'assignments', versionKey: false },
);

const handoffSchema = new Schema<HandoffRecord>(
  {
    _id: String,
    fromAssignmentId: { type: String, required: true },
    toAssignmentId: { type: String, default: null },
    victimId: { type: String, required: true },
    fromJurisdiction: { type: String, required: true },
    fromPractitionerId: { type: String, required: true },
    toAttorneyId: { type: String, required: true },
    toProviderId: { type: String, required: true },
    toPractitionerId: { type: String, required: true },
    toJurisdiction: { type: String, required: true },
    reason: { type: String, default: null },
    transferCategories: { type: [String], default: [] },
    status: { type: String, required: true },
    offeredAt: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    refusalReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'handoffs', versionKey: false },
);

const model = <T>(connection: Connection, name: string, schema: Schema<T>): Model<T> => connection.models[name] ?? connection.model<T>(name, schema);

/**
 * The legal aid store: providers and attorneys by jurisdiction (attorneys under each
 * jurisdiction they practise in), assignments by victim, by jurisdiction and, while open,
 * by attorney (their load); handoffs by the assignments at both ends and, while waiting
 * for an answer, by the receiving provider; both also by jurisdiction and quarter for the
 * regional indicators (domain/indicators.ts).
 */
export function legalAidModels(connection: Connection) {
  const Provider = model(connection, 'Provider', providerSchema);
  const Attorney = model(connection, 'Attorney', attorneySchema);
  const Assignment = model(connection, 'Assignment', assignmentSchema);
  const Handoff = model(connection, 'Handoff', handoffSchema);
  return {
    Provider,
    Attorney,
    Assignment,
    Handoff,
    providers: new ListedCollection(Provider, { jurisdiction: (p) => [p.jurisdiction] }),
    attorneys: new ListedCollection(Attorney, { jurisdiction: (a) => a.jurisdictions, provider: (a) => [a.providerId] }),
    assignments: new ListedCollection(Assignment, {
      victim: (a) => [a.victimId],
      jurisdiction: (a) => [a.jurisdiction],
      openOfAttorney: (a) => [OPEN_STATUSES.includes(a.status) ? a.attorneyId : null],
      // The indicators (domain/indicators.ts): by the assignment's jurisdiction and the quarter of the instant that decides the
      // period; facts set once and kept through erasure (domain/erasure.ts).
      openedIn: (a) => [`${a.jurisdiction}/${quarterOf(a.openedAt)}`],
      activeFromIn: (a) => [a.activeFrom ? `${a.jurisdiction}/${quarterOf(a.activeFrom)}` : null],
    }),
    handoffs: new ListedCollection(Handoff, {
      assignment: (h) => [h.fromAssignmentId, h.toAssignmentId],
      offeredToProvider: (h) => [h.status === HandoffStatus.OFFERED ? h.toProviderId : null],
      // The indicators: accepted, by the receiving jurisdiction and the quarter of the acceptance.
      acceptedIn: (h) => [h.status === HandoffStatus.ACCEPTED && h.decidedAt ? `${h.toJurisdiction}/${quarterOf(h.decidedAt)}` : null],
    }),
  };
}

export type LegalAidModels = ReturnType<typeof legalAidModels>;

export function legalAidLoaders(models: LegalAidModels) {
  return {
    provider: loaderById<ProviderRecord>(models.Provider),
    attorney: loaderById<AttorneyRecord>(models.Attorney),
    assignment: loaderById<AssignmentRecord>(models.Assignment),
    handoff: loaderById<HandoffRecord>(models.Handoff),
    assignmentsOfVictim: models.assignments.loaderBy('victim'),
    openAssignmentsOfAttorney: models.assignments.loaderBy('openOfAttorney'),
    handoffsOfAssignment: models.handoffs.loaderBy('assignment'),
    handoffsOfferedToProvider: models.handoffs.loaderBy('offeredToProvider'),
    attorneysOfProvider: models.attorneys.loaderBy('provider'),
  };
}

export type LegalAidContext = RequestContext<LegalAidModels, ReturnType<typeof legalAidLoaders>>;
