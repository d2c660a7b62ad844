import { Schema, type Connection } from 'mongoose';
import { ListedCollection, listedField } from '../common/storage';

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
