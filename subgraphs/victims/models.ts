import type { Purpose } from '../../platform/purposes';
import { Schema, type Connection } from 'mongoose';
import { ErasureNotices } from '../common/erasure-feed';
import type { RequestContext } from '../common/context';
import { quarterOf, quartersSpanned } from '../common/indicators';
import { ListedCollection, listedField, loaderById } from '../common/storage';
import type { DataCategory } from './access';

export interface ScreeningRecord {
  screenedAt: Date;
  assessor: string;
  formVersion: string;
  indicatorCodes: string[];
  recordedBy: string;
  /** When it was recorded (absent on screenings recorded before the history was shown: then screenedAt). */
  recordedAt?: Date;
}

/** How a presumed victim became an identified one (identifyVictim, domain/lifecycle.ts). */
export interface IdentificationRecord {
  basis: string;
  note: string | null;
  identifiedOn: string;
  identifiedBy: string;
  identifiedByRole: string;
  recordedAt: Date;
}

/** Facts the indicators count, set when they happen and never removed (no personal data: a flag and a day). */
export interface CountedFacts {
  /** Under 18 when registered (from the date of birth, else the age group given). */
  childAtRegistration: boolean;
  /** The day she was identified as a victim, once she was. */
  identifiedOn: string | null;
}

export interface RecoveryPeriodRecord {
  startsOn: string;
  endsOn: string;
  days: number;
  grantedBy: string;
}

export interface VictimRecord {
  _id: string;
  caseReference: string;
  jurisdiction: string;
  status: string;
  gender: string;
  nationality: string;
  languages: string[];
  ageGroup: string | null;
  /** Null once the record is anonymized (retention) or erased. */
  legalName: string | null;
  dateOfBirth: string | null;
  contactPhone: string | null;
  currentLocality: string | null;
  vulnerabilities: string[];
  interpretationLanguage: string | null;
  disabilityNeeds: string[];
  nonPunishmentProtection: boolean;
  screenings: ScreeningRecord[];
  recoveryPeriod: RecoveryPeriodRecord | null;
  /** Absent or null while PRESUMED. */
  identification?: IdentificationRecord | null;
  /** What the regional indicators count (domain/indicators.ts): CASE facts, kept through erasure and anonymization. */
  counted?: CountedFacts | null;
  /** Keyed hash of normalized identity, for cross-border duplicate detection. */
  identityHash: string | null;
  /** Other jurisdictions an active consent names: where the victim is listed (domain/sharing.ts). */
  sharedWith: string[];
  registeredBy: string;
  registeredAt: Date;
  /** Closing starts the retention period; after it the record is anonymized (domain/retention.ts). */
  closedAt?: Date | null;
  closingReason?: string | null;
  retainUntil?: Date | null;
  anonymizedAt?: Date | null;
  _listed?: string[];
}

export interface ConsentRecord {
  _id: string;
  victimId: string;
  categories: DataCategory[];
  granteeJurisdictions: string[];
  /** What the shared data may be used for (platform/purposes.ts). */
  purposes: Purpose[];
  /** Free text of the one who recorded it, e.g. the proceedings it is for. */
  note: string | null;
  grantedBy: string;
  grantedAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  _listed?: string[];
}

const victimSchema = new Schema<VictimRecord>(
  {
    _id: String,
    caseReference: { type: String, required: true, unique: true },
    jurisdiction: { type: String, required: true },
    status: { type: String, required: true },
    gender: { type: String, required: true },
    nationality: { type: String, required: true },
    languages: { type: [String], default: [] },
    ageGroup: { type: String, default: null },
    legalName: { type: String, default: null },
    dateOfBirth: { type: String, default: null },
    contactPhone: { type: String, default: null },
    currentLocality: { type: String, default: null },
    vulnerabilities: { type: [String], default: [] },
    interpretationLanguage: { type: String, default: null },
    disabilityNeeds: { type: [String], default: [] },
    nonPunishmentProtection: { type: Boolean, default: false },
    screenings: {
      type: [
        {
          _id: false,
          screenedAt: Date,
          assessor: String,
          formVersion: String,
          indicatorCodes: [String],
          recordedBy: String,
          recordedAt: Date,
        },
      ],
      default: [],
    },
    recoveryPeriod: {
      type: new Schema({ startsOn: String, endsOn: String, days: Number, grantedBy: String }, { _id: false }),
      default: null,
    },
    identification: {
      type: new Schema({ basis: String, note: String, identifiedOn: String, identifiedBy: String, identifiedByRole: String, recordedAt: Date }, { _id: false }),
      default: null,
    },
    counted: {
      type: new Schema({ childAtRegistration: Boolean, identifiedOn: String }, { _id: false }),
      default: null,
    },
    identityHash: { type: String, default: null },
    sharedWith: { type: [String], default: [] },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    closingReason: { type: String, default: null },
    retainUntil: { type: Date, default: null },
    anonymizedAt: { type: Date, default: null },
    _listed: listedField,
  },
  { collection: 'victims', versionKey: false },
);

