import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { CREDENTIAL_TYPE } from '../subgraphs/training/domain/credential';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { COMPLETE, ISSUE, REGISTER, today } from './support/training';

// Onboarding a region's accreditation through the API alone, from an empty database: a
// registrar establishes the body (its first key made by the hub), its officers define and
// retire programs, and certificates follow the one-in-force rule (a re-issue after a
// revocation needs a reason). Each rule with the callers who may and may not.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
}, 180_000);
afterAll(() => hub.stop());

const ESTABLISH = `mutation($input: EstablishAccreditationBodyInput!) { establishAccreditationBody(input: $input) { id name region jurisdictions jwksUrl signingKeys { kid current } } }`;
const DEFINE = `mutation($body: ID!, $input: DefineProgramInput!) { defineProgram(bodyId: $body, input: $input) { code title passingScore totalHours requiredFor retiredAt body { id } modules { code hours competency } } }`;
const RETIRE = `mutation($code: String!, $reason: String!) { retireProgram(code: $code, reason: $reason) { code retiredAt retirementReason } }`;
const REISSUE = `mutation($input: ReissueCertificateInput!) { reissueCertificate(input: $input) { code status reissueOf reissueReason credential } }`;
const REVOKE = `mutation($code: String!) { revokeCertificate(code: $code, reason: "Assessment irregular") { code status } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { status holderName body { id } } }`;
const PROGRAM = `query($code: String!) { trainingProgram(code: $code) { code retiredAt retirementReason } }`;
const BODY = `query($id: ID!) { accreditationBody(id: $id) { id } }`;

const body = (id: string, jurisdictions = ['AL', 'ME']) => ({ input: { id, name: `Board ${id}`, region: 'Adriatic', jurisdictions } });
const trainingModule = (code: string, hours = 8, competency = 'VULNERABILITY_ASSESSMENT') => ({ code, title: `Module ${code}`, hours, competency });
const program = (code: string, modules = [trainingModule(`${code}-M1`), trainingModule(`${code}-M2`, 6, 'VICTIM_RIGHTS')]) => ({ code, title: `Program ${code}`, passingScore: 70, modules, requiredFor: ['POLICE'] });
const code = (res: GraphQLResponse) => res.body.errors?.[0]?.extensions?.code;
const paths = (res: GraphQLResponse) => (res.body.errors?.[0]?.extensions?.fields ?? []).map((f: { path: string }) => f.path);
const as = async (role: string, jurisdiction: string, query: string, variables: Record<string, unknown>, url?: string, extra = {}) =>
  hub.query(await hub.token(role, jurisdiction, extra), query, variables, url ? { url } : {});
const direct = () => hub.subgraphs.training.url;

/** A practitioner of AL registered by AL's officer, with passing completions of every module named. */
async function trained(modules: string[], subject = `p-${Math.random().toString(36).slice(2)}@idp.example`): Promise<string> {
  const input = { name: 'Arta Shehu', role: 'POLICE', organization: 'AL Police', email: `${subject.split('@')[0]}@police.example`, subject };
  const registered = await hub.queryAs('accreditation_officer', 'AL', REGISTER, { input });
  expect(registered.body.errors).toBeUndefined();
  const id = registered.body.data.registerPractitioner.id;
  for (const m of modules) {
    const done = await hub.queryAs('accreditation_officer', 'AL', COMPLETE, { id, module: m, input: { completedOn: today(), score: 90, assessor: 'Trainer' } });
    expect(done.body.errors).toBeUndefined();
  }
  return id;
}

