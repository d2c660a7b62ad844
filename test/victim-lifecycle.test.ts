import { randomBytes } from 'node:crypto';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// The victim record after registration, through the gateway and on the victims subgraph
// directly: updateVictim, identifyVictim, the screening history, victimByCaseReference.

const UPDATE = `mutation($victimId: ID!, $input: UpdateVictimInput!) { updateVictim(victimId: $victimId, input: $input) { id contactPhone currentLocality vulnerabilities languages } }`;
const IDENTIFY = `mutation($victimId: ID!, $input: IdentifyVictimInput!) { identifyVictim(victimId: $victimId, input: $input) {
  id status identification { basis note identifiedOn identifiedBy identifiedByRole } } }`;
const SCREEN = `mutation($victimId: ID!, $input: RecordScreeningInput!) { recordScreening(victimId: $victimId, input: $input) { id } }`;
const HISTORY = `query($id: ID!) { victim(id: $id) { screening { screenedAt indicators { code } recordedBy } screenings { screenedAt indicators { code } recordedAt recordedBy } } }`;
const BY_REFERENCE = `query($ref: String!) { victimByCaseReference(caseReference: $ref) { id caseReference status } }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
}, 180_000);
afterAll(() => hub.stop());

const stored = (id: string) => hub.subgraphs.victims.connection.collection<Record<string, any>>('victims').findOne({ _id: id as never });
const events = (id: string, action: string) => hub.subgraphs.victims.audit.events({ subjectId: id, action });
const unknownId = () => randomBytes(16).toString('base64url');
/** An answer with the ids asked for taken out: two answers that differ only in them are the same answer. */
const shown = (res: GraphQLResponse, id: string) => JSON.stringify({ status: res.status, body: res.body }).split(id).join('<id>');
const direct = () => ({ url: hub.subgraphs.victims.url });

describe('updateVictim', () => {
  it('changes only the fields given, and audits exactly those for the purpose stated', async () => {
    const id = await registerVictim(hub, 'DE', { currentLocality: 'Berlin', vulnerabilities: ['PREGNANCY'] });
    const res = await hub.query(await hub.token('social_worker', 'DE'), UPDATE, { victimId: id, input: { currentLocality: 'Leipzig' } }, { headers: { 'x-purpose': 'VICTIM_SUPPORT' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateVictim).toEqual({ id, contactPhone: '+380501234567', currentLocality: 'Leipzig', vulnerabilities: ['PREGNANCY'], languages: ['uk'] });
    const [event] = await events(id, 'VICTIM_UPDATED');
    expect(event).toMatchObject({ fields: ['currentLocality'], role: 'social_worker', purpose: 'VICTIM_SUPPORT' });
  });

  it('null removes the phone; lists given replace the lists; law enforcement of the jurisdiction may too', async () => {
    const id = await registerVictim(hub, 'DE');
    const res = await hub.query(await hub.token('law_enforcement', 'DE'), UPDATE, { victimId: id, input: { contactPhone: null, languages: ['ru', 'de'], vulnerabilities: [] } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateVictim).toMatchObject({ contactPhone: null, languages: ['ru', 'de'], vulnerabilities: [] });
    expect((await events(id, 'VICTIM_UPDATED'))[0].fields).toEqual(['contactPhone', 'languages', 'vulnerabilities']);
  });

  it('other roles are refused; another jurisdiction gets the answer of an unknown id, at the gateway and at the subgraph', async () => {
    const id = await registerVictim(hub, 'DE');
    const input = { currentLocality: 'Hamburg' };
    for (const role of ['prosecutor', 'judge', 'legal_aid_attorney', 'shelter_staff', 'partner_system', 'auditor', 'registrar']) {
      const res = await hub.queryAs(role, 'DE', UPDATE, { victimId: id, input });
      expect({ role, codes: errorCodes(res.body) }).toEqual({ role, codes: { updateVictim: 'FORBIDDEN' } });
    }
    const foreign = await hub.token('social_worker', 'FR');
    for (const options of [{}, direct()]) {
      const other = unknownId();
      const [real, unknown] = [await hub.query(foreign, UPDATE, { victimId: id, input }, options), await hub.query(foreign, UPDATE, { victimId: other, input }, options)];
      expect(errorCodes(real.body)).toEqual({ updateVictim: 'NOT_FOUND' });
      expect(shown(real, id)).toEqual(shown(unknown, other));
    }
    expect(errorCodes((await hub.query(null, UPDATE, { victimId: id, input }, direct())).body)).toEqual({ updateVictim: 'UNAUTHENTICATED' });
    expect((await stored(id))!.currentLocality).toBeNull();
  });

  it('names every wrong field in one answer and writes nothing; an empty input is refused', async () => {
    const id = await registerVictim(hub, 'DE');
    const token = await hub.token('social_worker', 'DE');
    const before = await stored(id);
    const res = await hub.query(token, UPDATE, { victimId: id, input: { contactPhone: '0151 123', currentLocality: '  ', languages: ['de', 'German'] } });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.contactPhone', 'input.currentLocality', 'input.languages[1]']);
    const empty = await hub.query(token, UPDATE, { victimId: id, input: {} });
    expect(empty.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(await stored(id)).toEqual(before);
    expect(await events(id, 'VICTIM_UPDATED')).toEqual([]);
  });
});

describe('a closed record', () => {
  it('is not updated (CONFLICT), and erasure removes its identification and screenings with the rest', async () => {
    const id = await registerVictim(hub, 'DE');
    await hub.queryAs('law_enforcement', 'DE', IDENTIFY, { victimId: id, input: { basis: 'COURT_FINDING', note: 'Judgment of 3 March' } });
    await hub.queryAs('social_worker', 'DE', SCREEN, { victimId: id, input: { observedIndicators: ['CR_VIOLENCE'], assessor: 'A', formVersion: '1' } });
    const close = await hub.queryAs('social_worker', 'DE', `mutation($id: ID!) { closeVictimRecord(victimId: $id, reason: "Returned home") { status } }`, { id });
    expect(close.body.errors).toBeUndefined();
    const res = await hub.queryAs('social_worker', 'DE', UPDATE, { victimId: id, input: { currentLocality: 'Dresden' } });
    expect(errorCodes(res.body)).toEqual({ updateVictim: 'CONFLICT' });
    expect((await stored(id))!.currentLocality).toBeNull();
    const erase = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { eraseVictimData(victimId: $id, legalBasis: "GDPR Art. 17") { status } }`, { id });
    expect(erase.body.errors).toBeUndefined();
    expect(await stored(id)).toMatchObject({ status: 'CLOSED', identification: null, screenings: [] });
  });

  it('takes no screening, no recovery period and no consent (CONFLICT), and is not reopened', async () => {
    const id = await registerVictim(hub, 'DE');
    await hub.queryAs('social_worker', 'DE', `mutation($id: ID!) { closeVictimRecord(victimId: $id, reason: "Returned home") { status } }`, { id });
    const before = await stored(id);
    const screen = await hub.queryAs('social_worker', 'DE', SCREEN, { victimId: id, input: { observedIndicators: ['CR_VIOLENCE'], assessor: 'A', formVersion: '1' } });
    const recovery = await hub.queryAs('social_worker', 'DE', `mutation($id: ID!) { startRecoveryPeriod(victimId: $id) { status } }`, { id });
    const consent = await hub.queryAs(
      'social_worker',
      'DE',
      `mutation($id: ID!, $input: GrantConsentInput!) { grantConsent(victimId: $id, input: $input) { id } }`,
      { id, input: { categories: ['IDENTITY'], granteeJurisdictions: ['AT'], purposes: ['VICTIM_SUPPORT'] } },
    );
    expect([errorCodes(screen.body), errorCodes(recovery.body), errorCodes(consent.body)]).toEqual([
      { recordScreening: 'CONFLICT' },
      { startRecoveryPeriod: 'CONFLICT' },
      { grantConsent: 'CONFLICT' },
    ]);
    // Each names the argument whose record is closed (npm run fuzz found CONFLICTs naming nothing).
    expect([screen, recovery, consent].map((res) => res.body.errors![0].extensions!.field)).toEqual(['victimId', 'victimId', 'victimId']);
    expect(await stored(id)).toEqual(before);
    expect(await hub.subgraphs.victims.connection.collection('consents').countDocuments({ victimId: id })).toBe(0);
  });
});