const consentSchema = new Schema<ConsentRecord>(
  {
    _id: String,
    victimId: { type: String, required: true },
    categories: { type: [String], required: true },
    granteeJurisdictions: { type: [String], required: true },
    purposes: { type: [String], required: true },
    note: { type: String, default: null },
    grantedBy: { type: String, required: true },
    grantedAt: { type: Date, required: true },
    expiresAt: { type: Date, default: null },
    withdrawnAt: { type: Date, default: null },
    withdrawnBy: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'consents', versionKey: false },
);

/**
 * A referral of a presumed victim by a first responder's system (national referral
 * mechanism): what it takes to find and register the person, who referred, and what a
 * social worker of the jurisdiction decided.
 */
export interface ReferralRecord {
  _id: string;
  /** Where it was referred: the referrer's jurisdiction, whose social workers decide. */
  jurisdiction: string;
  /** The referring organisation (token `org`) and its own reference for the case. */
  sourceOrganisation: string;
  sourceReference: string | null;
  submittedBy: string;
  submittedAt: Date;
  urgency: string;
  name: string | null;
  alias: string | null;
  dateOfBirth: string | null;
  ageGroup: string | null;
  nationality: string;
  gender: string;
  languages: string[];
  locality: string | null;
  indicatorCodes: string[];
  safeContact: string | null;
  note: string | null;
  status: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  declineReason: string | null;
  /** The registration it became (or was linked to) when accepted. */
  victimId: string | null;
  _listed?: string[];
}

const referralSchema = new Schema<ReferralRecord>(
  {
    _id: String,
    jurisdiction: { type: String, required: true },
    sourceOrganisation: { type: String, required: true },
    sourceReference: { type: String, default: null },
    submittedBy: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    urgency: { type: String, required: true },
    name: { type: String, default: null },
    alias: { type: String, default: null },
    dateOfBirth: { type: String, default: null },
    ageGroup: { type: String, default: null },
    nationality: { type: String, required: true },
    gender: { type: String, required: true },
    languages: { type: [String], default: [] },
    locality: { type: String, default: null },
    indicatorCodes: { type: [String], default: [] },
    safeContact: { type: String, default: null },
    note: { type: String, default: null },
    status: { type: String, required: true },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    declineReason: { type: String, default: null },
    victimId: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'referrals', versionKey: false },
);

/** The referrals, listed for the social workers of a jurisdiction and for each referring organisation (by status too). */
export function referralCollection(connection: Connection) {
  const Referral = connection.model<ReferralRecord>('Referral', referralSchema);
  const source = (r: ReferralRecord) => `${r.jurisdiction}:${r.sourceOrganisation}`;
  return new ListedCollection(Referral, {
    jurisdiction: (r) => [r.jurisdiction],
    jurisdictionStatus: (r) => [`${r.jurisdiction}:${r.status}`],
    source: (r) => [source(r)],
    sourceStatus: (r) => [`${source(r)}:${r.status}`],
  });
}

export type Referrals = ReturnType<typeof referralCollection>;

/** A return home (domain/returns.ts): who proposed, the destination's risk assessment and reception, the journey. */
export interface ReturnPlanRecord {
  _id: string;
  victimId: string;
  sendingJurisdiction: string;
  destinationJurisdiction: string;
  status: string;
  voluntary: boolean;
  /** Her wish in her own words (TESTIMONY); null once erased. */
  wishNote: string | null;
  proposedBy: string;
  proposedAt: Date;
  riskLevel: string | null;
  riskFactors: string[];
  riskNotes: string | null;
  assessedBy: string | null;
  assessedAt: Date | null;
  /** The first assessment's time, kept when a later one replaces it and through erasure (RETURNS_WITH_RISK_ASSESSMENT_RATE); absent on plans assessed before it was kept: then assessedAt. */
  firstAssessedAt?: Date | null;
  mitigation: string | null;
  /** The reception the destination arranged (LOCATION): never shown to the sending side. */
  receivedBy: string | null;
  receptionAddress: string | null;
  services: string[];
  agreedBy: string | null;
  agreedAt: Date | null;
  departedBy: string | null;
  departedAt: Date | null;
  arrivedBy: string | null;
  arrivedAt: Date | null;
  cancelledBy: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  _listed?: string[];
}