describe('a new region from an empty database, through the API alone', () => {
  test('establish → define → register → complete → issue → verify publicly → revoke → issue refused → re-issue with a reason', async () => {
    expect((await hub.query(null, '{ accreditationBodies { id } }')).body.data.accreditationBodies).toEqual([]);
    const established = await as('registrar', 'AL', ESTABLISH, body('AD'));
    expect(established.body.errors).toBeUndefined();
    const { signingKeys } = established.body.data.establishAccreditationBody;
    expect(signingKeys).toEqual([{ kid: expect.any(String), current: true }]);
    // The private half stays in the key directory, never in an answer.
    expect(JSON.stringify(established.body)).not.toMatch(/"d"\s*:/);
    expect(readdirSync(path.join(hub.env.ACCREDITATION_KEY_DIR, 'AD'))).toEqual([`${signingKeys[0].kid}.pem`]);

    const defined = await as('accreditation_officer', 'AL', DEFINE, { body: 'AD', input: program('AD-VA-1') });
    expect(defined.body.errors).toBeUndefined();
    expect(defined.body.data.defineProgram).toMatchObject({ code: 'AD-VA-1', totalHours: 14, retiredAt: null, body: { id: 'AD' } });

    const practitionerId = await trained(['AD-VA-1-M1', 'AD-VA-1-M2'], 'arta@al.example');
    const issued = await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: practitionerId, program: 'AD-VA-1', months: 24 });
    expect(issued.body.errors).toBeUndefined();
    const first = issued.body.data.issueCertificate;
    expect((await hub.query(null, VERIFY, { code: first.code })).body.data.verifyCertificate).toEqual({ status: 'VALID', holderName: 'Arta Shehu', body: { id: 'AD' } });
    const jwks = (await (await fetch(new URL('/.well-known/accreditation/AD/jwks.json', hub.gateway.url))).json()) as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid)).toEqual([signingKeys[0].kid]);
    await expect(jwtVerify(first.credential, createLocalJWKSet(jwks), { typ: CREDENTIAL_TYPE })).resolves.toBeTruthy();

    expect((await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: first.code })).body.data.revokeCertificate.status).toBe('REVOKED');
    const again = await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: practitionerId, program: 'AD-VA-1', months: 24 });
    expect(code(again)).toBe('CONFLICT');
    expect(again.body.errors![0].message).toContain(`${first.code} of AD-VA-1 was revoked: issuing again needs reissueCertificate with a stated reason`);

    const noReason = await hub.queryAs('accreditation_officer', 'AL', REISSUE, { input: { practitionerId, programCode: 'AD-VA-1', validMonths: 24, reason: ' ' } });
    expect(paths(noReason)).toEqual(['input.reason']);
    const reissued = await hub.queryAs('accreditation_officer', 'AL', REISSUE, { input: { practitionerId, programCode: 'AD-VA-1', validMonths: 24, reason: 'Assessment repeated under supervision' } });
    expect(reissued.body.errors).toBeUndefined();
    expect(reissued.body.data.reissueCertificate).toMatchObject({ status: 'VALID', reissueOf: first.code, reissueReason: 'Assessment repeated under supervision' });
    expect((await hub.query(null, VERIFY, { code: reissued.body.data.reissueCertificate.code })).body.data.verifyCertificate.status).toBe('VALID');
    // In force again: neither an issue nor a re-issue.
    const twice = await hub.queryAs('accreditation_officer', 'AL', REISSUE, { input: { practitionerId, programCode: 'AD-VA-1', validMonths: 24, reason: 'Again' } });
    expect(code(twice)).toBe('CONFLICT');
    expect(twice.body.errors![0].message).toContain(reissued.body.data.reissueCertificate.code);

    // Me.practitioner: her own record, on her own token only.
    const ME = '{ me { subject practitioner { id name email } } }';
    const her = await as('law_enforcement', 'AL', ME, {}, undefined, { sub: 'arta@al.example' });
    expect(her.body.errors).toBeUndefined();
    expect(her.body.data.me.practitioner).toEqual({ id: practitionerId, name: 'Arta Shehu', email: 'arta@police.example' });
    for (const [role, jurisdiction] of [['judge', 'AL'], ['law_enforcement', 'ME']]) {
      const other = await as(role, jurisdiction, ME, {}, undefined, { sub: 'arta@al.example' });
      expect(other.body.data.me).toEqual({ subject: 'arta@al.example', practitioner: null });
    }
  });
});

