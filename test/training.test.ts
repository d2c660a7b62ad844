import { spawn } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import type { mongo } from 'mongoose';
import { ROOT } from '../platform/paths';
import { ALPHABET, certificateCode, newCertificateCode } from '../subgraphs/training/domain/code';
import { CREDENTIAL_TYPE } from '../subgraphs/training/domain/credential';
import { freePort } from '../scripts/development/embedded-db';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { COMPLETE, daysAgo, ISSUE, REGISTER, setUpAccreditation, today, trainingDesk } from './support/training';

// The training subgraph: certificates issued only on passing completions by officers of the
// body's region, human-readable codes with a check character, public verification without a
// token that shows a revocation at once, credentials signed by the body's key and verified
// with jose and offline against the JWKS served through the gateway, W3C Bitstring Status
// Lists read with an independent library (test/support/status-bit.mjs), the /verify page and
// the printable PDF, key rotation, CPD hours, who reads contact data, bad input, and batched reads.

let hub: TestHub;
let filters: string[] = [];
let workDir: string;
let origin: string;

const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code status holderName role issuedOn expiresOn checkedAt scope { programCode competencies } body { id name region jwksUrl } } }`;
const REVOKE = `mutation($code: String!) { revokeCertificate(code: $code, reason: "Assessment irregular") { code status revocation { on reason } } }`;
const SUSPEND = `mutation($code: String!) { suspendCertificate(code: $code, reason: "CPD overdue") { code status suspension { reason } } }`;
const REINSTATE = `mutation($code: String!) { reinstateCertificate(code: $code) { code status suspension { reason } } }`;
const ROTATE = `mutation($body: ID!) { rotateSigningKey(bodyId: $body) { id signingKeys { kid current } } }`;
const PRACTITIONER = `query($id: ID!) { practitioner(id: $id) { id name email completions { moduleCode score passed } certificates { code status } } }`;

/** Wherever the gateway listens, with a path. */
const atGateway = (route: string) => new URL(route, hub.gateway.url).toString();

const { register, complete } = trainingDesk(() => hub);

/** A practitioner of AL who passed every module of WB-VA-101, and the certificate issued to them. */
async function certified(months = 24, jurisdiction = 'AL', completedOn = today()): Promise<{ practitionerId: string; certificate: any }> {
  const practitionerId = await register(jurisdiction, 'POLICE');
  await complete(practitionerId, 'WB-VA-101-M1', 90, completedOn);
  await complete(practitionerId, 'WB-VA-101-M2', 75, completedOn);
  const res = await hub.queryAs('accreditation_officer', jurisdiction, ISSUE, { id: practitionerId, program: 'WB-VA-101', months });
  expect(res.body.errors).toBeUndefined();
  return { practitionerId, certificate: res.body.data.issueCertificate };
}

async function jwksOfBody(body: string): Promise<JSONWebKeySet> {
  const res = await fetch(atGateway(`/.well-known/accreditation/${body}/jwks.json`));
  expect(res.status).toBe(200);
  return (await res.json()) as JSONWebKeySet;
}

/** The offline command, as its own process from dist/ (never spawnSync: the hub runs in this process). */
function verifyOffline(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'operations', 'verify-credential.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A GET exactly as written (fetch would resolve `..` before sending it). */
function rawStatus(route: string): Promise<number> {
  const { hostname, port } = new URL(hub.gateway.url);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path: route }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on('error', reject);
  });
}

/** A status list's bit as Digital Bazaar's reference library reads it (ESM-only: node runs it apart). */
function independentBit(encodedList: string, index: number): Promise<{ length: number; set: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'test', 'support', 'status-bit.mjs'), encodedList, String(index)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(stderr))));
  });
}

/** A body's status list of a purpose, fetched through the gateway and verified with jose against its JWKS. */
async function statusList(body: string, purpose: 'revocation' | 'suspension'): Promise<{ jwt: string; encodedList: string; payload: any }> {
  const res = await fetch(atGateway(`/.well-known/accreditation/${body}/status/${purpose}/1`));
  expect(res.status).toBe(200);
  const jwt = await res.text();
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(await jwksOfBody(body)), { typ: 'vc+jwt', algorithms: ['ES256'] });
  return { jwt, encodedList: (payload as any).credentialSubject.encodedList, payload };
}

/** The certificate's index in its body's lists, as its credential states it. */
const indexOf = (credential: string) => Number((decodeJwt(credential) as any).credentialStatus[0].statusListIndex);

function saved(name: string, content: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, content);
  return file;
}

beforeAll(async () => {
  // The credentials name the hub's public address (their status lists, their /verify page): here, this gateway's.
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  hub = await startHub({ monitorCommands: true, gatewayPort: port, env: { ACCREDITATION_PUBLIC_URL: origin, PUBLIC_ORIGIN: origin } });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-training-'));
  const connection = hub.subgraphs.training.connection;
  connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') filters.push(`${event.command.find}:${Object.keys(event.command.filter ?? {}).join(',')}`);
  });
  await setUpAccreditation(hub);
});
afterAll(async () => {
  await hub.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('issuing', () => {
  it('needs a passing completion of every module: BAD_USER_INPUT names the missing ones, and nothing is issued', async () => {
    const judge = await register('DE');
    const officer = await hub.token('accreditation_officer', 'DE');
    const none = await hub.query(officer, ISSUE, { id: judge, program: 'CE-JP-201', months: 36 });
    expect(errorCodes(none.body)).toEqual({ issueCertificate: 'BAD_USER_INPUT' });
    expect(none.body.errors![0].extensions?.field).toBe('programCode');
    expect(none.body.errors![0].message).toMatch(/modules CE-JP-201-M1, CE-JP-201-M2, CE-JP-201-M3 of CE-JP-201/);

    await complete(judge, 'CE-JP-201-M1', 80, today(), 'DE');
    expect((await complete(judge, 'CE-JP-201-M2', 60, today(), 'AT')).passed).toBe(false); // below 75
    await complete(judge, 'CE-JP-201-M3', 75, today(), 'DE');
    const failed = await hub.query(officer, ISSUE, { id: judge, program: 'CE-JP-201', months: 36 });
    expect(failed.body.errors![0].message).toMatch(/no passing completion of module CE-JP-201-M2 of CE-JP-201$/);
    expect((await hub.query(officer, PRACTITIONER, { id: judge })).body.data.practitioner.certificates).toEqual([]);

    await complete(judge, 'CE-JP-201-M2', 92, today(), 'DE'); // the retake
    const issued = await hub.query(officer, ISSUE, { id: judge, program: 'CE-JP-201', months: 36 });
    expect(issued.body.errors).toBeUndefined();
    const certificate = issued.body.data.issueCertificate;
    expect(certificate).toMatchObject({
      status: 'VALID',
      issuedOn: today(),
      scope: { programCode: 'CE-JP-201', programTitle: 'Trauma-Informed Justice', role: 'JUDGE', competencies: ['TRAUMA_INFORMED_INTERVIEWING', 'CHILD_SENSITIVE_PROCEDURES', 'FINANCIAL_INVESTIGATION'] },
      body: { id: 'CE' },
      holder: { id: judge },
    });
    const expires = new Date(`${today()}T00:00:00Z`);
    expires.setUTCMonth(expires.getUTCMonth() + 36);
    expect(Math.abs(Date.parse(certificate.expiresOn) - expires.getTime())).toBeLessThanOrEqual(3 * 86_400_000); // month ends are clamped
  });

  it('valid months are 1 to 60', async () => {
    const { practitionerId } = await certified();
    for (const months of [0, 61]) {
      const res = await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: practitionerId, program: 'WB-VA-101', months });
      expect(errorCodes(res.body)).toEqual({ issueCertificate: 'BAD_USER_INPUT' });
      expect(res.body.errors![0].extensions?.field).toBe('validMonths');
    }
  });
});

describe("the officer-region rule: only accreditation officers of the body's region act for it", () => {
  it('issuing, completions, status changes and rotation', async () => {
    const practitionerId = await register('AL', 'POLICE');
    // RS is in the Western Balkans too: its officers record and issue for WB's programs.
    await complete(practitionerId, 'WB-VA-101-M1', 90, today(), 'RS');
    await complete(practitionerId, 'WB-VA-101-M2', 90, today(), 'RS');
    const foreign = await hub.queryAs('accreditation_officer', 'DE', ISSUE, { id: practitionerId, program: 'WB-VA-101', months: 12 });
    expect(errorCodes(foreign.body)).toEqual({ issueCertificate: 'FORBIDDEN' });
    expect(foreign.body.errors![0].message).toBe('Only accreditation officers of Western Balkans (AL, RS) act for Western Balkans Training Council');
    const judge = await hub.queryAs('judge', 'AL', ISSUE, { id: practitionerId, program: 'WB-VA-101', months: 12 });
    expect(errorCodes(judge.body)).toEqual({ issueCertificate: 'FORBIDDEN' });
    const anonymous = await hub.query(null, ISSUE, { id: practitionerId, program: 'WB-VA-101', months: 12 });
    expect(errorCodes(anonymous.body)).toEqual({ issueCertificate: 'UNAUTHENTICATED' });
    const completion = await hub.queryAs('accreditation_officer', 'AT', COMPLETE, { id: practitionerId, module: 'WB-VA-101-M1', input: { completedOn: today(), score: 90, assessor: 'X' } });
    expect(errorCodes(completion.body)).toEqual({ recordCompletion: 'FORBIDDEN' });

    const issued = await hub.queryAs('accreditation_officer', 'RS', ISSUE, { id: practitionerId, program: 'WB-VA-101', months: 12 });
    expect(issued.body.errors).toBeUndefined();
    const { code } = issued.body.data.issueCertificate;
    for (const [mutation, variables] of [[REVOKE, { code }], [SUSPEND, { code }], [ROTATE, { body: 'WB' }]] as const) {
      expect(Object.values(errorCodes((await hub.queryAs('accreditation_officer', 'IT', mutation, variables)).body))).toEqual(['FORBIDDEN']);
    }
    expect((await hub.queryAs('accreditation_officer', 'IT', PRACTITIONER, { id: practitionerId })).body.data.practitioner.certificates).toEqual([{ code, status: 'VALID' }]);
  });
});

describe('certificate codes', () => {
  it('are BODY-YEAR-XXXX-XXXX over an unambiguous alphabet, with a check character that catches any mistyped character', async () => {
    const { certificate } = await certified();
    expect(certificate.code).toMatch(new RegExp(`^WB-${new Date().getUTCFullYear()}-[${ALPHABET}]{4}-[${ALPHABET}]{4}$`));
    expect(ALPHABET).not.toMatch(/[ILOU]/);
    expect(certificateCode(certificate.code)).toBe(certificate.code);
    expect(certificateCode(` ${certificate.code.toLowerCase()} `)).toBe(certificate.code); // case and spaces forgiven
    for (let n = 0; n < 20; n++) {
      const code = newCertificateCode('CE', 2026);
      expect(certificateCode(code)).toBe(code);
      // Every single substitution, anywhere (body and year included), is caught.
      const chars = [...code];
      chars.forEach((c, i) => {
        if (c === '-') return;
        for (const other of ALPHABET) {
          if (other === c || (/\d/.test(c) && i >= 3 && i < 7 && !/\d/.test(other))) continue;
          const typo = [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('');
          expect(() => certificateCode(typo)).toThrow(/check character does not match/);
        }
      });
    }
  });

  it('a mistyped code is BAD_USER_INPUT naming `code`; a well-formed unknown one is NOT_FOUND', async () => {
    const { certificate } = await certified();
    const last = certificate.code.at(-2) === '0' ? '1' : '0';
    const typo = certificate.code.slice(0, -2) + last + certificate.code.at(-1);
    const res = await hub.query(null, VERIFY, { code: typo });
    expect(errorCodes(res.body)).toEqual({ verifyCertificate: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('code');
    expect(res.body.errors![0].message).toMatch(/check character does not match/);
    expect((await hub.query(null, VERIFY, { code: 'WB-2026-OOOO-0000' })).body.errors![0].message).toMatch(/"O" is never used in codes/);
    const unknown = newCertificateCode('WB', 2001); // no test issues in 2001: never a code that exists
    expect((await hub.query(null, VERIFY, { code: unknown })).body.data.verifyCertificate).toMatchObject({ code: unknown, status: 'NOT_FOUND', holderName: null, body: null });
  });
});

describe('public verification (no token)', () => {
  it('answers status, holder name, role, body, scope and dates, and never contact data', async () => {
    const { certificate } = await certified(24);
    for (const url of [hub.gateway.url, hub.subgraphs.training.url]) {
      const res = await hub.query(null, VERIFY, { code: certificate.code }, { url });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.verifyCertificate).toMatchObject({
        code: certificate.code,
        status: 'VALID',
        holderName: certificate.holder.name,
        role: 'POLICE',
        issuedOn: certificate.issuedOn,
        expiresOn: certificate.expiresOn,
        scope: { programCode: 'WB-VA-101', competencies: ['VULNERABILITY_ASSESSMENT', 'VICTIM_RIGHTS'] },
        body: { id: 'WB', region: 'Western Balkans', jwksUrl: `${origin}/.well-known/accreditation/WB/jwks.json` },
      });
    }
    // There is no way to ask for more of the holder without a token.
    const more = await hub.query(null, `query($code: String!) { verifyCertificate(code: $code) { holder { email } } }`, { code: certificate.code });
    expect(more.status).toBe(400);
    const holder = await hub.query(null, `query($code: String!) { certificate(code: $code) { holder { email } } }`, { code: certificate.code });
    expect(errorCodes(holder.body)).toEqual({ certificate: 'UNAUTHENTICATED' });
  });

  it('shows a revocation on the very next request, and a suspension until it is lifted', async () => {
    const { certificate } = await certified();
    const verify = async () => (await hub.query(null, VERIFY, { code: certificate.code })).body.data.verifyCertificate.status;
    expect(await verify()).toBe('VALID');
    expect((await hub.queryAs('accreditation_officer', 'RS', SUSPEND, { code: certificate.code })).body.data.suspendCertificate).toMatchObject({ status: 'SUSPENDED', suspension: { reason: 'CPD overdue' } });
    expect(await verify()).toBe('SUSPENDED');
    expect((await hub.queryAs('accreditation_officer', 'AL', REINSTATE, { code: certificate.code })).body.data.reinstateCertificate).toMatchObject({ status: 'VALID', suspension: null });
    expect(await verify()).toBe('VALID');
    const revoked = await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: certificate.code });
    expect(revoked.body.data.revokeCertificate).toMatchObject({ status: 'REVOKED', revocation: { reason: 'Assessment irregular' } });
    expect(await verify()).toBe('REVOKED');
    // Revoked is for good: nothing more happens to it, and nothing is logged for the refusals.
    const before = (await hub.subgraphs.training.audit.events({ subjectType: 'Certificate', subjectId: certificate.code })).length;
    for (const mutation of [SUSPEND, REINSTATE, REVOKE]) {
      const res = await hub.queryAs('accreditation_officer', 'AL', mutation, { code: certificate.code });
      expect(Object.values(errorCodes(res.body))).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0].message).toMatch(/^code: the certificate is REVOKED/);
    }
    expect((await hub.subgraphs.training.audit.events({ subjectType: 'Certificate', subjectId: certificate.code })).length).toBe(before);
    const actions = (await hub.subgraphs.training.audit.events({ subjectType: 'Certificate', subjectId: certificate.code })).map((e) => e.action).filter((a) => a !== 'READ');
    expect(actions).toEqual(['CERTIFICATE_ISSUED', 'CERTIFICATE_SUSPENDED', 'CERTIFICATE_REINSTATED', 'CERTIFICATE_REVOKED']);
  });

  it('an expired certificate reads EXPIRED, online and in its credential', async () => {
    const then = new Date(Date.now() - 3 * 365 * 86_400_000);
    hub.clock.set(then);
    let certificate: any;
    try {
      ({ certificate } = await certified(12, 'AL', then.toISOString().slice(0, 10)));
    } finally {
      hub.clock.reset();
    }
    expect((await hub.query(null, VERIFY, { code: certificate.code })).body.data.verifyCertificate.status).toBe('EXPIRED');
    expect((await hub.queryAs('accreditation_officer', 'AL', SUSPEND, { code: certificate.code })).body.errors![0].message).toMatch(/is EXPIRED; only a VALID one can be suspended/);
    const jwks = saved('expired-jwks.json', JSON.stringify(await jwksOfBody('WB')));
    const offline = await verifyOffline(certificate.credential, '--jwks', jwks);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(new RegExp(`^invalid: expired: the credential expired on ${certificate.expiresOn}`));
  });
});

describe('credentials', () => {
  it('are W3C VC 2.0 OpenBadgeCredentials (vc+jwt), verified with jose against the JWKS served through the gateway, with no contact data', async () => {
    const { certificate } = await certified();
    const res = await fetch(atGateway('/.well-known/accreditation/WB/jwks.json'));
    expect(res.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    const jwks = (await res.json()) as JSONWebKeySet;
    expect(jwks.keys.every((k) => k.kty === 'EC' && k.crv === 'P-256' && !('d' in k))).toBe(true);
    const { payload, protectedHeader } = await jwtVerify(certificate.credential, createLocalJWKSet(jwks), { typ: 'vc+jwt', algorithms: ['ES256'] });
    expect(protectedHeader).toEqual({ alg: 'ES256', typ: 'vc+jwt', cty: 'vc', kid: jwks.keys[0].kid });
    const issuer = `${origin}/.well-known/accreditation/WB`;
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${origin}/verify/${certificate.code}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'Western Balkans Training Council' },
      validUntil: `${certificate.expiresOn}T00:00:00Z`,
      iss: issuer,
      exp: Date.parse(`${certificate.expiresOn}T00:00:00Z`) / 1000,
      credentialSubject: {
        type: ['AchievementSubject'],
        role: 'POLICE',
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: certificate.holder.name }, { identityType: 'identifier', identityHash: certificate.holder.id }],
        achievement: { id: `${issuer}/programs/WB-VA-101`, type: ['Achievement'], humanCode: 'WB-VA-101', criteria: { narrative: expect.any(String) }, tag: ['VULNERABILITY_ASSESSMENT', 'VICTIM_RIGHTS'] },
      },
    });
    expect(Date.parse((payload as any).validFrom)).toBeLessThanOrEqual(Date.now());
    const index = indexOf(certificate.credential);
    expect((payload as any).credentialStatus).toEqual(
      ['revocation', 'suspension'].map((purpose) => ({
        id: `${issuer}/status/${purpose}/1#${index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: purpose,
        statusListIndex: String(index),
        statusListCredential: `${issuer}/status/${purpose}/1`,
      })),
    );
    // No contact data: no address ('@' is in no id, code or URL of it, only in "@context").
    expect(JSON.stringify(payload).replace('"@context"', '')).not.toContain('@');
    // Also at the subgraph's own port; an unknown body, and a path out of the prefix, are 404.
    expect((await fetch(new URL('/.well-known/accreditation/WB/jwks.json', hub.subgraphs.training.url))).status).toBe(200);
    expect((await fetch(atGateway('/.well-known/accreditation/ZZ/jwks.json'))).status).toBe(404);
    expect(await rawStatus('/.well-known/accreditation/%2e%2e/%2e%2e/graphql')).toBe(404);
    expect(await rawStatus('/.well-known/accreditation/../../health')).toBe(404);
  });

  it("each certificate has its own index in its body's lists, never given twice", async () => {
    const issued = await Promise.all([certified(), certified(), certified()]);
    const indexes = issued.map(({ certificate }) => indexOf(certificate.credential));
    expect(new Set(indexes).size).toBe(3);
    const stored = await hub.subgraphs.training.connection.collection('statusPositions').find({}, { projection: { _id: 1 } }).toArray();
    expect(stored.map((d) => d._id)).toEqual(expect.arrayContaining(indexes.map((i) => `status/WB#${i + 1}`)));
  });

  it('the offline command: good, tampered, wrongly signed and unknown-key credentials; status checked by default', async () => {
    const { certificate } = await certified();
    const jwks = saved('wb-jwks.json', JSON.stringify(await jwksOfBody('WB')));
    const good = await verifyOffline(certificate.credential, '--jwks', jwks);
    expect(good.stderr).toMatch(/^not revoked or suspended: revocation \(list of .*\), suspension \(list of .*\)/);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ id: `${origin}/verify/${certificate.code}`, credentialSubject: { identifier: [{ identityHash: certificate.holder.name }, {}] } });
    const unchecked = await verifyOffline(certificate.credential, '--jwks', jwks, '--no-status-check');
    expect(unchecked.code).toBe(0);
    expect(unchecked.stderr).toMatch(/status not checked \(--no-status-check\)/);

    const [header, payload, signature] = certificate.credential.split('.');
    const claims = decodeJwt(certificate.credential) as any;
    const forged = Buffer.from(JSON.stringify({ ...claims, credentialSubject: { ...claims.credentialSubject, identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Someone Else' }] } })).toString('base64url');
    const tampered = await verifyOffline([header, forged, signature].join('.'), '--jwks', jwks);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^invalid: bad signature/);
    expect(payload).not.toBe(forged);

    // Signed by a key that is not the body's, claiming the body's kid, or a kid of its own.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = decodeProtectedHeader(certificate.credential).kid!;
    const sign = (withKid: string, key = privateKey, body = claims) => new SignJWT(body).setProtectedHeader({ alg: 'ES256', kid: withKid, typ: CREDENTIAL_TYPE }).sign(key);
    const impostor = await verifyOffline(await sign(kid), '--jwks', jwks);
    expect(impostor.code).toBe(1);
    expect(impostor.stderr).toMatch(/^invalid: bad signature/);
    const unknown = await verifyOffline(await sign('someone-elses-key'), '--jwks', jwks);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^invalid: unknown key/);
    const garbage = await verifyOffline('not-a-credential', '--jwks', jwks);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toMatch(/^invalid: not a credential/);
    // Without --jwks, from the hub's published keys.
    const online = await verifyOffline(certificate.credential, '--hub', atGateway('/'));
    expect(online.code).toBe(0);

    // Signed by the body's own key, but its lists where nothing answers (loopback port 1): status unknown, exit 2.
    const bodyKey = createPrivateKey(readFileSync(path.join(hub.env.ACCREDITATION_KEY_DIR, 'WB', `${kid}.pem`)));
    const nowhere = { ...claims, credentialStatus: claims.credentialStatus.map((e: any) => ({ ...e, statusListCredential: e.statusListCredential.replace(origin, 'http://127.0.0.1:1') })) };
    const unreachable = await verifyOffline(await sign(kid, bodyKey, nowhere), '--jwks', jwks);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^status unknown: the revocation status list could not be fetched from http:\/\/127\.0\.0\.1:1\/.* \(pass --no-status-check to accept it without\)/);
    expect((await verifyOffline(await sign(kid, bodyKey, nowhere), '--jwks', jwks, '--no-status-check')).code).toBe(0);
    const { credentialStatus, ...statusless } = claims;
    expect(credentialStatus).toHaveLength(2);
    expect((await verifyOffline(await sign(kid, bodyKey, statusless), '--jwks', jwks)).stderr).toMatch(/^status unknown: the credential names no BitstringStatusListEntry/);
  }, 120_000);

  it('Bitstring Status Lists: revoked, suspended and reinstated flip their bits, read by an independent library; the offline command refuses what they withdraw', async () => {
    const kept = await certified();
    const revoked = await certified();
    const suspended = await certified();
    await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: revoked.certificate.code });
    await hub.queryAs('accreditation_officer', 'AL', SUSPEND, { code: suspended.certificate.code });
    const res = await fetch(atGateway('/.well-known/accreditation/WB/status/revocation/1'));
    expect(res.headers.get('content-type')).toMatch(/^application\/vc\+jwt/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const revocations = await statusList('WB', 'revocation');
    const suspensions = await statusList('WB', 'suspension');
    expect(revocations.payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `${origin}/.well-known/accreditation/WB/status/revocation/1`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: `${origin}/.well-known/accreditation/WB`,
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(Date.parse(revocations.payload.validUntil) - Date.parse(revocations.payload.validFrom)).toBe(7 * 86_400_000);
    const bits = async (credential: string) => ({
      revocation: (await independentBit(revocations.encodedList, indexOf(credential))).set,
      suspension: (await independentBit(suspensions.encodedList, indexOf(credential))).set,
    });
    expect((await independentBit(revocations.encodedList, 0)).length).toBe(131_072); // 16 KB, the specification's minimum
    expect(await bits(revoked.certificate.credential)).toEqual({ revocation: true, suspension: false });
    expect(await bits(suspended.certificate.credential)).toEqual({ revocation: false, suspension: true });
    expect(await bits(kept.certificate.credential)).toEqual({ revocation: false, suspension: false });

    // The command fetches the lists its credential names, or takes saved ones.
    const jwks = saved('list-jwks.json', JSON.stringify(await jwksOfBody('WB')));
    const ofRevoked = await verifyOffline(revoked.certificate.credential, '--jwks', jwks);
    expect(ofRevoked.code).toBe(1);
    expect(ofRevoked.stderr).toMatch(new RegExp(`^invalid: revoked: ${origin}/verify/${revoked.certificate.code} is set in the revocation status list of`));
    expect((await verifyOffline(revoked.certificate.credential, '--jwks', jwks, '--no-status-check')).code).toBe(0); // a signature cannot be taken back
    const lists = ['--status-list', saved('revocation.jwt', revocations.jwt), '--status-list', saved('suspension.jwt', suspensions.jwt)];
    const savedSuspended = await verifyOffline(suspended.certificate.credential, '--jwks', jwks, ...lists);
    expect(savedSuspended.code).toBe(1);
    expect(savedSuspended.stderr).toMatch(/^invalid: suspended: /);
    expect((await verifyOffline(kept.certificate.credential, '--jwks', jwks, ...lists)).code).toBe(0);
    // A saved list missing (only the revocation list given): status unknown.
    expect((await verifyOffline(kept.certificate.credential, '--jwks', jwks, lists[0], lists[1])).stderr).toMatch(/^status unknown: no saved status list .*suspension\/1/);
    // Another body's list does not vouch for this body's credentials.
    const ce = await statusList('CE', 'revocation');
    const ceJwks = saved('ce-jwks.json', JSON.stringify({ keys: [...(await jwksOfBody('WB')).keys, ...(await jwksOfBody('CE')).keys] }));
    const foreign = await verifyOffline(kept.certificate.credential, '--jwks', ceJwks, '--status-list', saved('ce-revocation.jwt', ce.jwt), lists[2], lists[3]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/^status unknown: no saved status list .*WB\/status\/revocation\/1/);

    // Reinstated: its suspension bit is cleared.
    await hub.queryAs('accreditation_officer', 'AL', REINSTATE, { code: suspended.certificate.code });
    const after = await statusList('WB', 'suspension');
    expect((await independentBit(after.encodedList, indexOf(suspended.certificate.credential))).set).toBe(false);
    expect((await independentBit(after.encodedList, indexOf(revoked.certificate.credential))).set).toBe(false);
    expect((await verifyOffline(suspended.certificate.credential, '--jwks', jwks)).code).toBe(0);
    // Lists that do not exist (yet): 404.
    for (const route of ['/.well-known/accreditation/WB/status/revocation/2', '/.well-known/accreditation/WB/status/expiry/1', '/.well-known/accreditation/ZZ/status/revocation/1']) {
      expect((await fetch(atGateway(route))).status).toBe(404);
    }
   }, 120_000);
});

