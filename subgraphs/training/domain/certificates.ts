import { badInput, conflict, notFound, unavailable } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { emitEvent } from '../../common/outbox';
import type { VerificationDoc } from '../access';
import { checkAll, text } from '../../common/validate';
import { isDuplicateKey, programNamed } from './bodies';
import { refuseIfRetired } from './programs';
import { holdStanding, isInForce, passStanding, releaseStanding } from './standing';
import { certificateCode, newCertificateCode } from './code';
import { signCredential } from './credential';
import { takeStatusPosition } from './status-list';
import { SigningKeyMissing } from './keys';
import type { CertificateRecord, TrainingContext } from '../models';
import { addMonths, today } from './calendar';
import { practitionerNamed } from './practitioners';
import { CertificateStatus, type Competency, type PractitionerRole } from '../schema/vocabulary';

/**
 * Certificates: issued when every module of a program was passed, signed as a credential
 * with the body's current key, and suspended, reinstated or revoked by the body's officers.
 */

type CertificateDoc = Entity<CertificateRecord>;

export const MAX_VALID_MONTHS = 60;

/** Expired from midnight UTC of expiresOn, on the request's clock. */
export function isExpired(certificate: Pick<CertificateRecord, 'expiresOn'>, now: Date): boolean {
  return now.getTime() >= Date.parse(`${certificate.expiresOn}T00:00:00Z`);
}

/** The status shown: REVOKED, then EXPIRED, then what is stored. */
export function statusOf(certificate: Pick<CertificateRecord, 'status' | 'expiresOn'>, now: Date): CertificateStatus {
  if (certificate.status === CertificateStatus.REVOKED) return CertificateStatus.REVOKED;
  if (isExpired(certificate, now)) return CertificateStatus.EXPIRED;
  return certificate.status as CertificateStatus;
}

/** What a certificate attests: the program, the holder's profession when it was issued, the competencies. */
export function scopeOf(certificate: CertificateRecord) {
  return {
    programCode: certificate.programCode,
    programTitle: certificate.programTitle,
    role: certificate.holderRole as PractitionerRole,
    competencies: certificate.competencies as Competency[],
  };
}

/** `verifyCertificate`: a mistyped code is BAD_USER_INPUT; an unknown one is answered (NOT_FOUND), as of now. */
export async function verifyCertificate(ctx: TrainingContext, code: string): Promise<VerificationDoc> {
  const checked = certificateCode(code);
  return { id: checked, certificate: await ctx.loaders.certificate.load(checked), checkedAt: ctx.now };
}

export async function certificateNamed(ctx: TrainingContext, code: unknown, field = 'code'): Promise<CertificateDoc> {
  const certificate = await ctx.loaders.certificate.load(certificateCode(code, field));
  if (!certificate) throw notFound('Certificate', certificateCode(code, field));
  return certificate;
}

export interface IssueInput {
  practitionerId: string;
  programCode: string;
  validMonths: number;
}

/** A re-issue after a revocation: `issueCertificate`'s input and why it is issued again. */
export interface ReissueInput extends IssueInput {
  reason: string;
}

/**
 * Issues a certificate of a program to a practitioner who passed every one of its
 * modules (BAD_USER_INPUT naming the missing ones otherwise), valid for `validMonths`
 * from today. Her latest certificate of the program decides what may be issued: none or an
 * expired one, a new one (`issueCertificate`); a revoked one, only a re-issue with a
 * stated reason (`reissueCertificate`, audited as CERTIFICATE_REISSUED, referring to the
 * revoked one); one in force, nothing (CONFLICT naming it). The credential is signed
 * before anything is logged or written; a code drawn twice (one in 34 billion per body
 * and year) is drawn again. `at`: where the arguments are (`''` or `input.`).
 */
