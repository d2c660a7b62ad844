import { Schema, type Connection, type Types } from 'mongoose';
import type { DataCategory } from './access';

export interface ScreeningRecord {
  screenedAt: Date;
  assessor: string;
  formVersion: string;
  indicatorCodes: string[];
  recordedBy: string;
}

export interface RecoveryPeriodRecord {
  startsOn: string;
  endsOn: string;
  days: number;
  grantedBy: string;
}

export interface VictimRecord {
  _id: Types.ObjectId;
  caseReference: string;
  jurisdiction: string;
  status: string;
  gender: string;
  nationality: string;
  languages: string[];
  ageGroup: string | null;
  legalName: string;
  dateOfBirth: string | null;
  contactPhone: string | null;
  currentLocality: string | null;
  vulnerabilities: string[];
  interpretationLanguage: string | null;
  disabilityNeeds: string[];
  nonPunishmentProtection: boolean;
  screenings: ScreeningRecord[];
  recoveryPeriod: RecoveryPeriodRecord | null;
  /** Keyed hash of normalized identity, for cross-border duplicate detection. */
  identityHash: string | null;
  registeredBy: string;
  registeredAt: Date;
}

export interface ConsentRecord {
  _id: Types.ObjectId;
  victimId: Types.ObjectId;
  categories: DataCategory[];
  granteeJurisdictions: string[];
  purpose: string;
  grantedBy: string;
  grantedAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

const victimSchema = new Schema<VictimRecord>(
  {
    caseReference: { type: String, required: true, unique: true },
    jurisdiction: { type: String, required: true, index: true },
    status: { type: String, required: true },
    gender: { type: String, required: true },
    nationality: { type: String, required: true },
    languages: { type: [String], default: [] },
    ageGroup: { type: String, default: null },
    legalName: { type: String, required: true },
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
        },
      ],
      default: [],
    },
    recoveryPeriod: {
      type: new Schema({ startsOn: String, endsOn: String, days: Number, grantedBy: String }, { _id: false }),
      default: null,
    },
    identityHash: { type: String, default: null, index: true },
    registeredBy: { type: String, required: true },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'victims', versionKey: false },
);

const consentSchema = new Schema<ConsentRecord>(
  {
    victimId: { type: Schema.Types.ObjectId, required: true, index: true },
    categories: { type: [String], required: true },
    granteeJurisdictions: { type: [String], required: true, index: true },
    purpose: { type: String, required: true },
    grantedBy: { type: String, required: true },
    grantedAt: { type: Date, required: true },
    expiresAt: { type: Date, default: null },
    withdrawnAt: { type: Date, default: null },
    withdrawnBy: { type: String, default: null },
  },
  { collection: 'consents', versionKey: false },
);

/** The victims store: its collections, and the hub-wide key for identity hashes. */
export function victimModels(connection: Connection, identityKey: string) {
  return {
    Victim: connection.model<VictimRecord>('Victim', victimSchema),
    Consent: connection.model<ConsentRecord>('Consent', consentSchema),
    identityKey,
  };
}

export type VictimModels = ReturnType<typeof victimModels>;