describe('the /verify page and the printable certificate', () => {
  it('shows the status verifyCertificate answers, in plain HTML without script; an unknown code is a 404 page', async () => {
    const valid = await certified();
    const revoked = await certified();
    await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: revoked.certificate.code });
    const page = async (code: string) => {
      const res = await fetch(atGateway(`/verify/${code}`));
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const html = await res.text();
      expect(html).not.toMatch(/<script/i);
      return { status: res.status, html };
    };
    const shown = await page(valid.certificate.code);
    expect(shown.status).toBe(200);
    const answer = (await hub.query(null, VERIFY, { code: valid.certificate.code })).body.data.verifyCertificate;
    expect(shown.html).toContain(`<p class="status VALID">VALID: This certificate is valid.</p>`);
    for (const text of [answer.code, answer.holderName, answer.issuedOn, answer.expiresOn, 'Western Balkans Training Council']) expect(shown.html).toContain(text);
    // Nothing personal beyond the public answer: no contact data, no practitioner id.
    expect(shown.html).not.toContain(valid.practitionerId);
    expect(shown.html.replace(/@/g, '')).toBe(shown.html);
    const gone = await page(revoked.certificate.code);
    expect(gone.status).toBe(200);
    expect(gone.html).toMatch(/<p class="status REVOKED">REVOKED: This certificate was revoked/);
    const unknown = await page(newCertificateCode('WB', 2026));
    expect(unknown.status).toBe(404);
    expect(unknown.html).toMatch(/Certificate not found/);
    const mistyped = await page('WB-2026-<b>');
    expect(mistyped.status).toBe(400);
    expect(mistyped.html).not.toContain('<b>');
  });

  it('the certificate PDF carries a QR code to the page', async () => {
    const { certificate } = await certified();
    const res = await fetch(atGateway(`/verify/${certificate.code}/certificate.pdf`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/Subtype \/Image/); // the QR code, embedded as an image XObject
    expect(pdf).toMatch(/\/Width 200[\s\S]*\/Height 200|\/Height 200[\s\S]*\/Width 200/);
    expect((await fetch(atGateway(`/verify/${newCertificateCode('WB', 2026)}/certificate.pdf`))).status).toBe(404);
  });
});