export async function issueCertificate(ctx: TrainingContext, input: IssueInput | ReissueInput, at: '' | 'input.' = ''): Promise<CertificateDoc> {
  const reissue = 'reason' in input;
  const v = await checkAll({
    program: () => programNamed(ctx, input.programCode, `${at}programCode`),
    practitioner: () => practitionerNamed(ctx, input.practitionerId, `${at}practitionerId`),
    validMonths: () => {
      if (!Number.isInteger(input.validMonths) || input.validMonths < 1 || input.validMonths > MAX_VALID_MONTHS) throw badInput(`${at}validMonths`, `must be a whole number from 1 to ${MAX_VALID_MONTHS}`);
      return input.validMonths;
    },
    reason: () => (reissue ? text((input as ReissueInput).reason, `${at}reason`, { max: 500 }) : null),
  });
  const { program, practitioner } = v;
  refuseIfRetired(program, `${at}programCode`, 'certificates');
  const passed = new Set((await ctx.loaders.completionsOf.load(practitioner.id)).filter((c) => c.passed).map((c) => c.moduleCode));
  const missing = program.modules.filter((m) => !passed.has(m.code)).map((m) => m.code);
  if (missing.length > 0) {
    throw badInput(`${at}programCode`, `the practitioner has no passing completion of ${missing.length === 1 ? 'module' : 'modules'} ${missing.join(', ')} of ${program.id}`);
  }
  const latest = (await ctx.loaders.certificatesOf.load(practitioner.id)).filter((c) => c.programCode === program.id).at(-1);
  if (latest && isInForce(latest, ctx.now)) throw conflict(`The practitioner already holds certificate ${latest.id} of ${program.id} (${statusOf(latest, ctx.now)}): nothing was issued`, `${at}practitionerId`);
  const revoked = latest?.status === CertificateStatus.REVOKED ? latest : null;
  if (revoked && !reissue) throw conflict(`The practitioner's certificate ${revoked.id} of ${program.id} was revoked: issuing again needs reissueCertificate with a stated reason`, `${at}programCode`);
  if (!revoked && reissue) throw badInput(`${at}programCode`, `the practitioner's latest certificate of ${program.id} is not a revoked one: use issueCertificate`);
  const body = (await ctx.loaders.body.load(program.bodyId))!;
  try {
    ctx.models.keys.privateKey(body.id, body.currentKid);
  } catch (error) {
    if (error instanceof SigningKeyMissing) throw unavailable(`${body.name}'s signing key is not available to this service: nothing was issued`);
    throw error;
  }
  const issuedOn = today(ctx.now);
  const action = reissue ? 'CERTIFICATE_REISSUED' : 'CERTIFICATE_ISSUED';
  const fields = ['holder', 'scope', 'issuedOn', 'expiresOn', 'credential', ...(reissue ? ['reissueOf', 'reissueReason'] : [])];
  let held: string | null = null;
  try {
    for (let attempt = 1; ; attempt++) {
      const code = newCertificateCode(body.id, ctx.now.getUTCFullYear());
      const issued = {
        _id: code,
        practitionerId: practitioner.id,
        holderName: practitioner.name,
        holderRole: practitioner.role,
        holderJurisdiction: practitioner.jurisdiction,
        bodyId: body.id,
        programCode: program.id,
        programTitle: program.title,
        competencies: [...new Set(program.modules.map((m) => m.competency))],
        issuedOn,
        expiresOn: addMonths(issuedOn, v.validMonths),
        status: CertificateStatus.VALID,
        suspendedAt: null,
        suspensionReason: null,
        revokedAt: null,
        revocationReason: null,
        issuedAt: ctx.now,
        issuedBy: ctx.caller!.sub,
        reissueOf: revoked?.id ?? null,
        reissueReason: v.reason,
      };
      try {
        // The practitioner's place and the credential's status position are taken after the
        // event (audit first: a refused event leaves no trace), before the certificate is written.
        return await ctx.audit.change(action, 'Certificate', issued._id, fields, async () => {
          if (held === null) await holdStanding(ctx.models, practitioner.id, program.id, issued._id, ctx.now);
          else await passStanding(ctx.models, practitioner.id, program.id, held, issued._id);
          held = issued._id;
          const positioned = { ...issued, statusPosition: await takeStatusPosition(ctx.models.statusPositions, body.id, code, ctx.now) };
          return ctx.models.certificates.create({ ...positioned, ...(await signCredential(ctx.models.keys, ctx.models.publicUrl, body, positioned)) });
        });
      } catch (error) {
        if (!isDuplicateKey(error) || attempt === 5) throw error;
      }
    }
  } catch (error) {
    if (held !== null) await releaseStanding(ctx.models, { _id: held, practitionerId: practitioner.id, programCode: program.id });
    throw error;
  }
}

