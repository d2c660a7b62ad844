import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { hubFromEnv, request, run } from '../client';
import { IssueCertificateDocument, ProgramDocument, RecordCompletionDocument, RegisterPractitionerDocument, VerifyCertificateDocument, type RegisterPractitionerInput } from './generated';

// An accreditation body's system (HUB_TOKEN: an accreditation officer of one of the body's
// jurisdictions): registers a practitioner, records a passing completion of every module of
// PROGRAM, issues the certificate, then checks it twice — by its code (verifyCertificate,
// what anyone can type in) and offline, as a verifier outside the hub would: the vc+jwt's
// signature with `jose` against the body's JWKS, and its bits in the W3C Bitstring Status
// Lists its credentialStatus names. Prints one JSON line: the code and both verdicts.
// Its requests state the purpose CASE_MANAGEMENT (HUB_PURPOSE to change it).

const env = process.env;
const today = new Date().toISOString().slice(0, 10);

interface StatusEntry {
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
}

/** The bit at `index` of an encodedList: multibase base64url ('u'), gzip, index 0 the first byte's most significant bit. */
function bitOf(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList: no multibase base64url prefix');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bits.length * 8) throw new Error(`status index ${index} is outside the list`);
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res;
}

/** Offline: the signature against the body's keys, then each status list (itself a vc+jwt signed by the body). */
async function verifyOffline(credential: string, jwksUrl: string) {
  const keys: JWTVerifyGetKey = createLocalJWKSet((await (await fetchOk(jwksUrl)).json()) as JSONWebKeySet);
  const { payload, protectedHeader } = await jwtVerify(credential, keys, { typ: 'vc+jwt' });
  const statuses: Record<string, boolean> = {};
  for (const entry of (payload.credentialStatus ?? []) as StatusEntry[]) {
    const list = await jwtVerify(await (await fetchOk(entry.statusListCredential)).text(), keys, { typ: 'vc+jwt' });
    const subject = list.payload.credentialSubject as { statusPurpose: string; encodedList: string };
    if (subject.statusPurpose !== entry.statusPurpose) throw new Error(`${entry.statusListCredential} is a ${subject.statusPurpose} list, not ${entry.statusPurpose}`);
    statuses[entry.statusPurpose] = bitOf(subject.encodedList, Number(entry.statusListIndex));
  }
  if (!('revocation' in statuses)) throw new Error('the credential names no revocation list: its status cannot be checked');
  const subject = payload.credentialSubject as { identifier?: Array<{ identityType: string; identityHash: string }>; achievement?: { humanCode?: string } };
  const holder = subject.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? null;
  return { signature: 'valid', kid: protectedHeader.kid, types: payload.type, holder, program: subject.achievement?.humanCode ?? null, statuses };
}

run(async () => {
  const hub = { ...hubFromEnv(), purpose: env.HUB_PURPOSE || 'CASE_MANAGEMENT' }; // a practitioner's contact data is written for a stated purpose
  const programCode = env.PROGRAM ?? 'WB-VA-101';
  const { trainingProgram: program } = await request(hub, ProgramDocument, { code: programCode });
  if (!program) throw new Error(`no program ${programCode}`);

  const input: RegisterPractitionerInput = {
    name: env.PRACTITIONER_NAME ?? 'Example Practitioner',
    role: (env.PRACTITIONER_ROLE ?? 'SOCIAL_WORKER') as RegisterPractitionerInput['role'],
    organization: env.PRACTITIONER_ORGANIZATION ?? 'Example Social Service',
    email: env.PRACTITIONER_EMAIL ?? 'practitioner@example.org',
    subject: env.PRACTITIONER_SUBJECT ?? `practitioner-${Date.now()}@idp.example`,
  };
  const { registerPractitioner: practitioner } = await request(hub, RegisterPractitionerDocument, { input });

  for (const module of program.modules) {
    const completion = { completedOn: today, score: Math.max(program.passingScore, Number(env.SCORE ?? 90)), assessor: env.ASSESSOR ?? 'Example Assessor' };
    const { recordCompletion } = await request(hub, RecordCompletionDocument, { practitionerId: practitioner.id, moduleCode: module.code, input: completion });
    if (!recordCompletion.passed) throw new Error(`module ${module.code} not passed`);
  }

  const { issueCertificate: certificate } = await request(hub, IssueCertificateDocument, { practitionerId: practitioner.id, programCode, validMonths: Number(env.VALID_MONTHS ?? 36) });
  const { verifyCertificate: online } = await request({ url: hub.url }, VerifyCertificateDocument, { code: certificate.code });
  const offline = await verifyOffline(certificate.credential, program.body.jwksUrl);
  console.log(JSON.stringify({ practitionerId: practitioner.id, code: certificate.code, online: { status: online.status, holderName: online.holderName }, offline }));
});