describe('establishAccreditationBody: a registrar of one of its jurisdictions', () => {
  test.each([
    ['registrar', 'DE', 'A registrar of DE establishes only a body whose jurisdictions include DE'],
    ['accreditation_officer', 'AL', 'Only a registrar'],
    ['judge', 'AL', 'Only a registrar'],
    ['partner_system', 'AL', 'Only a registrar'],
  ])('%s of %s: FORBIDDEN naming the rule, through the gateway and on the subgraph, nothing written', async (role, jurisdiction, rule) => {
    for (const url of [undefined, direct()]) {
      const res = await as(role, jurisdiction, ESTABLISH, body('NX'), url);
      expect(code(res)).toBe('FORBIDDEN');
      expect(res.body.errors![0].message).toContain(rule);
    }
    expect((await hub.query(null, BODY, { id: 'NX' })).body.data.accreditationBody).toBeNull();
  });

  test('without a token: UNAUTHENTICATED, at the gateway and on the subgraph', async () => {
    for (const url of [undefined, direct()]) expect(code(await hub.query(null, ESTABLISH, body('NX'), url ? { url } : {}))).toBe('UNAUTHENTICATED');
  });

  test('every wrong field in one answer, nothing written', async () => {
    const res = await as('registrar', 'AL', ESTABLISH, { input: { id: 'IO', name: ' ', region: 'Adriatic', jurisdictions: ['AL', 'XX'] } });
    expect(paths(res)).toEqual(['input.id', 'input.name', 'input.jurisdictions[1]']);
    expect((await hub.query(null, '{ accreditationBodies { id } }')).body.data.accreditationBodies.map((b: { id: string }) => b.id)).not.toContain('IO');
  });

  test('an id taken: CONFLICT; two at once: exactly one wins, with one key', async () => {
    const both = await Promise.all([as('registrar', 'AL', ESTABLISH, body('TW')), as('registrar', 'ME', ESTABLISH, body('TW'))]);
    expect(both.map(code).sort()).toEqual(['CONFLICT', undefined]);
    const winner = both.find((r) => !r.body.errors)!.body.data.establishAccreditationBody;
    expect(readdirSync(path.join(hub.env.ACCREDITATION_KEY_DIR, 'TW'))).toEqual([`${winner.signingKeys[0].kid}.pem`]);
    expect(code(await as('registrar', 'AL', ESTABLISH, body('TW')))).toBe('CONFLICT');
  });
});

