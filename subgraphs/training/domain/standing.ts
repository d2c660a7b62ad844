import { conflict } from '../../../platform/errors';
import type { CertificateRecord, TrainingModels } from '../models';
import { CertificateStatus } from '../schema/vocabulary';

/**
 * A practitioner holds at most one certificate in force (VALID or SUSPENDED) of a program.
 * Reading her certificates first is not enough when two officers issue at once, so the
 * certificate in force holds a slot of capacity 1 (common/storage/slots.ts), taken by one insert
 * that the database refuses to a second: exactly one of two simultaneous issuances wins.
 * A revocation gives the slot back at once; an expired certificate's slot is given back
 * by the next issuance that finds it.
 */

const standingOf = (practitionerId: string, programCode: string) => `certificate:${practitionerId}:${programCode}`;

/** A slot whose certificate was never written (its process died mid-issue) is free again after this. */
const ORPHAN_AFTER_MS = 60_000;

/** In force: VALID or SUSPENDED, not expired (statusOf in certificates.ts, without the import cycle). */
export function isInForce(certificate: Pick<CertificateRecord, 'status' | 'expiresOn'>, now: Date): boolean {
  const expired = now.getTime() >= Date.parse(`${certificate.expiresOn}T00:00:00Z`);
  return !expired && (certificate.status === CertificateStatus.VALID || certificate.status === CertificateStatus.SUSPENDED);
}

/**
 * Takes the practitioner's place for a certificate of the program, held by `code`; CONFLICT
 * naming the certificate that holds it (or the issuance under way) otherwise.
 */
export async function holdStanding(models: TrainingModels, practitionerId: string, programCode: string, code: string, now: Date): Promise<void> {
  const pool = standingOf(practitionerId, programCode);
  const [held] = (await models.slots.taken([{ pool, capacity: 1 }])).get(pool)!;
  if (held) {
    const holder = (await models.Certificate.findById(held.holder).lean()) as CertificateRecord | null;
    if (holder && isInForce(holder, now)) throw conflict(`The practitioner already holds certificate ${holder._id} of ${programCode} (${holder.status}): nothing was issued`);
    if (!holder && Date.now() - held.at.getTime() < ORPHAN_AFTER_MS) throw conflict(`A certificate of ${programCode} is being issued to this practitioner right now: nothing was issued`);
    await models.slots.release(pool, 1, held.holder);
  }
  if ((await models.slots.claim(pool, 1, code, new Date())) === null) {
    throw conflict(`A certificate of ${programCode} was just issued to this practitioner by another request: nothing was issued`);
  }
}

/** The place passes to another code (a certificate code drawn twice is drawn again). */
export async function passStanding(models: TrainingModels, practitionerId: string, programCode: string, from: string, to: string): Promise<void> {
  await models.slots.handOver(standingOf(practitionerId, programCode), 1, from, to);
}

/** Gives the place back (a revocation, or an issuance that failed). */
export async function releaseStanding(models: TrainingModels, certificate: Pick<CertificateRecord, '_id' | 'practitionerId' | 'programCode'>): Promise<void> {
  await models.slots.release(standingOf(certificate.practitionerId, certificate.programCode), 1, certificate._id);
}
