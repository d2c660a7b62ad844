import { Schema, type Connection, type Model } from 'mongoose';
import type { Caller } from '../../../platform/auth';
import { ListedCollection, listedField, loaderById, type Entity } from '../../common/storage';

/**
 * The defence (decision 111): counsel appointed by a judge for one defendant of a
 * proceeding, what the prosecution disclosed to that defendant, and the judge's orders
 * that let restricted (H2, H3) items be disclosed. None of it is a victim's personal
 * data: a counsel is a practitioner named by her token subject, a defendant by the
 * proceeding's alias (erasure: domain/erasure.ts of the subgraph says so).
 */

export interface AppointmentRecord {
  _id: string;
  proceedingId: string;
  /** The proceeding's, so that the judges and prosecutors of it read the appointment. */
  jurisdiction: string;
  /** One of the proceeding's defendant aliases. */
  defendant: string;
  /** The counsel's token subject and organisation (`sub`, `org`). */
  counselSubject: string;
  counselOrganisation: string;
  appointedAt: Date;
  appointedBy: string;
  endedAt: Date | null;
  endedBy: string | null;
  endReason: string | null;
  _listed?: string[];
}

const appointmentSchema = new Schema<AppointmentRecord>(
  {
    _id: String,
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    defendant: { type: String, required: true },
    counselSubject: { type: String, required: true },
    counselOrganisation: { type: String, required: true },
    appointedAt: { type: Date, required: true },
    appointedBy: { type: String, required: true },
    endedAt: { type: Date, default: null },
    endedBy: { type: String, default: null },
    endReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'defenceAppointments', versionKey: false },
);

/** A judge's order that an H2 or H3 item may be disclosed to the defence, with reasons. */
export interface DisclosureOrderRecord {
  _id: string;
  evidenceId: string;
  proceedingId: string;
  jurisdiction: string;
  reasons: string;
  orderedAt: Date;
  orderedBy: string;
  _listed?: string[];
}

const disclosureOrderSchema = new Schema<DisclosureOrderRecord>(
  {
    _id: String,
    evidenceId: { type: String, required: true },
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    reasons: { type: String, required: true },
    orderedAt: { type: Date, required: true },
    orderedBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'disclosureOrders', versionKey: false },
);

/** An item of evidence disclosed to one defendant (its counsel reads it), once per item and defendant. */
export interface DisclosureRecord {
  _id: string;
  evidenceId: string;
  proceedingId: string;
  jurisdiction: string;
  defendant: string;
  note: string | null;
  disclosedAt: Date;
  disclosedBy: string;
  /** The judge's order it rests on (an H2 or H3 item), else null. */
  orderId: string | null;
  _listed?: string[];
}

const disclosureSchema = new Schema<DisclosureRecord>(
  {
    _id: String,
    evidenceId: { type: String, required: true },
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    defendant: { type: String, required: true },
    note: { type: String, default: null },
    disclosedAt: { type: Date, required: true },
    disclosedBy: { type: String, required: true },
    orderId: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'disclosures', versionKey: false },
);

/**
 * A victim of the proceeding as the defence knows her: a witness by label (W-1, W-2, … in
 * the proceeding's victims' order), with the profile a judge's step took of her through
 * the victims subgraph with the judge's own token (decision 117): an age group and a
 * gender, the court's record. Her identity only once a judge ordered it disclosed, copied
 * with the order. Erasing the victim's data clears the profile, the identity and the
 * order's reasons (domain/erasure.ts of the subgraph); the label and the order's date stay.
 */
export interface WitnessRecord {
  _id: string;
  proceedingId: string;
  jurisdiction: string;
  victimId: string;
  label: string;
  /** CHILD or ADULT when recorded (WitnessAgeGroup); null: unknown, or erased. */
  ageGroup: string | null;
  gender: string | null;
  recordedAt: Date;
  recordedBy: string;
  /** The minimal identity a defence needs, taken at the judge's order; null until then and once erased. */
  identity: { name: string; dateOfBirth: string | null } | null;
  identityOrder: { orderedAt: Date; orderedBy: string; reasons: string | null } | null;
  _listed?: string[];
}