describe('key rotation', () => {
  it('adds a key; old credentials keep verifying while their kid is published; new ones carry the new kid', async () => {
    const before = await certified();
    const oldKid = decodeProtectedHeader(before.certificate.credential).kid!;
    const rotated = await hub.queryAs('accreditation_officer', 'RS', ROTATE, { body: 'WB' });
    expect(rotated.body.errors).toBeUndefined();
    const keys = rotated.body.data.rotateSigningKey.signingKeys;
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.filter((k: any) => k.current)).toHaveLength(1);
    const newKid = keys.find((k: any) => k.current).kid;
    expect(newKid).not.toBe(oldKid);

    const after = await certified();
    expect(decodeProtectedHeader(after.certificate.credential).kid).toBe(newKid);
    const jwks = await jwksOfBody('WB');
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    const file = saved('rotated-jwks.json', JSON.stringify(jwks));
    for (const credential of [before.certificate.credential, after.certificate.credential]) {
      const { code, stderr } = await verifyOffline(credential, '--jwks', file);
      expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^not revoked or suspended/) });
    }
    // The status lists are signed with the new key.
    expect(decodeProtectedHeader((await statusList('WB', 'revocation')).jwt).kid).toBe(newKid);
    // A JWKS saved before the rotation does not know the new key.
    const old = saved('old-jwks.json', JSON.stringify({ keys: jwks.keys.filter((k) => k.kid !== newKid) }));
    expect((await verifyOffline(after.certificate.credential, '--jwks', old)).stderr).toMatch(/^invalid: unknown key/);
    // The private halves stay in the key directory; the database holds public keys only.
    const stored = JSON.stringify(await hub.subgraphs.training.connection.collection('accreditationBodies').find().toArray());
    expect(stored).not.toMatch(/PRIVATE KEY|"d":/);
    const trail = await hub.subgraphs.training.audit.events({ subjectType: 'AccreditationBody', subjectId: 'WB' });
    expect(trail.map((e) => e.action)).toContain('SIGNING_KEY_ROTATED');
  });
});