const returnPlanSchema = new Schema<ReturnPlanRecord>(
  {
    _id: String,
    victimId: { type: String, required: true },
    sendingJurisdiction: { type: String, required: true },
    destinationJurisdiction: { type: String, required: true },
    status: { type: String, required: true },
    voluntary: { type: Boolean, required: true },
    wishNote: { type: String, default: null },
    proposedBy: { type: String, required: true },
    proposedAt: { type: Date, required: true },
    riskLevel: { type: String, default: null },
    riskFactors: { type: [String], default: [] },
    riskNotes: { type: String, default: null },
    assessedBy: { type: String, default: null },
    assessedAt: { type: Date, default: null },
    firstAssessedAt: { type: Date, default: null },
    mitigation: { type: String, default: null },
    receivedBy: { type: String, default: null },
    receptionAddress: { type: String, default: null },
    services: { type: [String], default: [] },
    agreedBy: { type: String, default: null },
    agreedAt: { type: Date, default: null },
    departedBy: { type: String, default: null },
    departedAt: { type: Date, default: null },
    arrivedBy: { type: String, default: null },
    arrivedAt: { type: Date, default: null },
    cancelledBy: { type: String, default: null },
    cancelledAt: { type: Date, default: null },
    cancelReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'returnPlans', versionKey: false },
);

export interface ReintegrationGoalRecord {
  id: string;
  area: string;
  /** Her words, the provider and the cultural notes are removed by erasure. */
  target: string | null;
  provider: string | null;
  language: string | null;
  culturalNotes: string | null;
  status: string;
  addedBy: string;
  addedAt: Date;
  updatedAt: Date;
}

export interface ReintegrationReviewRecord {
  monthsAfterArrival: number;
  dueAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  note: string | null;
}

/** The plan that follows her home (domain/reintegration.ts), owned by the destination (`jurisdiction`). */
export interface ReintegrationPlanRecord {
  _id: string;
  victimId: string;
  returnPlanId: string;
  jurisdiction: string;
  sendingJurisdiction: string;
  status: string;
  openedAt: Date;
  goals: ReintegrationGoalRecord[];
  reviews: ReintegrationReviewRecord[];
  /** The earliest review not held, while OPEN: what reintegrationReviewsDue orders by. */
  nextReviewDue: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  outcome: string | null;
  closingNote: string | null;
  _listed?: string[];
}

const reintegrationPlanSchema = new Schema<ReintegrationPlanRecord>(
  {
    _id: String,
    victimId: { type: String, required: true },
    returnPlanId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    sendingJurisdiction: { type: String, required: true },
    status: { type: String, required: true },
    openedAt: { type: Date, required: true },
    goals: {
      type: [{ _id: false, id: String, area: String, target: String, provider: String, language: String, culturalNotes: String, status: String, addedBy: String, addedAt: Date, updatedAt: Date }],
      default: [],
    },
    reviews: { type: [{ _id: false, monthsAfterArrival: Number, dueAt: Date, reviewedAt: Date, reviewedBy: String, note: String }], default: [] },
    nextReviewDue: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    outcome: { type: String, default: null },
    closingNote: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'reintegrationPlans', versionKey: false },
);

/** The day (UTC) a date falls on, `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Days a closed record keeps its personal data: five years unless configured (RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 1826;

/**
 * The victims store: its collections with the lists they are read by (common/storage/store.ts),
 * and the hub-wide key for identity hashes.
 */