export type StatusStep = 'SUSPEND' | 'REINSTATE' | 'REVOKE';

export const STATUS_STEPS: Record<StatusStep, { action: string; from: CertificateStatus[]; verb: string; fields: string[] }> = {
  SUSPEND: { action: 'CERTIFICATE_SUSPENDED', from: [CertificateStatus.VALID], verb: 'suspended', fields: ['status', 'suspension'] },
  REINSTATE: { action: 'CERTIFICATE_REINSTATED', from: [CertificateStatus.SUSPENDED], verb: 'reinstated', fields: ['status', 'suspension'] },
  // An expired certificate may still be revoked (e.g. found to have been obtained by fraud).
  REVOKE: { action: 'CERTIFICATE_REVOKED', from: [CertificateStatus.VALID, CertificateStatus.SUSPENDED, CertificateStatus.EXPIRED], verb: 'revoked', fields: ['status', 'revocation'] },
};

function refuseUnless(step: StatusStep, certificate: CertificateRecord, now: Date): void {
  const status = statusOf(certificate, now);
  const { from, verb } = STATUS_STEPS[step];
  if (!from.includes(status)) throw badInput('code', `the certificate is ${status}; only a ${from.join(' or ')} one can be ${verb}`);
}

/**
 * Suspends, reinstates or revokes a certificate: refused before anything is logged when
 * its status does not allow it, and checked again under the record's lock. Takes effect
 * on the next verification, and in the body's status lists (its bit, status-list.ts).
 */
export async function changeStatus(ctx: TrainingContext, code: string, step: StatusStep, reason: string | null): Promise<CertificateDoc> {
  const certificate = await certificateNamed(ctx, code);
  const why = reason === null ? null : text(reason, 'reason', { max: 500 });
  refuseUnless(step, certificate, ctx.now);
  const { action, fields } = STATUS_STEPS[step];
  // A revocation is announced to partner systems (webhooks, decision 116): the holder's jurisdiction and the body.
  const announced = (write: () => Promise<CertificateDoc>) =>
    step === 'REVOKE' ? emitEvent(ctx, 'certificate.revoked', { ids: { certificateCode: certificate.id }, jurisdictions: [certificate.holderJurisdiction], organisations: [certificate.bodyId] }, write) : write();
  return ctx.audit.change(action, 'Certificate', certificate.id, fields, () => announced(async () => {
    const changed = await ctx.models.certificates.update(certificate.id, (now) => {
      refuseUnless(step, now, ctx.now);
      if (step === 'SUSPEND') return { status: CertificateStatus.SUSPENDED, suspendedAt: ctx.now, suspensionReason: why };
      if (step === 'REINSTATE') return { status: CertificateStatus.VALID, suspendedAt: null, suspensionReason: null };
      return { status: CertificateStatus.REVOKED, revokedAt: ctx.now, revocationReason: why };
    });
    if (!changed) throw notFound('Certificate', certificate.id);
    // A revoked certificate no longer holds the practitioner's place (standing.ts): a re-issue may take it.
    if (step === 'REVOKE') await releaseStanding(ctx.models, changed);
    return changed;
  }));
}