describe('retired signing keys', () => {
  it('after a rotation the old key verifies only what it signed before; status lists only from the current key', async () => {
    const before = await certified();
    const oldKid = decodeProtectedHeader(before.certificate.credential).kid!;
    const staleList = (await statusList('WB', 'revocation')).jwt;
    expect(decodeProtectedHeader(staleList).kid).toBe(oldKid);

    const rotated = await hub.queryAs('accreditation_officer', 'AL', `mutation { rotateSigningKey(bodyId: "WB") { signingKeys { kid current createdAt retiredAt } } }`);
    expect(rotated.body.errors).toBeUndefined();
    const keys: Array<{ kid: string; current: boolean; createdAt: string; retiredAt: string | null }> = rotated.body.data.rotateSigningKey.signingKeys;
    const current = keys.find((k) => k.current)!;
    expect(keys.filter((k) => k.retiredAt === null)).toEqual([current]);
    expect(keys.find((k) => k.kid === oldKid)!.retiredAt).toBe(current.createdAt); // retired when its successor was made
    // Revoked after the stale list was signed: only a list of the current key says so.
    expect((await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: before.certificate.code })).body.errors).toBeUndefined();

    // The JWKS says when each key was retired (`exp`, as OpenID Federation's historical keys do).
    const jwks = await jwksOfBody('WB');
    const retiredAt = (jwks.keys.find((k) => k.kid === oldKid) as { exp?: number }).exp!;
    expect(retiredAt).toBe(Math.ceil(Date.parse(current.createdAt) / 1000));
    expect(jwks.keys.find((k) => k.kid === current.kid)).not.toHaveProperty('exp');
    expect(decodeJwt(before.certificate.credential).iat).toBeLessThan(retiredAt);
    const fresh = { revocation: (await statusList('WB', 'revocation')).jwt, suspension: (await statusList('WB', 'suspension')).jwt };
    const files = { jwks: saved('retired-jwks.json', JSON.stringify(jwks)), stale: saved('stale-revocation.jwt', staleList), fresh: saved('fresh-revocation.jwt', fresh.revocation), suspension: saved('fresh-suspension.jwt', fresh.suspension) };

    // (a) What the old key signed before its retirement still verifies.
    expect((await verifyOffline(before.certificate.credential, '--jwks', files.jwks, '--no-status-check')).code).toBe(0);
    // (c) The stale list has a good signature, is within its week and has the bit clear: refused for its key.
    expect((await independentBit((decodeJwt(staleList) as any).credentialSubject.encodedList, indexOf(before.certificate.credential))).set).toBe(false);
    const withStale = await verifyOffline(before.certificate.credential, '--jwks', files.jwks, '--status-list', files.stale, '--status-list', files.suspension);
    expect(withStale.code).toBe(2);
    expect(withStale.stderr).toMatch(new RegExp(`^status unknown: the revocation status list is signed by a retired key \\(${oldKid}, retired at .*\\): status lists are accepted only from the body's current key`));
    const withFresh = await verifyOffline(before.certificate.credential, '--jwks', files.jwks, '--status-list', files.fresh, '--status-list', files.suspension);
    expect(withFresh.code).toBe(1);
    expect(withFresh.stderr).toMatch(/^invalid: revoked: /);

    // (b) Signed with the old private key (from the key directory) at or after its retirement: refused; just before: not.
    const oldKey = createPrivateKey(readFileSync(path.join(hub.env.ACCREDITATION_KEY_DIR, 'WB', `${oldKid}.pem`)));
    const claims = decodeJwt(before.certificate.credential);
    const signedAt = (iat: number) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: oldKid, typ: CREDENTIAL_TYPE }).setIssuedAt(iat).sign(oldKey);
    const late = await verifyOffline(await signedAt(retiredAt), '--jwks', files.jwks, '--no-status-check');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(new RegExp(`^invalid: signed by a retired key: ${oldKid} was retired at ${new Date(retiredAt * 1000).toISOString()}, and this credential was signed at ${new Date(retiredAt * 1000).toISOString()}, after that`));
    expect((await verifyOffline(await signedAt(retiredAt - 1), '--jwks', files.jwks, '--no-status-check')).code).toBe(0);
    // A list with every bit clear, signed with the old key after its retirement: refused.
    const forgedList = await new SignJWT({ ...(decodeJwt(fresh.revocation) as any), credentialSubject: { ...(decodeJwt(staleList) as any).credentialSubject } })
      .setProtectedHeader({ alg: 'ES256', kid: oldKid, typ: CREDENTIAL_TYPE })
      .sign(oldKey);
    const withForged = await verifyOffline(before.certificate.credential, '--jwks', files.jwks, '--status-list', saved('forged-revocation.jwt', forgedList), '--status-list', files.suspension);
    expect(withForged.code).toBe(2);
    expect(withForged.stderr).toMatch(/^status unknown: the revocation status list is signed by a retired key/);
    const after = await certified();
    expect((await verifyOffline(after.certificate.credential, '--jwks', files.jwks)).code).toBe(0);
  }, 120_000);
});

