import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../common/storage';
import { trainingModels, type CertificateRecord, type TrainingModels } from '../models';
import { CertificateStatus } from '../schema/vocabulary';
import { addMonths } from './calendar';
import { isExpired, statusOf } from './certificates';
import { SigningKeys } from './keys';
import { holdStanding, isInForce, passStanding, releaseStanding } from './standing';

// A certificate's status on the request's clock, and a practitioner's one place per program
// (standing.ts) on the embedded database: held by one certificate in force at a time.

const now = new Date('2026-05-10T12:00:00Z');
const valid = { status: CertificateStatus.VALID, expiresOn: '2027-05-10' };

describe('certificate status', () => {
  it('is expired from midnight UTC of expiresOn', () => {
    expect(isExpired({ expiresOn: '2026-05-11' }, now)).toBe(false);
    expect(isExpired({ expiresOn: '2026-05-10' }, now)).toBe(true);
  });

  it('ranks REVOKED over EXPIRED over what is stored', () => {
    expect(statusOf(valid, now)).toBe(CertificateStatus.VALID);
    expect(statusOf({ ...valid, status: CertificateStatus.SUSPENDED }, now)).toBe(CertificateStatus.SUSPENDED);
    expect(statusOf({ status: CertificateStatus.SUSPENDED, expiresOn: '2026-01-01' }, now)).toBe(CertificateStatus.EXPIRED);
    expect(statusOf({ status: CertificateStatus.REVOKED, expiresOn: '2026-01-01' }, now)).toBe(CertificateStatus.REVOKED);
  });

  it('is in force while VALID or SUSPENDED and not expired', () => {
    expect(isInForce(valid, now)).toBe(true);
    expect(isInForce({ ...valid, status: CertificateStatus.SUSPENDED }, now)).toBe(true);
    expect(isInForce({ ...valid, status: CertificateStatus.REVOKED }, now)).toBe(false);
    expect(isInForce({ ...valid, expiresOn: '2026-05-10' }, now)).toBe(false);
  });

  it('runs out months later, the 31st on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
  });
});

describe("a practitioner's standing for a program", () => {
  let connection: Connection;
  let dir: string;
  let models: TrainingModels;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `training_standing_${randomBytes(4).toString('hex')}`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'training-standing-'));
    models = trainingModels(connection, { keys: new SigningKeys(dir), publicUrl: 'http://localhost:4000' });
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const certificate = (id: string, status: string, expiresOn: string): Omit<CertificateRecord, '_listed'> => ({
    _id: id,
    practitionerId: 'p1',
    holderName: 'Ana',
    holderRole: 'JUDGE',
    holderJurisdiction: 'RS',
    bodyId: 'WB',
    programCode: 'WB-VA-101',
    programTitle: 'Vulnerability assessment',
    competencies: [],
    issuedOn: '2026-01-01',
    expiresOn,
    status,
    suspendedAt: null,
    suspensionReason: null,
    revokedAt: null,
    revocationReason: null,
    statusPosition: 1,
    credential: 'x',
    kid: 'k',
    issuedAt: now,
    issuedBy: 'officer',
  });

  it('is held by one certificate in force; a second is refused naming it, until the first is revoked', async () => {
    await holdStanding(models, 'p1', 'WB-VA-101', 'WB-2026-AAAA-AAAA', now);
    await models.certificates.create(certificate('WB-2026-AAAA-AAAA', CertificateStatus.VALID, '2027-01-01'));
    await expect(holdStanding(models, 'p1', 'WB-VA-101', 'WB-2026-BBBB-BBBB', now)).rejects.toThrow('already holds certificate WB-2026-AAAA-AAAA of WB-VA-101 (VALID)');
    // Another program, or another practitioner, has a place of its own.
    await holdStanding(models, 'p1', 'WB-VA-102', 'WB-2026-CCCC-CCCC', now);
    await holdStanding(models, 'p2', 'WB-VA-101', 'WB-2026-DDDD-DDDD', now);
    await releaseStanding(models, { _id: 'WB-2026-AAAA-AAAA', practitionerId: 'p1', programCode: 'WB-VA-101' });
    await holdStanding(models, 'p1', 'WB-VA-101', 'WB-2026-BBBB-BBBB', now);
  });

  it('refuses a second issuance while the first is under way, and passes to a code drawn again', async () => {
    await holdStanding(models, 'p3', 'WB-VA-101', 'WB-2026-EEEE-EEEE', now);
    await expect(holdStanding(models, 'p3', 'WB-VA-101', 'WB-2026-FFFF-FFFF', now)).rejects.toThrow('is being issued to this practitioner right now');
    await passStanding(models, 'p3', 'WB-VA-101', 'WB-2026-EEEE-EEEE', 'WB-2026-GGGG-GGGG');
    await models.certificates.create({ ...certificate('WB-2026-GGGG-GGGG', CertificateStatus.SUSPENDED, '2027-01-01'), practitionerId: 'p3' });
    await expect(holdStanding(models, 'p3', 'WB-VA-101', 'WB-2026-FFFF-FFFF', now)).rejects.toThrow('already holds certificate WB-2026-GGGG-GGGG of WB-VA-101 (SUSPENDED)');
  });

  it('is given back by an expired certificate to the next issuance', async () => {
    await holdStanding(models, 'p4', 'WB-VA-101', 'WB-2026-HHHH-HHHH', now);
    await models.certificates.create({ ...certificate('WB-2026-HHHH-HHHH', CertificateStatus.VALID, '2026-05-10'), practitionerId: 'p4' });
    await holdStanding(models, 'p4', 'WB-VA-101', 'WB-2026-JJJJ-JJJJ', now);
  });
});