describe("programs: defined and retired by the body's accreditation officers", () => {
  beforeAll(async () => {
    for (const [id, jurisdictions] of [['PB', ['AL', 'ME']], ['QB', ['DE', 'AT']]] as const) {
      expect((await as('registrar', jurisdictions[0], ESTABLISH, body(id, [...jurisdictions]))).body.errors).toBeUndefined();
    }
  });

  test.each([
    ['accreditation_officer', 'DE', 'FORBIDDEN'],
    ['registrar', 'AL', 'FORBIDDEN'],
    ['judge', 'AL', 'FORBIDDEN'],
    ['partner_system', 'AL', 'FORBIDDEN'],
  ])('%s of %s may not define or retire a program of PB, through the gateway or on the subgraph', async (role, jurisdiction, expected) => {
    expect((await as('accreditation_officer', 'ME', DEFINE, { body: 'PB', input: program(`PB-${role.length}${jurisdiction}`) })).body.errors).toBeUndefined();
    for (const url of [undefined, direct()]) {
      expect(code(await as(role, jurisdiction, DEFINE, { body: 'PB', input: program('PB-NOT') }, url))).toBe(expected);
      expect(code(await as(role, jurisdiction, RETIRE, { code: `PB-${role.length}${jurisdiction}`, reason: 'No' }, url))).toBe(expected);
    }
    expect((await as('judge', 'AL', PROGRAM, { code: 'PB-NOT' })).body.data.trainingProgram).toBeNull();
    expect((await as('judge', 'AL', PROGRAM, { code: `PB-${role.length}${jurisdiction}` })).body.data.trainingProgram.retiredAt).toBeNull();
  });

  test('the rule names the body', async () => {
    const res = await as('accreditation_officer', 'DE', DEFINE, { body: 'PB', input: program('PB-NOT') });
    expect(res.body.errors![0].message).toContain('Only accreditation officers of Adriatic (AL, ME) act for Board PB');
  });

  test('without a token: UNAUTHENTICATED', async () => {
    for (const url of [undefined, direct()]) expect(code(await hub.query(null, DEFINE, { body: 'PB', input: program('PB-NOT') }, url ? { url } : {}))).toBe('UNAUTHENTICATED');
  });

  test('every wrong field in one answer; codes unique, module codes across programs; nothing written', async () => {
    expect((await as('accreditation_officer', 'AL', DEFINE, { body: 'PB', input: program('PB-FIRST') })).body.errors).toBeUndefined();
    const input = { ...program('PB-SECOND', [trainingModule('PB-S-M1', 0), trainingModule('PB-S-M1'), trainingModule('PB-FIRST-M2')]), passingScore: 120, title: '' };
    const res = await as('accreditation_officer', 'AL', DEFINE, { body: 'PB', input });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(paths(res)).toEqual(['input.title', 'input.passingScore', 'input.modules[0].hours', 'input.modules[1].code', 'input.modules[2].code']);
    expect(res.body.errors![0].message).toContain('PB-FIRST-M2 is already a module of PB-FIRST');
    expect((await as('judge', 'AL', PROGRAM, { code: 'PB-SECOND' })).body.data.trainingProgram).toBeNull();
    expect(paths(await as('accreditation_officer', 'AL', DEFINE, { body: 'PB', input: program('PB-FIRST', [trainingModule('PB-OTHER-M1')]) }))).toEqual(['input.code']);
  });

  test('two programs at once claiming one module code: exactly one is defined', async () => {
    const both = await Promise.all(['PB-RACE-A', 'PB-RACE-B'].map((c) => as('accreditation_officer', 'AL', DEFINE, { body: 'PB', input: program(c, [trainingModule('PB-RACE-M1')]) })));
    expect(both.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(code(both.find((r) => r.body.errors)!));
    const listed = await as('judge', 'AL', '{ trainingPrograms(bodyId: "PB") { code } }', {});
    expect(listed.body.data.trainingPrograms.filter((p: { code: string }) => p.code.startsWith('PB-RACE'))).toHaveLength(1);
  });

  test('a retired program takes no completions or certificates, keeps its certificates, and says so to readers', async () => {
    expect((await as('accreditation_officer', 'AL', DEFINE, { body: 'PB', input: program('PB-OLD') })).body.errors).toBeUndefined();
    const holder = await trained(['PB-OLD-M1', 'PB-OLD-M2']);
    const late = await trained(['PB-OLD-M1', 'PB-OLD-M2']);
    const issued = (await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: holder, program: 'PB-OLD', months: 24 })).body.data.issueCertificate;
    const retired = await as('accreditation_officer', 'ME', RETIRE, { code: 'PB-OLD', reason: 'Replaced by PB-NEW' });
    expect(retired.body.errors).toBeUndefined();
    expect((await as('judge', 'DE', PROGRAM, { code: 'PB-OLD' })).body.data.trainingProgram).toEqual({ code: 'PB-OLD', retiredAt: expect.any(String), retirementReason: 'Replaced by PB-NEW' });
    const completion = await hub.queryAs('accreditation_officer', 'AL', COMPLETE, { id: late, module: 'PB-OLD-M1', input: { completedOn: today(), score: 90, assessor: 'T' } });
    expect({ code: code(completion), paths: paths(completion) }).toEqual({ code: 'BAD_USER_INPUT', paths: ['moduleCode'] });
    expect(completion.body.errors![0].message).toContain('PB-OLD was retired on');
    const certificate = await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: late, program: 'PB-OLD', months: 24 });
    expect({ code: code(certificate), paths: paths(certificate) }).toEqual({ code: 'BAD_USER_INPUT', paths: ['programCode'] });
    expect((await hub.query(null, VERIFY, { code: issued.code })).body.data.verifyCertificate.status).toBe('VALID');
    expect(paths(await as('accreditation_officer', 'AL', RETIRE, { code: 'PB-OLD', reason: 'Again' }))).toEqual(['code']);
  });
});