describe('CPD hours', () => {
  it('add up passed modules and exchange visits within the months asked for', async () => {
    const judge = await register('RS', 'JUDGE');
    await complete(judge, 'WB-VA-101-M1', 95, daysAgo(8)); // 8 h
    await complete(judge, 'WB-VA-101-M2', 50, daysAgo(6)); // failed: no hours
    await complete(judge, 'WB-VA-101-M2', 88, daysAgo(500)); // 6 h, outside a year
    const VISIT = `mutation($id: ID!, $input: ExchangeVisitInput!) { recordExchangeVisit(practitionerId: $id, input: $input) { id hours hostJurisdiction } }`;
    const visit = await hub.queryAs('accreditation_officer', 'AL', VISIT, { id: judge, input: { hostCourt: 'Tirana Court of Appeal', hostJurisdiction: 'AL', from: daysAgo(12), to: daysAgo(10), hours: 14.5 } });
    expect(visit.body.errors).toBeUndefined();
    const CPD = `query($id: ID!) { practitioner(id: $id) { year: cpdHours two: cpdHours(months: 24) month: cpdHours(months: 1) exchangeVisits { hostCourt hours } } }`;
    const res = await hub.queryAs('accreditation_officer', 'RS', CPD, { id: judge });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.practitioner).toMatchObject({ year: 22.5, two: 28.5, month: 22.5, exchangeVisits: [{ hostCourt: 'Tirana Court of Appeal', hours: 14.5 }] });
    const bad = await hub.queryAs('accreditation_officer', 'RS', `query($id: ID!) { practitioner(id: $id) { cpdHours(months: 0) } }`, { id: judge });
    expect(bad.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'months' } });
  });
});

