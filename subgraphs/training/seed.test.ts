import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Connection } from 'mongoose';
import { randomSecrets } from '../../scripts/development/dev-env';
import { DEV_ISSUER } from '../../scripts/development/dev-issuer';
import { DEMO_INTERPRETER_CERTIFICATES, DEMO_JURISDICTIONS, DEMO_REGIONS } from '../common/demo';
import { seedTraining, type TrainingSeedSettings } from './seed';
import { connectDatabase } from '../common/storage';
import { statusOf } from './domain/certificates';
import { certificateCode } from './domain/code';
import { CREDENTIAL_TYPE } from './domain/credential';
import { jwksOf, SigningKeys } from './domain/keys';
import { trainingModels, type BodyRecord, type CertificateRecord, type PractitionerRecord, type ProgramRecord } from './models';
import { PractitionerRole } from './schema/vocabulary';
import { demoIndicatorValues, shownIndicators } from '../common/demo-indicators';
import { countedIn } from './domain/indicators';
import type { TrainingContext } from './models';
import { checkedPeriod, lastQuarters, quarterOf } from '../common/indicators';

// The demo accreditation data `npm start` seeds once: bodies per region with rotated keys
// kept outside the database, programs, practitioners of every profession in every demo
// jurisdiction, completions, and certificates in every status whose credentials verify.