const witnessSchema = new Schema<WitnessRecord>(
  {
    _id: String,
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    victimId: { type: String, required: true },
    label: { type: String, required: true },
    ageGroup: { type: String, default: null },
    gender: { type: String, default: null },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    identity: { type: new Schema({ name: String, dateOfBirth: String }, { _id: false }), default: null },
    identityOrder: { type: new Schema({ orderedAt: Date, orderedBy: String, reasons: String }, { _id: false }), default: null },
    _listed: listedField,
  },
  { collection: 'witnesses', versionKey: false },
);

/** In force until a judge ends it. */
export const isActive = (appointment: AppointmentRecord) => appointment.endedAt === null;

/**
 * Whether this appointment makes the caller the defendant's counsel now: active, and the
 * caller a defence counsel with its subject and organisation (a token of the same subject
 * in another role is not).
 */
export function appoints(appointment: AppointmentRecord, caller: Caller): boolean {
  return isActive(appointment) && caller.role === 'defence_counsel' && appointment.counselSubject === caller.sub && appointment.counselOrganisation === caller.org;
}

/**
 * Appointments listed by proceeding, and by counsel subject while active (a counsel's
 * proceedings); orders and disclosures by item of evidence and by proceeding; witnesses
 * by proceeding and by victim.
 */
export function defenceModels(connection: Connection) {
  const DefenceAppointment: Model<AppointmentRecord> = connection.models.DefenceAppointment ?? connection.model<AppointmentRecord>('DefenceAppointment', appointmentSchema);
  const DisclosureOrder: Model<DisclosureOrderRecord> = connection.models.DisclosureOrder ?? connection.model<DisclosureOrderRecord>('DisclosureOrder', disclosureOrderSchema);
  const Disclosure: Model<DisclosureRecord> = connection.models.Disclosure ?? connection.model<DisclosureRecord>('Disclosure', disclosureSchema);
  const Witness: Model<WitnessRecord> = connection.models.Witness ?? connection.model<WitnessRecord>('Witness', witnessSchema);
  return {
    DefenceAppointment,
    defenceAppointments: new ListedCollection(DefenceAppointment, {
      proceeding: (a) => [a.proceedingId],
      activeCounsel: (a) => [a.endedAt === null ? a.counselSubject : null],
    }),
    DisclosureOrder,
    disclosureOrders: new ListedCollection(DisclosureOrder, { evidence: (o) => [o.evidenceId] }),
    Disclosure,
    disclosures: new ListedCollection(Disclosure, {
      proceeding: (d) => [d.proceedingId],
      evidence: (d) => [d.evidenceId],
    }),
    Witness,
    witnesses: new ListedCollection(Witness, {
      proceeding: (w) => [w.proceedingId],
      // The victim's erasure finds her witness records by her id.
      victim: (w) => [w.victimId],
    }),
  };
}

export function defenceLoaders(models: ReturnType<typeof defenceModels>) {
  return {
    defenceAppointment: loaderById<AppointmentRecord>(models.DefenceAppointment),
    disclosure: loaderById<DisclosureRecord>(models.Disclosure),
    disclosureOrder: loaderById<DisclosureOrderRecord>(models.DisclosureOrder),
    appointmentsOfProceeding: models.defenceAppointments.loaderBy('proceeding'),
    disclosureOrdersOfEvidence: models.disclosureOrders.loaderBy('evidence'),
    disclosuresOfEvidence: models.disclosures.loaderBy('evidence'),
    disclosuresOfProceeding: models.disclosures.loaderBy('proceeding'),
    witness: loaderById<WitnessRecord>(models.Witness),
    witnessesOfProceeding: models.witnesses.loaderBy('proceeding'),
  };
}

export type AppointmentDoc = Entity<AppointmentRecord>;
export type DisclosureDoc = Entity<DisclosureRecord>;
export type WitnessDoc = Entity<WitnessRecord>;