describe('contact data and training records', () => {
  it("email and completions: officers of the practitioner's region and the practitioner; everyone else gets FORBIDDEN, and every read is logged", async () => {
    const practitionerId = await register('AL', 'JUDGE', { subject: 'judge-7@al.idp.example', email: 'judge7@court.al.example' });
    await complete(practitionerId, 'WB-VA-101-M1');
    const READ = `query($id: ID!) { practitioner(id: $id) { name role organization email completions { moduleCode } certificates { code } cpdHours } }`;
    const sees = async (token: string) => {
      const res = await hub.query(token, READ, { id: practitionerId });
      expect(res.body.data.practitioner).toMatchObject({ role: 'JUDGE', organization: 'AL District Court', certificates: [], cpdHours: 8 });
      return { email: res.body.data.practitioner.email, completions: res.body.data.practitioner.completions, errors: errorCodes(res.body) };
    };
    for (const token of [await hub.token('accreditation_officer', 'AL'), await hub.token('accreditation_officer', 'RS'), await hub.token('judge', 'AL', { sub: 'judge-7@al.idp.example' })]) {
      expect(await sees(token)).toEqual({ email: 'judge7@court.al.example', completions: [{ moduleCode: 'WB-VA-101-M1' }], errors: {} });
    }
    for (const token of [await hub.token('accreditation_officer', 'DE'), await hub.token('judge', 'AL'), await hub.token('auditor', 'AL'), await hub.token('partner_system', 'AL')]) {
      expect(await sees(token)).toEqual({ email: null, completions: null, errors: { 'practitioner.email': 'FORBIDDEN', 'practitioner.completions': 'FORBIDDEN' } });
    }
    // Protected data is read for a stated purpose only.
    const noPurpose = await hub.query(await hub.token('accreditation_officer', 'AL'), READ, { id: practitionerId }, { headers: { 'x-purpose': '' } });
    expect(noPurpose.body.errors![0].message).toMatch(/read only for a stated purpose/);
    const anonymous = await hub.query(null, READ, { id: practitionerId });
    expect(errorCodes(anonymous.body)).toEqual({ practitioner: 'UNAUTHENTICATED' });
    const reads = await hub.subgraphs.training.audit.events({ subjectType: 'Practitioner', subjectId: practitionerId, action: 'READ' });
    expect(reads.filter((e) => e.decision === 'ALLOW').map((e) => e.role).sort()).toEqual(['accreditation_officer', 'accreditation_officer', 'judge']);
    expect(reads.filter((e) => e.decision === 'DENY')).toHaveLength(5);
  });

  it("an attorney's accreditation, contributed to legal aid's Attorney from its practitionerId (id or token subject)", async () => {
    const { practitionerId, certificate } = await certified();
    await register('AL', 'ATTORNEY', { subject: 'attorney-3@al.idp.example' });
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Attorney { id accreditation { id role certificates { code status } } } } }`;
    const attorneyId = 'AAAAAAAAAAAAAAAAAAAAAA';
    const res = await hub.query(await hub.token('judge', 'DE'), ENTITIES, {
      r: [
        { __typename: 'Attorney', id: attorneyId, practitionerId },
        { __typename: 'Attorney', id: attorneyId, practitionerId: 'attorney-3@al.idp.example' },
        { __typename: 'Attorney', id: attorneyId, practitionerId: 'nobody@idp.example' },
      ],
    }, { url: hub.subgraphs.training.url });
    expect(res.body.errors).toBeUndefined();
    const [byId, bySubject, nobody] = res.body.data._entities;
    expect(byId.accreditation).toMatchObject({ id: practitionerId, certificates: [{ code: certificate.code, status: 'VALID' }] });
    expect(bySubject.accreditation).toMatchObject({ role: 'ATTORNEY', certificates: [] });
    expect(nobody.accreditation).toBeNull();
  });
});

describe('bad input changes nothing', () => {
  const VISIT = `mutation($id: ID!, $input: ExchangeVisitInput!) { recordExchangeVisit(practitionerId: $id, input: $input) { id } }`;
  const visit = (overrides: Record<string, unknown> = {}) => ({ hostCourt: 'Belgrade Higher Court', hostJurisdiction: 'RS', from: daysAgo(5), to: daysAgo(4), hours: 8, ...overrides });
  let judge: string;
  let police: string;
  beforeAll(async () => {
    judge = await register('AL', 'JUDGE');
    police = await register('AL', 'POLICE');
  });
  const stored = async () => {
    const db = hub.subgraphs.training.connection;
    return Promise.all(['practitioners', 'completions', 'exchangeVisits', 'certificates'].map((c) => db.collection(c).countDocuments()));
  };

  test.each([
    ['an email that is none', () => [REGISTER, { input: { name: 'A', role: 'JUDGE', organization: 'C', email: 'not-an-email', subject: 's' } }], 'input.email', /not an email/],
    ['an empty name', () => [REGISTER, { input: { name: ' ', role: 'JUDGE', organization: 'C', email: 'a@b.example', subject: 's' } }], 'input.name', /must not be empty/],
    ['a score over 100', () => [COMPLETE, { id: judge, module: 'WB-VA-101-M1', input: { completedOn: today(), score: 101, assessor: 'T' } }], 'input.score', /0 to 100/],
    ['a completion in the future', () => [COMPLETE, { id: judge, module: 'WB-VA-101-M1', input: { completedOn: '2999-01-01', score: 80, assessor: 'T' } }], 'input.completedOn', /in the future/],
    ['a date that does not exist', () => [COMPLETE, { id: judge, module: 'WB-VA-101-M1', input: { completedOn: '2025-02-30', score: 80, assessor: 'T' } }], 'input.completedOn', /not a calendar date/],
    ['an unknown module', () => [COMPLETE, { id: judge, module: 'WB-XX-999', input: { completedOn: today(), score: 80, assessor: 'T' } }], 'moduleCode', /no training module/],
    ['a malformed practitioner id', () => [COMPLETE, { id: 'x', module: 'WB-VA-101-M1', input: { completedOn: today(), score: 80, assessor: 'T' } }], 'practitionerId', /not a valid id/],
    ['an unknown program', () => [ISSUE, { id: judge, program: 'WB-NOPE-1', months: 12 }], 'programCode', /no training program/],
    ['an exchange visit of a police officer', () => [VISIT, { id: police, input: visit() }], 'practitionerId', /for judges/],
    ['an exchange visit at home', () => [VISIT, { id: judge, input: visit({ hostJurisdiction: 'AL' }) }], 'input.hostJurisdiction', /another jurisdiction/],
    ['an exchange visit ending before it starts', () => [VISIT, { id: judge, input: visit({ from: daysAgo(3), to: daysAgo(5) }) }], 'input.to', /before from/],
    ['too many hours for the days', () => [VISIT, { id: judge, input: visit({ hours: 21 }) }], 'input.hours', /at most 10 a day/],
    ['an unknown body', () => [ROTATE, { body: 'nope' }], 'bodyId', /not the id of an accreditation body/],
  ])('%s: BAD_USER_INPUT naming the field', async (_what, make, field, message) => {
    const before = await stored();
    const [mutation, variables] = make() as [string, Record<string, unknown>];
    const res = await hub.queryAs('accreditation_officer', 'AL', mutation, variables);
    expect(Object.values(errorCodes(res.body))).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('an unknown practitioner, certificate or body is NOT_FOUND', async () => {
    expect(errorCodes((await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: 'AAAAAAAAAAAAAAAAAAAAAA', program: 'WB-VA-101', months: 12 })).body)).toEqual({ issueCertificate: 'NOT_FOUND' });
    expect(errorCodes((await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: newCertificateCode('WB', 2001) })).body)).toEqual({ revokeCertificate: 'NOT_FOUND' });
    expect(errorCodes((await hub.queryAs('accreditation_officer', 'AL', ROTATE, { body: 'XY' })).body)).toEqual({ rotateSigningKey: 'NOT_FOUND' });
  });
});

it('a page of practitioners with their records costs the same finds for 3 as for 12, each by _id', async () => {
  const count = async (jurisdiction: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const id = await register(jurisdiction, 'SOCIAL_WORKER');
      await complete(id, 'CE-JP-201-M1', 90, today(), 'DE');
    }
    filters = [];
    const res = await hub.query(
      await hub.token('accreditation_officer', jurisdiction),
      `query($j: String) { practitioners(jurisdiction: $j, role: SOCIAL_WORKER, first: 50) { edges { node { id email cpdHours completions { passed } certificates { code status body { id } } } } } }`,
      { j: jurisdiction },
      { url: hub.subgraphs.training.url },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.practitioners.edges).toHaveLength(n);
    return [...filters];
  };
  const few = await count('DE', 3);
  const many = await count('AT', 12);
  expect(many.length).toBe(few.length);
  for (const filter of [...few, ...many]) expect(filter).toMatch(/:_id$/);
});
