import { Schema, type Connection, type Model } from 'mongoose';
import type { RequestContext } from '../common/context';
import { loaderById } from '../common/storage';
import { Slots } from '../common/storage';
import { quarterOf } from '../common/indicators';
import { DenseLog, ListedCollection, listedField } from '../common/storage';
import { SigningKeys, type SigningKeyRecord } from './domain/keys';

/** An accreditation body of a region: its id is also the prefix of its certificate codes (WB). */
export interface BodyRecord {
  _id: string;
  name: string;
  region: string;
  jurisdictions: string[];
  /** Every key it ever signed with, oldest first; the private halves are in the key directory. */
  keys: SigningKeyRecord[];
  /** The key new credentials and revocation lists are signed with. */
  currentKid: string;
  establishedAt: Date;
  _listed?: string[];
}

const signingKeySchema = new Schema(
  { kid: String, alg: String, jwk: new Schema({ kty: String, crv: String, x: String, y: String }, { _id: false }), createdAt: Date, createdBy: String },
  { _id: false },
);

const bodySchema = new Schema<BodyRecord>(
  {
    _id: String,
    name: { type: String, required: true },
    region: { type: String, required: true },
    jurisdictions: { type: [String], required: true },
    keys: { type: [signingKeySchema], default: [] },
    currentKid: { type: String, required: true },
    establishedAt: { type: Date, required: true },
    _listed: listedField,
  },
  { collection: 'accreditationBodies', versionKey: false },
);

export interface ModuleRecord {
  code: string;
  title: string;
  hours: number;
  competency: string;
}

/** A program's `_id` is its code; module codes are unique across programs (listed by `module`). */
export interface ProgramRecord {
  _id: string;
  title: string;
  bodyId: string;
  /** A completion passes with at least this score (0–100). */
  passingScore: number;
  modules: ModuleRecord[];
  requiredFor: string[];
  /** Set once it is retired: it takes no new completions or certificates; those it gave stay. */
  retiredAt?: Date | null;
  retirementReason?: string | null;
  definedAt?: Date;
  definedBy?: string;
  _listed?: string[];
}

const programSchema = new Schema<ProgramRecord>(
  {
    _id: String,
    title: { type: String, required: true },
    bodyId: { type: String, required: true },
    passingScore: { type: Number, required: true },
    modules: { type: [new Schema({ code: String, title: String, hours: Number, competency: String }, { _id: false })], default: [] },
    requiredFor: { type: [String], default: [] },
    retiredAt: { type: Date, default: null },
    retirementReason: { type: String, default: null },
    definedAt: Date,
    definedBy: String,
    _listed: listedField,
  },
  { collection: 'trainingPrograms', versionKey: false },
);

export interface PractitionerRecord {
  _id: string;
  /**
   * Her own tokens: `iss` and `sub`. Her record is hers when both match and the token is
   * of her jurisdiction and profession (access.ts `signsInAs`), never on `sub` alone.
   */
  subject: string;
  subjectIssuer: string;
  name: string;
  role: string;
  jurisdiction: string;
  organization: string;
  email: string;
  registeredAt: Date;
  registeredBy: string;
  _listed?: string[];
}

