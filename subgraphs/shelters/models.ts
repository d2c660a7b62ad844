import { Schema, type Connection, type Model } from 'mongoose';
import type { RequestContext } from '../common/context';
import { loaderById } from '../common/storage';
import { Slots } from '../common/storage';
import { ListedCollection, listedField } from '../common/storage';
import type { RequestAudit } from '../common/audit';
import { quarterOf, quartersSpanned } from '../common/indicators';
import { occupancyLoader } from './domain/beds';
import { settledLoader, type Expiry } from './domain/expiry';
import { PlacementStatus } from './schema/vocabulary';
import type { Outbox } from '../common/outbox';

export interface AcceptsRecord {
  genders: string[];
  unaccompaniedMinors: boolean;
  families: boolean;
  maxStayDays: number;
}

export interface ShelterRecord {
  _id: string;
  name: string;
  jurisdiction: string;
  city: string;
  /** The organisation that runs it, as its staff's tokens name it (`org`). */
  operator: string;
  capacity: number;
  services: string[];
  accessibility: string[];
  accepts: AcceptsRecord;
  languages: string[];
  securityLevel: string;
  address: string;
  phone: string;
  registeredAt: Date;
  registeredBy: string;
  _listed?: string[];
}

const shelterSchema = new Schema<ShelterRecord>(
  {
    _id: String,
    name: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    city: { type: String, required: true },
    operator: { type: String, required: true },
    capacity: { type: Number, required: true },
    services: { type: [String], default: [] },
    accessibility: { type: [String], default: [] },
    accepts: new Schema({ genders: [String], unaccompaniedMinors: Boolean, families: Boolean, maxStayDays: Number }, { _id: false }),
    languages: { type: [String], default: [] },
    securityLevel: { type: String, required: true },
    address: { type: String, required: true },
    phone: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'shelters', versionKey: false },
);

export interface PlacementRecord {
  _id: string;
  shelterId: string;
  /** Copied from the shelter and the victim when requested: who may read the placement depends on them. */
  shelterJurisdiction: string;
  operator: string;
  victimId: string;
  victimJurisdiction: string;
  status: string;
  /** The bed it holds while REQUESTED or CONFIRMED. */
  bed: number;
  from: string;
  expectedUntil: string | null;
  needs: string[];
  requestedAt: Date;
  requestedBy: string;
  /** When its shelter's staff accepted it, and what they noted (e.g. when to arrive). */
  acceptedAt: Date | null;
  acceptanceNote: string | null;
  confirmedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  /** The placement it came from, or went to, in a transfer. */
  transferredFrom: string | null;
  transferredTo: string | null;
  _listed?: string[];
}

const placementSchema = new Schema<PlacementRecord>(
  {
    _id: String,
    shelterId: { type: String, required: true },
    shelterJurisdiction: { type: String, required: true },
    operator: { type: String, required: true },
    victimId: { type: String, required: true },
    victimJurisdiction: { type: String, required: true },
    status: { type: String, required: true },
    bed: { type: Number, required: true },
    from: { type: String, required: true },
    expectedUntil: { type: String, default: null },
    needs: { type: [String], default: [] },
    requestedAt: { type: Date, required: true },
    requestedBy: { type: String, required: true },
    acceptedAt: { type: Date, default: null },
    acceptanceNote: { type: String, default: null },
    confirmedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    endReason: { type: String, default: null },
    transferredFrom: { type: String, default: null },
    transferredTo: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'placements', versionKey: false },
);

export interface TransportRecord {
  _id: string;
  hearingId: string;
  victimId: string;
  placementId: string;
  shelterJurisdiction: string;
  operator: string;
  victimJurisdiction: string;
  /** Null once the victim's data is erased (domain/erasure.ts). */
  pickupLocation: string | null;
  escort: string | null;
  departAt: Date;
  arrangedAt: Date;
  arrangedBy: string;
  _listed?: string[];
}

const transportSchema = new Schema<TransportRecord>(
  {
    _id: String,
    hearingId: { type: String, required: true },
    victimId: { type: String, required: true },
    placementId: { type: String, required: true },
    shelterJurisdiction: { type: String, required: true },
    operator: { type: String, required: true },
    victimJurisdiction: { type: String, required: true },
    pickupLocation: { type: String, default: null },
    escort: { type: String, default: null },
    departAt: { type: Date, required: true },
    arrangedAt: { type: Date, required: true },
    arrangedBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'transports', versionKey: false },
);