describe('identifyVictim', () => {
  const input = { basis: 'FORMAL_IDENTIFICATION_BY_AUTHORITY', note: 'Decision 12/2026 of the national coordinator', identifiedOn: '2026-01-15' };

  it('PRESUMED → IDENTIFIED with the basis, the day and who, audited; a second time is a CONFLICT naming the status', async () => {
    const id = await registerVictim(hub, 'DE');
    const police = await hub.token('law_enforcement', 'DE', { sub: 'officer-17' });
    const res = await hub.query(police, IDENTIFY, { victimId: id, input }, { headers: { 'x-purpose': 'CRIMINAL_INVESTIGATION' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.identifyVictim).toEqual({
      id,
      status: 'IDENTIFIED',
      identification: { basis: input.basis, note: input.note, identifiedOn: '2026-01-15', identifiedBy: 'officer-17', identifiedByRole: 'law_enforcement' },
    });
    expect(await events(id, 'VICTIM_IDENTIFIED')).toMatchObject([{ fields: ['identification', 'status'], purpose: 'CRIMINAL_INVESTIGATION' }]);
    const again = await hub.queryAs('prosecutor', 'DE', IDENTIFY, { victimId: id, input });
    expect(errorCodes(again.body)).toEqual({ identifyVictim: 'CONFLICT' });
    expect(again.body.errors![0].message).toContain('this victim is IDENTIFIED');
  });

  it('a presumed victim in her recovery period can be identified (CoE Art. 13: the period comes before identification is complete), and keeps the period', async () => {
    const id = await registerVictim(hub, 'DE');
    const recovery = await hub.queryAs('social_worker', 'DE', `mutation($id: ID!) { startRecoveryPeriod(victimId: $id, input: { days: 90 }) { status } }`, { id });
    expect(recovery.body.data.startRecoveryPeriod.status).toBe('IN_RECOVERY_PERIOD');
    const res = await hub.queryAs('social_worker', 'DE', IDENTIFY, { victimId: id, input: { basis: 'MULTI_AGENCY_ASSESSMENT' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.identifyVictim.status).toBe('IDENTIFIED');
    expect((await stored(id))!.recoveryPeriod).toMatchObject({ days: 90 });
    // A recovery period started for an identified victim leaves her IDENTIFIED.
    const later = await hub.queryAs('social_worker', 'DE', `mutation($id: ID!) { startRecoveryPeriod(victimId: $id, input: { days: 60 }) { status } }`, { id });
    expect(later.body.data.startRecoveryPeriod.status).toBe('IDENTIFIED');
  });

  it('of two identifications at once, exactly one is applied', async () => {
    const id = await registerVictim(hub, 'DE');
    const answers = await Promise.all([
      hub.queryAs('law_enforcement', 'DE', IDENTIFY, { victimId: id, input: { basis: 'CRIMINAL_INVESTIGATION_FINDING' } }),
      hub.queryAs('social_worker', 'DE', IDENTIFY, { victimId: id, input: { basis: 'MULTI_AGENCY_ASSESSMENT' } }),
    ]);
    const codes = answers.map((res) => errorCodes(res.body).identifyVictim ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = answers.find((res) => !res.body.errors)!.body.data.identifyVictim.identification.basis;
    expect((await stored(id))!.identification.basis).toBe(winner);
  });

  it('prosecutors and social workers of the jurisdiction may; other roles are refused; another jurisdiction gets the answer of an unknown id', async () => {
    for (const role of ['prosecutor', 'social_worker']) {
      const res = await hub.queryAs(role, 'DE', IDENTIFY, { victimId: await registerVictim(hub, 'DE'), input });
      expect({ role, errors: res.body.errors, status: res.body.data?.identifyVictim?.status }).toEqual({ role, errors: undefined, status: 'IDENTIFIED' });
    }
    const id = await registerVictim(hub, 'DE');
    for (const role of ['judge', 'legal_aid_attorney', 'shelter_staff', 'partner_system', 'auditor', 'registrar']) {
      expect({ role, codes: errorCodes((await hub.queryAs(role, 'DE', IDENTIFY, { victimId: id, input })).body) }).toEqual({ role, codes: { identifyVictim: 'FORBIDDEN' } });
    }
    const foreign = await hub.token('law_enforcement', 'AT');
    for (const options of [{}, direct()]) {
      const other = unknownId();
      const [real, unknown] = [await hub.query(foreign, IDENTIFY, { victimId: id, input }, options), await hub.query(foreign, IDENTIFY, { victimId: other, input }, options)];
      expect(errorCodes(real.body)).toEqual({ identifyVictim: 'NOT_FOUND' });
      expect(shown(real, id)).toEqual(shown(unknown, other));
    }
    expect((await stored(id))!.status).toBe('PRESUMED');
  });

  it('names a future day and an overlong note in one answer and changes nothing', async () => {
    const id = await registerVictim(hub, 'DE');
    const res = await hub.queryAs('law_enforcement', 'DE', IDENTIFY, { victimId: id, input: { basis: 'COURT_FINDING', note: 'x'.repeat(501), identifiedOn: `${new Date().getUTCFullYear() + 1}-01-01` } });
    expect(res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.note', 'input.identifiedOn']);
    expect((await stored(id))!.status).toBe('PRESUMED');
    expect(await events(id, 'VICTIM_IDENTIFIED')).toEqual([]);
  });
});

describe('the screening history', () => {
  const first = { observedIndicators: ['DR_NATURE_OF_JOB', 'EC_EXCESSIVE_HOURS', 'CD_DOCUMENTS', 'CD_VIOLENCE'], assessor: 'A. First', formVersion: '1', screenedAt: '2026-01-10T09:00:00Z' };
  const second = { observedIndicators: ['CR_VIOLENCE'], assessor: 'B. Second', formVersion: '2', screenedAt: '2026-02-10T09:00:00Z' };

  it('keeps every screening, newest first; `screening` is the newest; each says who recorded it and when', async () => {
    const id = await registerVictim(hub, 'DE');
    const sw = await hub.token('social_worker', 'DE', { sub: 'sw-anna' });
    for (const input of [first, second]) expect((await hub.query(sw, SCREEN, { victimId: id, input })).body.errors).toBeUndefined();
    // Recorded last, screened first: it goes last in the history.
    const earlier = { ...first, assessor: 'C. Earlier', screenedAt: '2025-12-01T09:00:00Z' };
    expect((await hub.query(sw, SCREEN, { victimId: id, input: earlier })).body.errors).toBeUndefined();
    const res = await hub.query(sw, HISTORY, { id });
    expect(res.body.errors).toBeUndefined();
    const { screening, screenings } = res.body.data.victim;
    expect(screenings.map((s: { screenedAt: string }) => s.screenedAt)).toEqual(['2026-02-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z', '2025-12-01T09:00:00.000Z']);
    expect(screenings[1].indicators.map((i: { code: string }) => i.code)).toEqual(first.observedIndicators);
    expect(screening).toEqual({ screenedAt: screenings[0].screenedAt, indicators: [{ code: 'CR_VIOLENCE' }], recordedBy: 'sw-anna' });
    for (const s of screenings) expect(Date.parse(s.recordedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it('keeps at most 100: the 101st is a CONFLICT that changes nothing', async () => {
    const id = await registerVictim(hub, 'DE');
    const one = { screenedAt: new Date('2025-06-01T08:00:00Z'), assessor: 'Old', formVersion: '1', indicatorCodes: ['CR_VIOLENCE'], recordedBy: 'seed' };
    await hub.subgraphs.victims.connection.collection('victims').updateOne({ _id: id as never }, { $set: { screenings: Array.from({ length: 100 }, () => one) } });
    const res = await hub.queryAs('social_worker', 'DE', SCREEN, { victimId: id, input: second });
    expect(errorCodes(res.body)).toEqual({ recordScreening: 'CONFLICT' });
    expect((await stored(id))!.screenings).toHaveLength(100);
    const shownNow = await hub.queryAs('social_worker', 'DE', `query($id: ID!) { victim(id: $id) { screenings { formVersion } } }`, { id });
    expect(shownNow.body.data.victim.screenings).toHaveLength(20);
  });

  it('a record from before the history, with its one screening, has a history of one', async () => {
    const id = await registerVictim(hub, 'DE');
    const old = { screenedAt: new Date('2025-06-01T08:00:00Z'), assessor: 'Old', formVersion: '1', indicatorCodes: ['CR_VIOLENCE'], recordedBy: 'seed' };
    await hub.subgraphs.victims.connection.collection('victims').updateOne({ _id: id as never }, { $set: { screenings: [old] } });
    const res = await hub.queryAs('social_worker', 'DE', HISTORY, { id });
    expect(res.body.data.victim.screenings).toEqual([{ screenedAt: '2025-06-01T08:00:00.000Z', indicators: [{ code: 'CR_VIOLENCE' }], recordedAt: '2025-06-01T08:00:00.000Z', recordedBy: 'seed' }]);
  });

  it('is TESTIMONY like `screening`: refused to roles without it, each denial at its own path', async () => {
    const id = await registerVictim(hub, 'DE');
    await hub.queryAs('social_worker', 'DE', SCREEN, { victimId: id, input: second });
    const res = await hub.queryAs('shelter_staff', 'DE', `query($id: ID!) { victim(id: $id) { status screening { formVersion } screenings { formVersion } } }`, { id });
    expect(res.body.data.victim).toEqual({ status: 'PRESUMED', screening: null, screenings: null });
    expect(errorCodes(res.body)).toEqual({ 'victim.screening': 'FORBIDDEN', 'victim.screenings': 'FORBIDDEN' });
  });
});

describe('victimByCaseReference', () => {
  let id: string;
  let reference: string;
  beforeAll(async () => {
    id = await registerVictim(hub, 'DE');
    reference = (await stored(id))!.caseReference;
  });

  it('finds the victim of the own jurisdiction, typed as a caller may type it', async () => {
    for (const ref of [reference, ` ${reference.toLowerCase()} `]) {
      const res = await hub.queryAs('partner_system', 'DE', BY_REFERENCE, { ref });
      expect(res.body).toEqual({ data: { victimByCaseReference: { id, caseReference: reference, status: 'PRESUMED' } } });
    }
  });

  it('another jurisdiction gets exactly the answer of an unknown reference, at the gateway and at the subgraph', async () => {
    const unknown = `DE-2026-${'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.slice(0, 6)}`;
    expect(unknown).not.toBe(reference);
    const foreign = await hub.token('social_worker', 'FR');
    for (const options of [{}, direct()]) {
      const [real, none] = [await hub.query(foreign, BY_REFERENCE, { ref: reference }, options), await hub.query(foreign, BY_REFERENCE, { ref: unknown }, options)];
      expect(real.body).toEqual({ data: { victimByCaseReference: null } });
      expect(JSON.stringify(real)).toEqual(JSON.stringify(none));
    }
  });

  it('a jurisdiction an active consent names finds it', async () => {
    const shared = await registerVictim(hub, 'DE');
    await grantConsent(hub, shared, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['AT'] });
    const ref = (await stored(shared))!.caseReference;
    const res = await hub.queryAs('social_worker', 'AT', BY_REFERENCE, { ref });
    expect(res.body.data.victimByCaseReference).toEqual({ id: shared, caseReference: ref, status: 'PRESUMED' });
  });

  it('a malformed reference is BAD_USER_INPUT naming it; no token is UNAUTHENTICATED', async () => {
    for (const ref of ['', 'DE-2026', 'DE-2026-ABC$EF', '{"$ne": null}']) {
      const res = await hub.queryAs('social_worker', 'DE', BY_REFERENCE, { ref });
      expect({ ref, codes: errorCodes(res.body), field: res.body.errors?.[0].extensions?.field }).toEqual({ ref, codes: { victimByCaseReference: 'BAD_USER_INPUT' }, field: 'caseReference' });
    }
    expect(errorCodes((await hub.query(null, BY_REFERENCE, { ref: reference })).body)).toEqual({ victimByCaseReference: 'UNAUTHENTICATED' });
  });
});