const practitionerSchema = new Schema<PractitionerRecord>(
  {
    _id: String,
    subject: { type: String, required: true },
    subjectIssuer: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    organization: { type: String, required: true },
    email: { type: String, required: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'practitioners', versionKey: false },
);

/** One module completed (or failed) by a practitioner; the module's hours and competency as they were then. */
export interface CompletionRecord {
  _id: string;
  practitionerId: string;
  programCode: string;
  moduleCode: string;
  bodyId: string;
  hours: number;
  competency: string;
  completedOn: string;
  score: number;
  passed: boolean;
  assessor: string;
  recordedAt: Date;
  recordedBy: string;
  _listed?: string[];
}

const completionSchema = new Schema<CompletionRecord>(
  {
    _id: String,
    practitionerId: { type: String, required: true },
    programCode: { type: String, required: true },
    moduleCode: { type: String, required: true },
    bodyId: { type: String, required: true },
    hours: { type: Number, required: true },
    competency: { type: String, required: true },
    completedOn: { type: String, required: true },
    score: { type: Number, required: true },
    passed: { type: Boolean, required: true },
    assessor: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'completions', versionKey: false },
);

/** A judge observing trials in a sister jurisdiction: counts towards continuing professional development. */
export interface ExchangeVisitRecord {
  _id: string;
  practitionerId: string;
  hostCourt: string;
  hostJurisdiction: string;
  from: string;
  to: string;
  hours: number;
  recordedAt: Date;
  recordedBy: string;
  _listed?: string[];
}

const exchangeVisitSchema = new Schema<ExchangeVisitRecord>(
  {
    _id: String,
    practitionerId: { type: String, required: true },
    hostCourt: { type: String, required: true },
    hostJurisdiction: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    hours: { type: Number, required: true },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'exchangeVisits', versionKey: false },
);

/**
 * A certificate's `_id` is its code (unique by the index every backend has). What the
 * public verification answers is copied in at issue, so a verification is one read by `_id`.
 */
export interface CertificateRecord {
  _id: string;
  practitionerId: string;
  holderName: string;
  holderRole: string;
  holderJurisdiction: string;
  bodyId: string;
  programCode: string;
  programTitle: string;
  competencies: string[];
  issuedOn: string;
  expiresOn: string;
  /** VALID, SUSPENDED or REVOKED (EXPIRED is read from expiresOn). */
  status: string;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  /**
   * Its place in the body's status lists (domain/status-list.ts): the position of its entry
   * in the body's log of status positions, given once and never again.
   */
  statusPosition: number;
  /** The credential handed to the holder (vc+jwt), and the key that signed it. */
  credential: string;
  kid: string;
  issuedAt: Date;
  issuedBy: string;
  /** A re-issue after a revocation: the revoked certificate's code and why it is issued again. */
  reissueOf?: string | null;
  reissueReason?: string | null;
  _listed?: string[];
}

const certificateSchema = new Schema<CertificateRecord>(
  {
    _id: String,
    practitionerId: { type: String, required: true },
    holderName: { type: String, required: true },
    holderRole: { type: String, required: true },
    holderJurisdiction: { type: String, required: true },
    bodyId: { type: String, required: true },
    programCode: { type: String, required: true },
    programTitle: { type: String, required: true },
    competencies: { type: [String], default: [] },
    issuedOn: { type: String, required: true },
    expiresOn: { type: String, required: true },
    status: { type: String, required: true },
    suspendedAt: { type: Date, default: null },
    suspensionReason: { type: String, default: null },
    revokedAt: { type: Date, default: null },
    revocationReason: { type: String, default: null },
    statusPosition: { type: Number, required: true },
    credential: { type: String, required: true },
    kid: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    issuedBy: { type: String, required: true },
    reissueOf: { type: String, default: null },
    reissueReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'certificates', versionKey: false },
);

/** One entry per certificate in its body's log `status/<bodyId>`: its position is the certificate's place in the status lists. */
export interface StatusPositionRecord {
  _id: string;
  certificate: string;
  at: Date;
}

const statusPositionSchema = new Schema<StatusPositionRecord>({ _id: String, certificate: String, at: Date }, { collection: 'statusPositions', versionKey: false });

/** What the training store needs besides the database. */
export interface TrainingSettings {
  keys: SigningKeys;
  /** The hub's public base URL (the gateway's), where each body's JWKS and revocation list are served. */
  publicUrl: string;
}

function model<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/**
 * The training store: bodies (all of them), programs by body and by module code,
 * practitioners by jurisdiction (and role), their completions, visits and certificates,
 * and the certificates each body withdrew (its revocation list).
 */
export function trainingModels(connection: Connection, settings: TrainingSettings) {
  const Body = model(connection, 'AccreditationBody', bodySchema);
  const Program = model(connection, 'TrainingProgram', programSchema);
  const Practitioner = model(connection, 'Practitioner', practitionerSchema);
  const Completion = model(connection, 'Completion', completionSchema);
  const ExchangeVisit = model(connection, 'ExchangeVisit', exchangeVisitSchema);
  const Certificate = model(connection, 'Certificate', certificateSchema);
  const StatusPosition = model(connection, 'StatusPosition', statusPositionSchema);
  return {
    ...settings,
    Body,
    Program,
    Practitioner,
    Completion,
    ExchangeVisit,
    Certificate,
    // Each body's certificates' places in its status lists: a dense log per body, so a position is given once (status-list.ts).
    statusPositions: new DenseLog(StatusPosition),
    // Module codes (one program each) and each practitioner's one certificate in force per program.
    slots: new Slots(connection),
    bodies: new ListedCollection(Body, { all: () => ['all'] }),
    programs: new ListedCollection(Program, { all: () => ['all'], body: (p) => [p.bodyId], module: (p) => p.modules.map((m) => m.code) }),
    // By token subject as a set (common/storage/sets.ts): a subject is a personal identifier, and list ids keep their value for ever.
    practitioners: new ListedCollection(
      Practitioner,
      { jurisdiction: (p) => [p.jurisdiction], jurisdictionRole: (p) => [`${p.jurisdiction}:${p.role}`] },
      { sets: { subject: (p: PractitionerRecord) => [p.subject] } },
    ),
    completions: new ListedCollection(Completion, { practitioner: (c) => [c.practitionerId] }),
    exchangeVisits: new ListedCollection(ExchangeVisit, { practitioner: (v) => [v.practitionerId] }),
    // `withdrawn`: the suspended and revoked certificates of a body, its signed revocation list.
    certificates: new ListedCollection(Certificate, {
      practitioner: (c) => [c.practitionerId],
      withdrawn: (c) => (c.status === 'VALID' ? [] : [c.bodyId]),
      // The indicators' counts (domain/indicators.ts): by the holder's jurisdiction and the quarter of the day that decides the period.
      issuedIn: (c) => [`${c.holderJurisdiction}/${quarterOf(c.issuedOn)}`],
      validExpiringIn: (c) => (c.status === 'VALID' ? [`${c.holderJurisdiction}/${quarterOf(c.expiresOn)}`] : []),
    }),
  };
}

export type TrainingModels = ReturnType<typeof trainingModels>;

export function trainingLoaders(models: TrainingModels) {
  return {
    body: loaderById<BodyRecord>(models.Body),
    allBodies: models.bodies.loaderBy('all'),
    program: loaderById<ProgramRecord>(models.Program),
    allPrograms: models.programs.loaderBy('all'),
    programsOfBody: models.programs.loaderBy('body'),
    programOfModule: models.programs.loaderBy('module'),
    practitioner: loaderById<PractitionerRecord>(models.Practitioner),
    practitionersWithSubject: models.practitioners.loaderBySet('subject'),
    completionsOf: models.completions.loaderBy('practitioner'),
    exchangeVisitsOf: models.exchangeVisits.loaderBy('practitioner'),
    certificate: loaderById<CertificateRecord>(models.Certificate),
    certificatesOf: models.certificates.loaderBy('practitioner'),
  };
}

export type TrainingContext = RequestContext<TrainingModels, ReturnType<typeof trainingLoaders>>;