describe('training demo data', () => {
  let connection: Connection;
  let keyDir: string;
  let settings: TrainingSeedSettings;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `training_seed_${randomBytes(4).toString('hex')}`);
    keyDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-accreditation-keys-'));
    settings = { ...(randomSecrets() as Omit<TrainingSeedSettings, 'ACCREDITATION_KEY_DIR'>), ACCREDITATION_KEY_DIR: keyDir };
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('seeds 3 bodies, 9 programs, 150 practitioners, completions and 95 certificates in every status (5 of them interpreters’ legal translation certificates), once', async () => {
    const lines: string[] = [];
    expect(await seedTraining(connection, settings, (line) => lines.push(line))).toBe(true);
    expect(lines.join('\n')).toMatch(/Seeded 3 accreditation bodies .* 9 programs, 150 practitioners, \d+ completions, \d+ exchange visits and 95 certificates/);
    const models = trainingModels(connection, { keys: new SigningKeys(keyDir), publicUrl: 'http://localhost:4000' });

    const bodies = (await models.Body.find().lean()) as BodyRecord[];
    expect(bodies.map((b) => [b._id, b.region, b.jurisdictions]).sort()).toEqual(
      Object.entries(DEMO_REGIONS)
        .map(([region, jurisdictions]) => [{ 'Western Balkans': 'WB', 'Central Europe': 'CE', 'Southern Europe': 'SE' }[region], region, jurisdictions])
        .sort(),
    );
    for (const body of bodies) {
      // Two keys, the second current; each private half a file of its own, never in the database.
      expect(body.keys).toHaveLength(2);
      expect(body.currentKid).toBe(body.keys[1].kid);
      expect(readdirSync(path.join(keyDir, body._id)).sort()).toEqual(body.keys.map((k) => `${k.kid}.pem`).sort());
    }
    expect(JSON.stringify(bodies)).not.toMatch(/PRIVATE KEY|"d":/);

    const programs = (await models.Program.find().lean()) as ProgramRecord[];
    expect(programs).toHaveLength(9);
    expect(new Set(programs.map((p) => p.bodyId))).toEqual(new Set(['WB', 'CE', 'SE']));

    const practitioners = (await models.Practitioner.find().lean()) as PractitionerRecord[];
    expect(practitioners).toHaveLength(150);
    for (const jurisdiction of DEMO_JURISDICTIONS) {
      const here = practitioners.filter((p) => p.jurisdiction === jurisdiction);
      expect(here).toHaveLength(25);
      expect(new Set(here.map((p) => p.role))).toEqual(new Set(Object.values(PractitionerRole)));
    }
    // The development tokens' default subjects, of the development issuer, are practitioners (they read their own record).
    expect(practitioners.find((p) => p.subject === 'judge@de.example')).toMatchObject({ role: 'JUDGE', jurisdiction: 'DE', subjectIssuer: DEV_ISSUER });
    expect(new Set(practitioners.map((p) => p.subjectIssuer))).toEqual(new Set([DEV_ISSUER]));

    const completions = (await models.Completion.find().lean()) as Array<{ passed: boolean }>;
    expect(completions.length).toBeGreaterThan(300);
    expect(completions.filter((c) => !c.passed).length).toBeGreaterThan(0);
    expect(await models.ExchangeVisit.estimatedDocumentCount()).toBeGreaterThan(0);

    const certificates = (await models.Certificate.find().lean()) as CertificateRecord[];
    expect(certificates).toHaveLength(95);
    const now = new Date();
    const byStatus = certificates.reduce<Record<string, number>>((counts, c) => ({ ...counts, [statusOf(c, now)]: (counts[statusOf(c, now)] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ VALID: 62, EXPIRED: 11, SUSPENDED: 11, REVOKED: 11 });
    // The demo interpreters' legal translation certificates, with the codes the proceedings' demo translations name.
    for (const planned of DEMO_INTERPRETER_CERTIFICATES) {
      const certificate = certificates.find((c) => c._id === planned.code)!;
      expect({ code: planned.code, status: statusOf(certificate, now), role: certificate.holderRole, legal: certificate.competencies.includes('LEGAL_TRANSLATION') }).toEqual({
        code: planned.code,
        status: planned.status,
        role: 'INTERPRETER',
        legal: true,
      });
    }
    // Every code has its check character, and every credential verifies with its body's published keys, old or
    // current: the first key, retired by the rotation a year ago, signed only before its retirement (`exp`).
    const kids = new Set<string>();
    for (const certificate of certificates) {
      expect(certificateCode(certificate._id)).toBe(certificate._id);
      const jwks = jwksOf(bodies.find((b) => b._id === certificate.bodyId)!);
      const { payload, protectedHeader } = await jwtVerify(certificate.credential, createLocalJWKSet(jwks), { typ: CREDENTIAL_TYPE, currentDate: new Date(`${certificate.issuedOn}T12:00:00Z`) });
      expect(payload.jti).toBe(`http://localhost:4000/verify/${certificate._id}`); // the credential's id, its /verify page
      const retiredAt = jwks.keys.find((k) => k.kid === protectedHeader.kid)!.exp;
      if (retiredAt !== undefined) expect(payload.iat).toBeLessThan(retiredAt);
      kids.add(protectedHeader.kid!);
    }
    expect(kids.size).toBe(6); // both keys of every body signed some
    for (const body of bodies) expect(jwksOf(body).keys.map((k) => k.exp === undefined)).toEqual([false, true]);

    // The withdrawn (suspended and revoked) are each body's revocation list.
    const withdrawn = await Promise.all(bodies.map((b) => models.certificates.loaderBy('withdrawn').load(b._id)));
    expect(withdrawn.flat()).toHaveLength(22);

    expect(await seedTraining(connection, settings, () => {})).toBe(false);
    expect(await models.Certificate.estimatedDocumentCount()).toBe(95);
  });

  it('issues the certificates over the last eight quarters, a week after their holders passed, so that every accreditation indicator shows a value', async () => {
    const models = trainingModels(connection, { keys: new SigningKeys(keyDir), publicUrl: 'http://localhost:4000' });
    const now = new Date();
    const certificates = (await models.Certificate.find().lean()) as CertificateRecord[];
    const quarters = lastQuarters(now, 8).map((q) => checkedPeriod(q).label);
    // At least 6 of the last 8 quarters hold more than one certificate each.
    const issuedIn = quarters.map((q) => certificates.filter((c) => quarterOf(c.issuedOn) === q).length);
    expect(issuedIn.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(6);
    const completions = (await models.Completion.find().lean()) as Array<{ practitionerId: string; programCode: string; passed: boolean; recordedAt: Date }>;
    for (const c of certificates) {
      // Issued after every module passed (as issueCertificate requires), suspended or revoked after it was issued, none ahead of now.
      const passed = completions.filter((p) => p.practitionerId === c.practitionerId && p.programCode === c.programCode && p.passed);
      expect(passed).toHaveLength(3);
      expect(passed.every((p) => p.recordedAt < c.issuedAt) && c.issuedAt <= now && c.issuedOn === c.issuedAt.toISOString().slice(0, 10)).toBe(true);
      for (const at of [c.suspendedAt, c.revokedAt]) if (at) expect(c.issuedAt <= at && at <= now).toBe(true);
    }

    // Every indicator of Region.accreditation has a value shown, non-zero, for a region in some quarter or year; some
    // certificates end within 90 days after the current quarter (the renewals to plan now).
    const values = await demoIndicatorValues<TrainingContext>({ connection, service: 'training', context: { models, now }, secrets: settings, field: 'accreditation', countedIn });
    const shown = shownIndicators(values, (v) => (v.indicator === 'PRACTITIONERS_CERTIFIED' ? `${v.indicator} (${v.note})` : v.indicator));
    const expiringNext = values.filter((v) => v.indicator === 'CERTIFICATES_EXPIRING_90_DAYS' && v.period === quarters[7]).reduce((sum, v) => sum + (v.value ?? 0), 0);
    expect(shown).toEqual(['CERTIFICATES_EXPIRING_90_DAYS', 'PRACTITIONERS_CERTIFIED (all roles)', ...Object.values(PractitionerRole).map((role) => `PRACTITIONERS_CERTIFIED (role: ${role})`)].sort());
    expect(expiringNext).toBeGreaterThan(0);
  });

  it('warns when stored bodies have lost their signing keys', async () => {
    const lines: string[] = [];
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-other-keys-'));
    try {
      expect(await seedTraining(connection, { ...settings, ACCREDITATION_KEY_DIR: elsewhere }, (line) => lines.push(line))).toBe(false);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^The current signing key of (WB|CE|SE) is not in /);
      expect(existsSync(path.join(elsewhere, 'WB'))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