describe('certificates: at most one in force per program and practitioner', () => {
  beforeAll(async () => {
    expect((await as('registrar', 'AL', ESTABLISH, body('CB'))).body.errors).toBeUndefined();
    expect((await as('accreditation_officer', 'AL', DEFINE, { body: 'CB', input: program('CB-1') })).body.errors).toBeUndefined();
  });
  const issue = (id: string) => hub.queryAs('accreditation_officer', 'AL', ISSUE, { id, program: 'CB-1', months: 24 });
  const certificatesOf = async (id: string) => (await hub.queryAs('accreditation_officer', 'AL', `query($id: ID!) { practitioner(id: $id) { certificates { code status } } }`, { id })).body.data.practitioner.certificates;

  test('two issued at once: one VALID, one CONFLICT; one certificate stored', async () => {
    const id = await trained(['CB-1-M1', 'CB-1-M2']);
    const both = await Promise.all([issue(id), issue(id)]);
    expect(both.map(code).sort()).toEqual(['CONFLICT', undefined]);
    expect(await certificatesOf(id)).toEqual([{ code: both.find((r) => !r.body.errors)!.body.data.issueCertificate.code, status: 'VALID' }]);
  });

  test('a SUSPENDED one is in force too: refused, naming it', async () => {
    const id = await trained(['CB-1-M1', 'CB-1-M2']);
    const { code: held } = (await issue(id)).body.data.issueCertificate;
    await hub.queryAs('accreditation_officer', 'AL', `mutation($code: String!) { suspendCertificate(code: $code, reason: "CPD") { code } }`, { code: held });
    const res = await issue(id);
    expect(code(res)).toBe('CONFLICT');
    expect(res.body.errors![0].message).toContain(`${held} of CB-1 (SUSPENDED)`);
  });

  test('two re-issues at once after a revocation: one wins; a re-issue with nothing revoked is refused', async () => {
    const id = await trained(['CB-1-M1', 'CB-1-M2']);
    const reissue = () => hub.queryAs('accreditation_officer', 'AL', REISSUE, { input: { practitionerId: id, programCode: 'CB-1', validMonths: 12, reason: 'Reassessed' } });
    expect(paths(await reissue())).toEqual(['input.programCode']);
    const { code: first } = (await issue(id)).body.data.issueCertificate;
    await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: first });
    const both = await Promise.all([reissue(), reissue()]);
    expect(both.map(code).sort()).toEqual(['CONFLICT', undefined]);
    expect((await certificatesOf(id)).map((c: { status: string }) => c.status)).toEqual(['REVOKED', 'VALID']);
  });

  test.each([
    ['accreditation_officer', 'DE'],
    ['judge', 'AL'],
    ['partner_system', 'AL'],
    ['registrar', 'AL'],
  ])('%s of %s may not re-issue (gateway and subgraph)', async (role, jurisdiction) => {
    const id = await trained(['CB-1-M1', 'CB-1-M2']);
    await hub.queryAs('accreditation_officer', 'AL', REVOKE, { code: (await issue(id)).body.data.issueCertificate.code });
    for (const url of [undefined, direct()]) {
      const res = await as(role, jurisdiction, REISSUE, { input: { practitionerId: id, programCode: 'CB-1', validMonths: 12, reason: 'Reassessed' } }, url);
      expect(errorCodes(res.body)).toEqual({ reissueCertificate: 'FORBIDDEN' });
    }
    expect(code(await hub.query(null, REISSUE, { input: { practitionerId: id, programCode: 'CB-1', validMonths: 12, reason: 'Reassessed' } }))).toBe('UNAUTHENTICATED');
  });

  test('an expired certificate no longer holds the place: a new one is issued', async () => {
    const id = await trained(['CB-1-M1', 'CB-1-M2']);
    expect((await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id, program: 'CB-1', months: 1 })).body.errors).toBeUndefined();
    hub.clock.advance(40 * 86_400_000);
    try {
      expect((await issue(id)).body.errors).toBeUndefined();
    } finally {
      hub.clock.reset();
    }
  });
});
