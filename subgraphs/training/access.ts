import { ROLES, type Caller } from '../../platform/auth';
import { basis, forRoles, ownJurisdiction, PUBLIC, typeAccess, type Basis, type CategoryRule } from '../common/access';
import type { RequestContext } from '../common/context';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import { isBodyId } from './domain/code';
import type { BodyRecord, CertificateRecord, PractitionerRecord, TrainingContext } from './models';
import { TOKEN_ROLE, type PractitionerRole } from './schema/vocabulary';

type PractitionerDoc = Entity<PractitionerRecord>;
type BodyDoc = Entity<BodyRecord>;
type CertificateDoc = Entity<CertificateRecord>;

/** Whether some accreditation body's region holds both jurisdictions (the bodies are read once per request). */
export async function sameRegion(ctx: RequestContext, a: string, b: string): Promise<boolean> {
  const bodies = await (ctx as TrainingContext).loaders.allBodies.load('all');
  return bodies.some((body) => body.jurisdictions.includes(a) && body.jurisdictions.includes(b));
}

/**
 * Whether the caller is the practitioner: a token of the issuer and subject stored at her
 * registration, for her jurisdiction, with her profession's role. A `sub` alone names
 * nobody: another issuer may hand out the same one, and one person's token of another
 * role or jurisdiction is not her acting as a practitioner.
 */
export function signsInAs(caller: Caller, p: Pick<PractitionerRecord, 'subject' | 'subjectIssuer' | 'jurisdiction' | 'role'>): boolean {
  const role = TOKEN_ROLE[p.role as PractitionerRole] ?? null;
  return role !== null && caller.role === role && caller.sub === p.subject && caller.issuer === p.subjectIssuer && caller.jurisdiction === p.jurisdiction;
}

const everyone = basis<PractitionerDoc>('any authenticated caller', 'ANY', () => true, { establishedBy: [] });
const officerOfRegion = basis<PractitionerDoc>("the practitioner's region", 'REGION', (ctx, p) => sameRegion(ctx, ctx.caller!.jurisdiction, p.jurisdiction));
const themself = basis<PractitionerDoc>("the practitioner herself (her token's issuer, subject, jurisdiction and profession)", 'SELF', (ctx, p) => signsInAs(ctx.caller!, p));
const officers = (bases: Array<Basis<PractitionerDoc>>) => bases.map((b) => forRoles<PractitionerDoc>(['accreditation_officer'], b));
const keepersAndThemself: CategoryRule<PractitionerDoc> = { roles: ROLES, bases: [...officers([ownJurisdiction((p) => p.jurisdiction), officerOfRegion]), themself] };

/**
 * Who a practitioner is, where they work and what they are certified in is for any
 * authenticated caller (courts and legal-aid networks check it). Their email (CONTACT),
 * the tokens they sign in with (ACCOUNT: `subject`, `subjectIssuer`) and their training
 * record (scores, assessors, visits) are only for the accreditation officers of their
 * region and for the practitioner herself (`signsInAs`).
 */
export const practitionerAccess = typeAccess<PractitionerDoc>({
  typeName: 'Practitioner',
  noun: 'this practitioner',
  id: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
  visibleOn: [everyone],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as TrainingContext).loaders.practitioner.load(id))?.jurisdiction ?? null) : null),
  open: ['id', 'name', 'role', 'jurisdiction', 'organization', 'certificates', 'cpdHours'],
  fields: { email: 'CONTACT', subject: 'ACCOUNT', subjectIssuer: 'ACCOUNT', completions: 'TRAINING_RECORD', exchangeVisits: 'TRAINING_RECORD' },
  rules: { CONTACT: keepersAndThemself, ACCOUNT: keepersAndThemself, TRAINING_RECORD: keepersAndThemself },
});

/**
 * A certificate is for any authenticated caller (anyone may verify its code without a
 * token anyway); why it was suspended, revoked or issued again is CASE: reads of it from another
 * jurisdiction are logged.
 */
export const certificateAccess = typeAccess<CertificateDoc>({
  typeName: 'Certificate',
  noun: 'this certificate',
  id: (c) => c.id,
  jurisdiction: (c) => c.holderJurisdiction,
  visibleOn: [basis<CertificateDoc>('any authenticated caller', 'ANY', () => true, { establishedBy: [] })],
  jurisdictionOf: async (id, ctx) => (await (ctx as TrainingContext).loaders.certificate.load(id))?.holderJurisdiction ?? null,
  open: ['code', 'status', 'issuedOn', 'expiresOn', 'scope', 'body', 'holder', 'credential', 'reissueOf'],
  fields: { revocation: 'CASE', suspension: 'CASE', reissueReason: 'CASE' },
  rules: {},
});

/** Accreditation bodies are public: who they are, their region and where their keys are. */
export const bodyAccess = typeAccess<BodyDoc>({
  typeName: 'AccreditationBody',
  noun: 'this accreditation body',
  id: (b) => b.id,
  // A body serves several jurisdictions; its trail is overseen from the first.
  jurisdiction: (b) => b.jurisdictions[0] ?? null,
  jurisdictionOf: async (id, ctx) => (isBodyId(id) ? ((await (ctx as TrainingContext).loaders.body.load(id))?.jurisdictions[0] ?? null) : null),
  visibleOn: [],
  public: true,
  open: ['id'],
  fields: Object.fromEntries(['name', 'region', 'jurisdictions', 'jwksUrl', 'revocationListUrl', 'suspensionListUrl', 'signingKeys'].map((f) => [f, PUBLIC])),
  rules: {},
});

/** What anyone may learn of a certificate by its code, without a token: never contact data. */
export interface VerificationDoc {
  id: string;
  certificate: CertificateDoc | null;
  checkedAt: Date;
}

export const verificationAccess = typeAccess<VerificationDoc>({
  typeName: 'CertificateVerification',
  noun: 'this verification',
  id: (v) => v.id,
  jurisdiction: (v) => v.certificate?.holderJurisdiction ?? null,
  jurisdictionOf: async (id, ctx) => (await (ctx as TrainingContext).loaders.certificate.load(id))?.holderJurisdiction ?? null,
  visibleOn: [],
  public: true,
  open: ['code'],
  fields: Object.fromEntries(['status', 'holderName', 'role', 'body', 'scope', 'issuedOn', 'expiresOn', 'checkedAt'].map((f) => [f, PUBLIC])),
  rules: {},
});