export function victimModels(connection: Connection, identityKey: string, retentionDays = DEFAULT_RETENTION_DAYS) {
  const Victim = connection.model<VictimRecord>('Victim', victimSchema);
  const Consent = connection.model<ConsentRecord>('Consent', consentSchema);
  return {
    Victim,
    Consent,
    victims: new ListedCollection(Victim, {
      jurisdiction: (v) => [v.jurisdiction],
      jurisdictionStatus: (v) => [`${v.jurisdiction}:${v.status}`],
      sharedWith: (v) => v.sharedWith,
      sharedWithStatus: (v) => v.sharedWith.map((j) => `${j}:${v.status}`),
      awaitingRetention: (v) => [v.status === 'CLOSED' && !v.anonymizedAt ? 'pending' : null],
      // The indicators' counts (domain/indicators.ts): by jurisdiction and the quarter of the date that decides the period.
      registeredIn: (v) => [`${v.jurisdiction}/${quarterOf(v.registeredAt)}`],
      childrenRegisteredIn: (v) => [v.counted?.childAtRegistration ? `${v.jurisdiction}/${quarterOf(v.registeredAt)}` : null],
      identifiedIn: (v) => [v.counted?.identifiedOn ? `${v.jurisdiction}/${quarterOf(v.counted.identifiedOn)}` : null],
      recoveryStartedIn: (v) => [v.recoveryPeriod ? `${v.jurisdiction}/${quarterOf(v.recoveryPeriod.startsOn)}` : null],
    }, {
      sets: {
        // The identity hash is personal data: a set, gone with the last record that holds it.
        identityHash: (v) => [v.identityHash],
        // victimByCaseReference: the record of a reference, found by the set's _id (no filter on the collection).
        caseReference: (v) => [v.caseReference],
      },
    }),
    consents: new ListedCollection(Consent, {
      victim: (c) => [String(c.victimId)],
      expiresOn: (c) => [c.expiresAt ? dayOf(c.expiresAt) : null],
    }),
    /** Referrals from partner systems and the police (domain/referrals.ts). */
    referrals: referralCollection(connection),
    /** Returns home, listed by victim (Victim.returnPlans; domain/returns.ts). */
    returnPlans: new ListedCollection(connection.model<ReturnPlanRecord>('ReturnPlan', returnPlanSchema), {
      victim: (p) => [p.victimId],
      // The indicators' count (domain/reintegration-indicators.ts): by the sending jurisdiction and the quarter of the proposal.
      proposedIn: (p) => [`${p.sendingJurisdiction}/${quarterOf(p.proposedAt)}`],
    }),
    /**
     * Reintegration plans, by victim (Victim.reintegration) and, while OPEN with a review
     * outstanding, by the destination (reintegrationReviewsDue: a short list, sorted by due date).
     */
    reintegrationPlans: new ListedCollection(connection.model<ReintegrationPlanRecord>('ReintegrationPlan', reintegrationPlanSchema), {
      victim: (p) => [p.victimId],
      reviewPending: (p) => [p.status === 'OPEN' && p.nextReviewDue ? p.jurisdiction : null],
      // The indicators' counts (domain/reintegration-indicators.ts), by the destination, from facts erasure keeps (opened,
      // closed, the outcome): plans open now, and closed plans under every quarter they spanned (so the plans open in a
      // period, and those closed in it, are read from its lists, never a scan).
      reintegrating: (p) => [p.status === 'OPEN' ? p.jurisdiction : null],
      reintegratedIn: (p) => (p.closedAt ? quartersSpanned(p.openedAt, p.closedAt).map((quarter) => `${p.jurisdiction}/${quarter}`) : []),
    }),
    /** Erasures announced to the subgraphs that hold victim data (retention.ts, common/erasure-feed.ts). */
    erasureNotices: new ErasureNotices(connection),
    /** How far this process has swept expired consents out of `sharedWith` (domain/sharing.ts). */
    sharingSweep: { before: null as string | null, done: new Set<string>() },
    identityKey,
    retentionDays,
  };
}

export type VictimModels = ReturnType<typeof victimModels>;

/** The per-request readers of the collections, batched per tick (common/storage loaders). */
export function victimLoaders(models: VictimModels) {
  return {
    victim: loaderById<VictimRecord>(models.Victim),
    consentsOfVictim: models.consents.loaderBy('victim'),
    victimsByCaseReference: models.victims.loaderBySet('caseReference'),
    referral: loaderById<ReferralRecord>(models.referrals.model),
    returnPlan: loaderById<ReturnPlanRecord>(models.returnPlans.model),
    returnPlansOfVictim: models.returnPlans.loaderBy('victim'),
    reintegrationPlan: loaderById<ReintegrationPlanRecord>(models.reintegrationPlans.model),
    reintegrationPlansOfVictim: models.reintegrationPlans.loaderBy('victim'),
  };
}

export type VictimContext = RequestContext<VictimModels, ReturnType<typeof victimLoaders>>;