/** The beds of a shelter, and the one active placement a victim may have, as slots (common/storage/slots.ts). */
export const bedsOf = (shelterId: string) => `beds/${shelterId}`;
export const activePlacementOf = (victimId: string) => `victim/${victimId}`;

/** How long a shelter has to answer a placement request (PLACEMENT_REQUEST_HOURS). */
export const DEFAULT_REQUEST_HOURS = 48;

/**
 * The shelters store: shelters by jurisdiction (and all of them, for matching across
 * borders; and by operator, for its staff's `me`), placements by shelter and by victim, transports by hearing; beds and each
 * victim's active placement as slots; transports also by victim (domain/erasure.ts).
 */
export function shelterModels(connection: Connection, requestHours = DEFAULT_REQUEST_HOURS) {
  const Shelter: Model<ShelterRecord> = connection.models.Shelter ?? connection.model<ShelterRecord>('Shelter', shelterSchema);
  const Placement: Model<PlacementRecord> = connection.models.Placement ?? connection.model<PlacementRecord>('Placement', placementSchema);
  const Transport: Model<TransportRecord> = connection.models.Transport ?? connection.model<TransportRecord>('Transport', transportSchema);
  return {
    Shelter,
    Placement,
    Transport,
    shelters: new ListedCollection(Shelter, { jurisdiction: (s) => [s.jurisdiction], all: () => ['all'], operator: (s) => [operatedBy(s)] }),
    placements: new ListedCollection(Placement, {
      shelter: (p) => [p.shelterId],
      victim: (p) => [p.victimId],
      // Requests awaiting the shelter's answer, by its jurisdiction: the scan that expires them on the hub's clock (domain/expiry.ts).
      requested: (p) => [p.status === PlacementStatus.REQUESTED ? p.shelterJurisdiction : null],
      // The indicators' counts (domain/indicators.ts), by the shelter's jurisdiction, from facts erasure keeps (the
      // arrival, the end, the victim's id): stays begun by an arrival (not a transfer's), stays going on, and ended
      // stays under every quarter they spanned (so who stayed at an instant is two lists, never a scan).
      startedIn: (p) => [p.confirmedAt && !p.transferredFrom ? `${p.shelterJurisdiction}/${quarterOf(p.confirmedAt)}` : null],
      staying: (p) => [p.confirmedAt && !p.endedAt ? p.shelterJurisdiction : null],
      stayedIn: (p) => (p.confirmedAt && p.endedAt ? quartersSpanned(p.confirmedAt, p.endedAt).map((quarter) => `${p.shelterJurisdiction}/${quarter}`) : []),
    }),
    transports: new ListedCollection(Transport, {
      hearing: (t) => [t.hearingId],
      victim: (t) => [t.victimId],
      // The indicators' count of victims taken to hearings: by the shelter's jurisdiction and the quarter of departure.
      departingIn: (t) => [`${t.shelterJurisdiction}/${quarterOf(t.departAt)}`],
    }),
    slots: new Slots(connection),
    requestHours,
  };
}

/** The key of an operator's shelters: an organisation name is unique only within its jurisdiction. */
export const operatedBy = (s: { jurisdiction: string; operator: string }) => `${s.jurisdiction}/${s.operator}`;

export type ShelterModels = ReturnType<typeof shelterModels>;

/**
 * Per request. Every placement read here is settled first (domain/expiry.ts): a request past its
 * time is EXPIRED, its bed free, before anyone sees it or counts beds.
 */
export function shelterLoaders(models: ShelterModels, request: { now: Date; audit: RequestAudit; outbox: Outbox }) {
  const expiry: Expiry = { now: request.now, log: request.audit.log, outbox: request.outbox };
  return {
    shelter: loaderById<ShelterRecord>(models.Shelter),
    placement: settledLoader(models, expiry, loaderById<PlacementRecord>(models.Placement)),
    placementsOfShelter: settledLoader(models, expiry, models.placements.loaderBy('shelter')),
    placementsOfVictim: settledLoader(models, expiry, models.placements.loaderBy('victim')),
    transport: loaderById<TransportRecord>(models.Transport),
    transportsOfHearing: models.transports.loaderBy('hearing'),
    occupancy: occupancyLoader(models, expiry),
    expiry,
  };
}

export type ShelterContext = RequestContext<ShelterModels, ReturnType<typeof shelterLoaders>>;
