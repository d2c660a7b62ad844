import { SUBGRAPHS } from '../subgraphs/registry';
import { createHmac } from 'node:crypto';
import type { Role } from '../platform/auth';
import { eventsOf, type StoredLink } from '../subgraphs/common/audit';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { startSubgraphProcess } from './support/process';
import { grantConsent, registerVictim } from './support/victims';

// The hash-chained audit trail: what a read or a change writes, who may read the trail,
// tamper detection, and a chain that stays linear under concurrent writers in two processes.

const VICTIM = `query($id: ID!) { victim(id: $id) { caseReference legalName dateOfBirth contactPhone vulnerabilities } }`;
const TRAIL = `query($id: ID!) { auditTrail(subjectType: "Victim", subjectId: $id) { events(first: 100) { edges { node {
  sequence at actor role jurisdiction org purpose action subjectId fields deniedFields decision hash prevHash
} } } } }`;
const VERIFY = `{ auditChain(service: "victims") { verify { valid events firstBrokenAt } } }`;
const TRAIL_OF = `query($id: ID!) { auditTrail(subjectType: "Victim", subjectId: $id) { events { totalCount } } }`;

let hub: TestHub;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const auditEvents = () => hub.subgraphs.victims.audit.model;
const headSequence = async () => (await auditEvents().findOne().sort({ sequence: -1 }).lean())?.sequence ?? 0;
/** Links stored after `sequence`, oldest first, straight from the database. */
const linksAfter = async (sequence: number) => (await auditEvents().find({ sequence: { $gt: sequence } }).sort({ sequence: 1 }).lean()) as StoredLink[];
/** Their events, in order. */
const eventsAfter = async (sequence: number) => (await linksAfter(sequence)).flatMap(eventsOf);

async function read(role: Role, jurisdiction: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, sub?: string) {
  return hub.query(await hub.token(role, jurisdiction, sub ? { sub } : {}), query, variables, { headers });
}
/** An auditor of a regional body overseeing every jurisdiction these tests register victims in. */
const regionalAuditor = () => hub.issuer.sign({ role: 'auditor', jurisdiction: 'DE', oversees: ['DE', 'ES', 'PL', 'PT'] });
async function trail(victimId: string) {
  const res = await hub.query(await regionalAuditor(), TRAIL, { id: victimId });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.auditTrail.events.edges.map((edge: { node: unknown }) => edge.node) as Array<Record<string, any>>;
}
async function verifyChain() {
  const res = await hub.query(await hub.token('auditor', 'DE'), VERIFY);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.auditChain.verify as { valid: boolean; events: number; firstBrokenAt: number | null };
}

describe('reading protected victim fields', () => {
  it('writes one ALLOW event with actor, role, jurisdiction and purpose when every field is released', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const since = await headSequence();
    const res = await read('judge', 'DE', VICTIM, { id: victimId }, { 'x-purpose': 'ADJUDICATION' }, 'judge-4711');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.victim.legalName).toBe('Test Person');

    const stored = await eventsAfter(since);
    expect(stored).toHaveLength(1);
    const [event] = await trail(victimId).then((events) => events.filter((e) => e.action === 'READ'));
    expect(event).toEqual({
      sequence: since + 1,
      at: expect.any(String),
      actor: 'judge-4711',
      role: 'judge',
      jurisdiction: 'DE',
      org: expect.any(String),
      purpose: 'ADJUDICATION',
      action: 'READ',
      subjectId: victimId,
      fields: ['contactPhone', 'dateOfBirth', 'legalName', 'vulnerabilities'],
      deniedFields: [],
      decision: 'ALLOW',
      hash: stored[0].hash,
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('writes a DENY event listing the denied fields next to the allowed ones', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const since = await headSequence();
    const res = await read('shelter_staff', 'DE', VICTIM, { id: victimId }, { 'x-purpose': 'SHELTER_PLACEMENT' }, 'shelter-9');
    expect(errorCodes(res.body)).toEqual({ 'victim.legalName': 'FORBIDDEN', 'victim.dateOfBirth': 'FORBIDDEN', 'victim.contactPhone': 'FORBIDDEN' });

    const stored = await eventsAfter(since);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      action: 'READ',
      subjectId: victimId,
      actor: 'shelter-9',
      role: 'shelter_staff',
      jurisdiction: 'DE',
      purpose: 'SHELTER_PLACEMENT',
      fields: ['contactPhone', 'dateOfBirth', 'legalName', 'vulnerabilities'],
      deniedFields: ['contactPhone', 'dateOfBirth', 'legalName'],
      decision: 'DENY',
    });
  });

  it('records a foreign read, its CASE fields included, and a missing purpose as null', async () => {
    const victimId = await registerVictim(hub, 'DE');
    await grantConsent(hub, victimId, 'DE', { categories: ['TESTIMONY'], granteeJurisdictions: ['FR'] });
    const since = await headSequence();
    await read('prosecutor', 'FR', VICTIM, { id: victimId }, { 'x-purpose': '' });
    const [event, ...more] = await eventsAfter(since);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ role: 'prosecutor', jurisdiction: 'FR', purpose: null, decision: 'DENY' });
    expect(event.fields).toEqual(['caseReference', 'contactPhone', 'dateOfBirth', 'legalName', 'vulnerabilities']);
    expect(event.deniedFields).toEqual(['contactPhone', 'dateOfBirth', 'legalName', 'vulnerabilities']);
  });

  it('a foreign victim with no consent naming the caller is not there at all, and nothing is logged of it', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const since = await headSequence();
    const res = await read('prosecutor', 'FR', VICTIM, { id: victimId });
    expect(res.body).toEqual({ data: { victim: null } });
    expect(await eventsAfter(since)).toEqual([]);
  });

  it('writes one event per victim per request, however often the victim appears in it', async () => {
    const [first, second] = [await registerVictim(hub, 'DE'), await registerVictim(hub, 'DE')];
    const since = await headSequence();
    await read(
      'social_worker',
      'DE',
      `query($a: ID!, $b: ID!) { one: victim(id: $a) { legalName } again: victim(id: $a) { contactPhone } other: victim(id: $b) { dateOfBirth } }`,
      { a: first, b: second },
    );
    const stored = await eventsAfter(since);
    expect(stored.map((e) => [e.subjectId, e.fields])).toEqual(
      expect.arrayContaining([
        [first, ['contactPhone', 'legalName']],
        [second, ['dateOfBirth']],
      ]),
    );
    expect(stored).toHaveLength(2);
  });

  it('writes no READ event when only CASE fields are read', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const since = await headSequence();
    const res = await read('partner_system', 'DE', `query($id: ID!) { victim(id: $id) { id caseReference status gender nationality languages } }`, { id: victimId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.victim.caseReference).toEqual(expect.any(String));
    expect(await eventsAfter(since)).toEqual([]);
  });

  it('a list over N victims writes N events, one per victim, in one link of the chain', async () => {
    const ids = [await registerVictim(hub, 'PL'), await registerVictim(hub, 'PL'), await registerVictim(hub, 'PL')];
    const since = await headSequence();
    const res = await read('law_enforcement', 'PL', `{ victims(first: 10) { edges { node { id legalName } } } }`, {}, { 'x-purpose': 'CRIMINAL_INVESTIGATION' });
    expect(res.body.data.victims.edges.map((e: any) => e.node.id).sort()).toEqual([...ids].sort());

    const stored = await eventsAfter(since);
    expect(stored.map((e) => e.subjectId).sort()).toEqual([...ids].sort());
    for (const event of stored) expect(event).toMatchObject({ action: 'READ', fields: ['legalName'], decision: 'ALLOW', purpose: 'CRIMINAL_INVESTIGATION' });
    // One write for the page: a link whose events each hash on the one before it.
    const [link, ...more] = await linksAfter(since);
    expect(more).toEqual([]);
    expect(link.partHashes).toEqual(stored.map((e) => e.hash));
    expect(stored.map((e) => e.prevHash)).toEqual([link.prevHash, ...stored.slice(0, -1).map((e) => e.hash)]);
    // Each victim's trail still shows her own event, as before.
    for (const id of ids) {
      const own = stored.find((e) => e.subjectId === id)!;
      expect((await trail(id)).filter((e) => e.action === 'READ')).toEqual([expect.objectContaining({ sequence: link.sequence, subjectId: id, prevHash: own.prevHash, hash: own.hash })]);
    }
  });
});

describe('changes', () => {
  it('registerVictim, grantConsent and withdrawConsent each write a change event, without the data itself', async () => {
    const since = await headSequence();
    const victimId = await registerVictim(hub, 'DE', { legalName: 'Olena Kovalenko' });
    const consentId = await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY', 'CONTACT'], granteeJurisdictions: ['AT'] });
    const withdrawal = await hub.query(await hub.token('social_worker', 'DE'), `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: consentId });
    expect(withdrawal.body.errors).toBeUndefined();

    const stored = await eventsAfter(since);
    expect(stored.map((e) => [e.action, e.subjectId, e.role, e.decision])).toEqual([
      ['REGISTER', victimId, 'social_worker', 'ALLOW'],
      ['CONSENT_GRANTED', victimId, 'social_worker', 'ALLOW'],
      ['CONSENT_WITHDRAWN', victimId, 'social_worker', 'ALLOW'],
    ]);
    expect(stored[0].fields).toEqual(expect.arrayContaining(['legalName', 'dateOfBirth', 'contactPhone']));
    expect(stored[1].fields).toEqual(['IDENTITY', 'CONTACT']);
    expect(stored[2].fields).toEqual(['IDENTITY', 'CONTACT']);
    expect(JSON.stringify(stored)).not.toContain('Olena');
    expect((await trail(victimId)).map((e) => e.action)).toEqual(['REGISTER', 'CONSENT_GRANTED', 'CONSENT_WITHDRAWN']);
  });
});

describe('writes are never unaudited: either no change, or the change and its event', () => {
  const models = () => hub.subgraphs.victims.connection.models;
  const SCREEN = `mutation($id: ID!) { recordScreening(victimId: $id, input: { observedIndicators: ["CR_VIOLENCE"], assessor: "A", formVersion: "1" }) { id } }`;
  const RECOVER = `mutation($id: ID!) { startRecoveryPeriod(victimId: $id, input: { days: 30 }) { id } }`;
  const GRANT = `mutation($id: ID!) { grantConsent(victimId: $id, input: { categories: [HEALTH], granteeJurisdictions: ["AT"], purposes: [VICTIM_SUPPORT] }) { id } }`;
  const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`;
  const REGISTER = `mutation { registerVictim(input: { legalName: "Never Stored", nationality: "UA", gender: FEMALE }) { victim { id } } }`;

  /** Each mutation: how to run it on a fresh victim, what its data looks like, and the store it writes to. */
  const mutations = [
    { name: 'registerVictim', action: 'REGISTER', write: () => models().Victim, setUp: async () => '', run: () => REGISTER, state: async () => models().Victim.countDocuments({ legalName: 'Never Stored' }) },
    { name: 'recordScreening', action: 'SCREENING_RECORDED', write: () => models().Victim, setUp: () => registerVictim(hub, 'DE'), run: () => SCREEN, state: async (id: string) => (await models().Victim.findById(id).lean())!.screenings.length },
    { name: 'startRecoveryPeriod', action: 'RECOVERY_PERIOD_STARTED', write: () => models().Victim, setUp: () => registerVictim(hub, 'DE'), run: () => RECOVER, state: async (id: string) => (await models().Victim.findById(id).lean())!.status },
    { name: 'grantConsent', action: 'CONSENT_GRANTED', write: () => models().Consent, setUp: () => registerVictim(hub, 'DE'), run: () => GRANT, state: async (id: string) => models().Consent.countDocuments({ victimId: id }) },
    {
      name: 'withdrawConsent',
      action: 'CONSENT_WITHDRAWN',
      write: () => models().Consent,
      setUp: async () => grantConsent(hub, await registerVictim(hub, 'DE'), 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'] }),
      run: () => WITHDRAW,
      state: async (id: string) => (await models().Consent.findById(id).lean())!.withdrawnAt,
    },
  ];
  afterEach(() => jest.restoreAllMocks());

  it('a read of protected fields whose event cannot be written releases nothing', async () => {
    const victimId = await registerVictim(hub, 'DE', { legalName: 'Kept Secret' });
    jest.spyOn(auditEvents().collection, 'insertMany').mockRejectedValueOnce(new Error('audit store unavailable'));
    const res = await read('judge', 'DE', VICTIM, { id: victimId });
    expect(JSON.stringify(res.body)).not.toContain('Kept Secret');
    expect(res.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it("a read whose event cannot be written because the database is gone releases nothing, and says the service is unavailable", async () => {
    const victimId = await registerVictim(hub, 'DE', { legalName: 'Kept Secret Too' });
    // The driver's error when the connection dies under the write (what `npm run chaos` met killing the database).
    jest.spyOn(auditEvents().collection, 'insertMany').mockRejectedValueOnce(Object.assign(new Error('connection 4 to 127.0.0.1:27017 closed'), { name: 'MongoNetworkError' }));
    const res = await read('judge', 'DE', VICTIM, { id: victimId });
    expect(JSON.stringify(res.body)).not.toContain('Kept Secret Too');
    expect(res.status).toBe(200);
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE', serviceName: 'victims' }]);
  });

  test.each(mutations)('$name: when the audit store fails, the mutation fails and nothing is written', async ({ setUp, run, state }) => {
    const id = await setUp();
    const before = await state(id);
    const since = await headSequence();
    jest.spyOn(auditEvents().collection, 'insertMany').mockRejectedValueOnce(new Error('audit store unavailable'));
    const res = await hub.query(await hub.token('social_worker', 'DE'), run(), { id });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(await state(id)).toEqual(before);
    expect(await eventsAfter(since)).toEqual([]);
  });

  test.each(mutations)('$name: when the write fails after its event, a NOT_APPLIED event follows and nothing is written', async ({ action, write, setUp, run, state }) => {
    const id = await setUp();
    const before = await state(id);
    const since = await headSequence();
    const model = write();
    const method = action === 'REGISTER' || action === 'CONSENT_GRANTED' ? 'insertMany' : 'findOneAndUpdate';
    jest.spyOn(model, method as 'insertMany').mockImplementationOnce(() => {
      throw new Error('data store unavailable');
    });
    const res = await hub.query(await hub.token('social_worker', 'DE'), run(), { id });
    expect(res.body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await state(id)).toEqual(before);
    expect((await eventsAfter(since)).map((e) => e.action)).toEqual([action, `${action}_NOT_APPLIED`]);
  });
});

describe('duplicate detection', () => {
  it("telling a registrar that a record exists elsewhere goes into that other victim's trail", async () => {
    const person = { legalName: 'Amira Haddad', dateOfBirth: '1994-02-03', nationality: 'SY' };
    const first = await registerVictim(hub, 'ES', person);
    const res = await hub.query(
      await hub.token('law_enforcement', 'PT', { sub: 'officer-77' }),
      `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { possibleDuplicates { jurisdiction } } }`,
      { input: { ...person, legalName: 'HADDAD, Amira', gender: 'FEMALE' } },
    );
    expect(res.body.data.registerVictim.possibleDuplicates).toEqual([{ jurisdiction: 'ES' }]);
    const disclosed = (await trail(first)).filter((e) => e.action === 'DUPLICATE_MATCH_DISCLOSED');
    expect(disclosed).toEqual([
      expect.objectContaining({ actor: 'officer-77', role: 'law_enforcement', jurisdiction: 'PT', fields: ['caseReference', 'jurisdiction'] }),
    ]);
  });
});

describe('who reads the trail', () => {
  const NOT_AUDITORS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney', 'shelter_staff', 'accreditation_officer', 'partner_system'];
  let victimId: string;
  beforeAll(async () => {
    victimId = await registerVictim(hub, 'DE');
  });

  it('the auditor reads auditTrail and auditChain', async () => {
    expect((await trail(victimId)).map((e) => e.action)).toEqual(['REGISTER']);
    expect((await verifyChain()).valid).toBe(true);
  });

  test.each(NOT_AUDITORS)('%s is FORBIDDEN', async (role) => {
    const token = await hub.token(role, 'DE');
    const trailRes = await hub.query(token, TRAIL_OF, { id: victimId });
    const verifyRes = await hub.query(token, VERIFY);
    for (const res of [trailRes, verifyRes]) expect(res.body.data).toBeNull();
    expect(errorCodes(trailRes.body)).toEqual({ auditTrail: 'FORBIDDEN' });
    expect(errorCodes(verifyRes.body)).toEqual({ auditChain: 'FORBIDDEN' });
  });

  it('an anonymous caller is UNAUTHENTICATED', async () => {
    for (const query of [TRAIL_OF, VERIFY]) {
      const res = await hub.query(null, query, { id: victimId });
      expect(res.body.data ?? null).toBeNull();
      expect(Object.values(errorCodes(res.body))).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('one audit API for every subgraph', () => {
  const EVENT_FIELDS = 'sequence at actor role jurisdiction org issuer purpose action subjectType subjectId fields deniedFields decision bases prevHash hash';
  const CHAIN_PAGE = `query($after: String) { auditChain(service: "victims") { service links(first: 5, after: $after) {
    edges { node { sequence prevHash hash event { ${EVENT_FIELDS} } parts { prevHash hash event { ${EVENT_FIELDS} } } } } pageInfo { hasNextPage endCursor } totalCount } } }`;
  const TRAIL_PAGE = `query($id: ID!, $first: Int, $after: String) { auditTrail(subjectType: "Victim", subjectId: $id) {
    subjectType subjectId events(first: $first, after: $after) { edges { cursor node { sequence action } } pageInfo { hasNextPage endCursor } totalCount } } }`;
  /** The documented recipe (AuditEvent's description), from the API's fields and the deployment's chain key. */
  const recompute = (e: Record<string, any>) =>
    createHmac('sha256', hub.env.AUDIT_CHAIN_KEY)
      .update(JSON.stringify([e.sequence, e.at, e.actor, e.role, e.jurisdiction, e.org, e.issuer, e.purpose, e.action, e.subjectType, e.subjectId, e.fields, e.deniedFields, e.decision, e.bases, e.prevHash]))
      .digest('hex');

  it('an overseer checks every link of the chain from the API alone, and recomputes the events in its oversight', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const elsewhere = await registerVictim(hub, 'PT');
    await read('judge', 'DE', VICTIM, { id: victimId }, { 'x-purpose': 'ADJUDICATION' });
    for (const role of ['prosecutor', 'partner_system', 'shelter_staff', 'social_worker', 'law_enforcement'] as Role[]) await read(role, 'DE', VICTIM, { id: victimId });
    // One request reading both: a link whose events lie in and outside a DE auditor's oversight.
    await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['PT'], purposes: ['PROSECUTION'] });
    const both = await read('prosecutor', 'PT', `query($a: ID!, $b: ID!) { a: victim(id: $a) { legalName } b: victim(id: $b) { legalName } }`, { a: victimId, b: elsewhere }, { 'x-purpose': 'PROSECUTION' });
    expect(both.body.data).toEqual({ a: { legalName: 'Test Person' }, b: { legalName: 'Test Person' } });
    const auditor = await hub.token('auditor', 'DE');
    const links: Array<Record<string, any>> = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const res = await hub.query(auditor, CHAIN_PAGE, { after });
      expect(res.body.errors).toBeUndefined();
      const page: any = res.body.data.auditChain.links;
      links.push(...page.edges.map((edge: { node: Record<string, any> }) => edge.node));
      totalCount = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(links.length).toBe(totalCount);
    expect(links.length).toBeGreaterThan(5); // more than one page
    let prevHash = '0'.repeat(64);
    links.forEach((link, i) => {
      expect({ sequence: link.sequence, prevHash: link.prevHash }).toEqual({ sequence: i + 1, prevHash });
      for (const part of link.parts) {
        expect(part.prevHash).toBe(prevHash);
        if (part.event) expect(recompute(part.event)).toBe(part.hash);
        prevHash = part.hash;
      }
      expect(link.hash).toBe(prevHash);
      expect(link.event).toEqual(link.parts.length === 1 ? link.parts[0].event : null);
    });
    const judgeRead = links.find((link) => link.event?.subjectId === victimId && link.event.action === 'READ')!;
    expect(judgeRead.event).toMatchObject({ subjectType: 'Victim', issuer: 'https://idp.north.example', purpose: 'ADJUDICATION' });
    // A victim of PT is outside a DE auditor's oversight: her events are hashes without content,
    // also in a link whose other event the auditor sees.
    const portuguese = (await eventsAfter(0)).filter((e) => e.subjectId === elsewhere);
    expect(portuguese.length).toBeGreaterThan(0);
    for (const event of portuguese) expect(links[event.sequence - 1].parts.find((part: any) => part.hash === event.hash).event).toBeNull();
    const mixed = links.find((link) => link.parts.length === 2 && link.parts.some((part: any) => part.event?.subjectId === victimId))!;
    expect(mixed.parts.map((part: any) => part.event?.subjectId ?? null)).toEqual(expect.arrayContaining([victimId, null]));
  });

  it("pages one subject's trail with first/after, with an exact totalCount", async () => {
    const victimId = await registerVictim(hub, 'DE');
    for (const role of ['judge', 'prosecutor', 'social_worker'] as Role[]) await read(role, 'DE', VICTIM, { id: victimId });
    const auditor = await hub.token('auditor', 'DE');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await hub.query(auditor, TRAIL_PAGE, { id: victimId, first: 3, after });
      expect(res.body.errors).toBeUndefined();
      const trail: any = res.body.data.auditTrail;
      if (!after) expect(trail).toMatchObject({ subjectType: 'Victim', subjectId: victimId, events: { totalCount: 4 } });
      seen.push(...trail.events.edges.map((edge: any) => edge.node.action));
      if (!trail.events.pageInfo.hasNextPage) break;
      after = trail.events.pageInfo.endCursor;
    }
    // The auditor's read of the first page is in the trail by the time the second is read.
    expect(seen).toEqual(['REGISTER', 'READ', 'READ', 'READ', 'AUDIT_TRAIL_READ']);
  });

  it("an auditor reads the trails of its oversight only: its own jurisdiction, or its regional body's", async () => {
    const victimId = await registerVictim(hub, 'AT');
    const FORBIDDEN_HERE = await hub.query(await hub.token('auditor', 'DE'), TRAIL_PAGE, { id: victimId, first: 5 });
    expect(errorCodes(FORBIDDEN_HERE.body)).toEqual({ 'auditTrail.events': 'FORBIDDEN' });
    expect(FORBIDDEN_HERE.body.errors![0].message).toBe(`Victim ${victimId} is not in the oversight of auditor in DE`);
    const unknown = await hub.query(await hub.token('auditor', 'DE'), TRAIL_PAGE, { id: '0'.repeat(24), first: 5 });
    expect(unknown.body.errors![0].message).toBe(`Victim ${'0'.repeat(24)} is not in the oversight of auditor in DE`);
    for (const token of [await hub.token('auditor', 'AT'), await hub.issuer.sign({ role: 'auditor', jurisdiction: 'DE', oversees: ['DE', 'AT'] })]) {
      const res = await hub.query(token, TRAIL_PAGE, { id: victimId, first: 5 });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.auditTrail.events.edges[0].node.action).toBe('REGISTER');
    }
  });

  it('lists every chain of the hub, each verified by its owner', async () => {
    const res = await hub.query(await hub.token('auditor', 'DE'), `{ auditChains { service verify { valid } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.auditChains).toEqual(SUBGRAPHS.map(({ definition }) => ({ service: definition.name, verify: { valid: true } })));
  });

  it('an unknown subject type or service is BAD_USER_INPUT naming the argument and what is known', async () => {
    const auditor = await hub.token('auditor', 'DE');
    const trailRes = await hub.query(auditor, `{ auditTrail(subjectType: "Spaceship", subjectId: "1") { subjectId } }`);
    expect(errorCodes(trailRes.body)).toEqual({ auditTrail: 'BAD_USER_INPUT' });
    expect(trailRes.body.errors![0].message).toMatch(/^subjectType: must be one of Victim, Referral, ReturnPlan, ReintegrationPlan, Proceeding, /);
    const chainRes = await hub.query(auditor, `{ auditChain(service: "nowhere") { service } }`);
    expect(errorCodes(chainRes.body)).toEqual({ auditChain: 'BAD_USER_INPUT' });
    expect(chainRes.body.errors![0].message).toMatch(/^service: must be one of victims/);
  });

  it('a trail entity asked of the owning subgraph directly is still for the auditor only', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on VictimAuditTrail { events { totalCount } } } }`;
    const representations = [{ __typename: 'VictimAuditTrail', subjectId: victimId }];
    const judge = await hub.query(await hub.token('judge', 'DE'), entities, { r: representations }, { url: hub.subgraphs.victims.url });
    expect(judge.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await hub.query(await hub.token('auditor', 'DE'), entities, { r: representations }, { url: hub.subgraphs.victims.url });
    expect(auditor.body.data._entities).toEqual([{ events: { totalCount: 1 } }]);
    const foreign = await hub.query(await hub.token('auditor', 'FR'), entities, { r: representations }, { url: hub.subgraphs.victims.url });
    expect(foreign.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tamper detection', () => {
  let victimId: string;
  beforeAll(async () => {
    victimId = await registerVictim(hub, 'DE');
    for (const role of ['judge', 'partner_system', 'shelter_staff'] as Role[]) await read(role, 'DE', VICTIM, { id: victimId });
  });

  it('an edited event breaks the chain at that event', async () => {
    const before = await verifyChain();
    expect(before).toEqual({ valid: true, events: await headSequence(), firstBrokenAt: null });
    const denied = (await auditEvents().findOne({ 'parts.subjectId': victimId, role: 'partner_system' }).lean())!;
    // Rewriting history: the partner system "was allowed" to read.
    const rewritten = denied.parts.map((part) => (part.subjectId === victimId ? { ...part, decision: 'ALLOW', deniedFields: [] } : part));
    await auditEvents().collection.updateOne({ sequence: denied.sequence }, { $set: { parts: rewritten } });
    expect(await verifyChain()).toMatchObject({ valid: false, firstBrokenAt: denied.sequence });

    await auditEvents().collection.replaceOne({ sequence: denied.sequence }, denied);
    expect(await verifyChain()).toEqual(before);
  });

  it('a deleted event breaks the chain where it was', async () => {
    const removed = (await auditEvents().findOne({ 'parts.subjectId': victimId, role: 'judge' }).lean())!;
    expect(removed.sequence).toBeLessThan(await headSequence());
    await auditEvents().collection.deleteOne({ sequence: removed.sequence });
    expect(await verifyChain()).toMatchObject({ valid: false, firstBrokenAt: removed.sequence });

    await auditEvents().collection.insertOne(removed as any);
    expect((await verifyChain()).valid).toBe(true);
  });

  it('removing the newest events is caught against a head the overseer recorded', async () => {
    const auditor = await hub.token('auditor', 'DE');
    const VERIFY_AGAINST = `query($known: KnownAuditHead) { auditChain(service: "victims") { verify(knownHead: $known) { valid firstBrokenAt head { sequence hash } } } }`;
    const recorded = (await hub.query(auditor, VERIFY_AGAINST)).body.data.auditChain.verify.head;
    expect(recorded).toEqual({ sequence: await headSequence(), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const newest = (await auditEvents().findOne({ sequence: recorded.sequence }).lean())!;
    await auditEvents().collection.deleteOne({ sequence: newest.sequence });
    expect(await verifyChain()).toMatchObject({ valid: true }); // the chain alone cannot tell
    const checked = (await hub.query(auditor, VERIFY_AGAINST, { known: recorded })).body.data.auditChain.verify;
    expect(checked).toMatchObject({ valid: false, firstBrokenAt: recorded.sequence });

    await auditEvents().collection.insertOne(newest as any);
    expect((await hub.query(auditor, VERIFY_AGAINST, { known: recorded })).body.data.auditChain.verify).toMatchObject({ valid: true, head: recorded });
  });

  it('a malformed known head is BAD_USER_INPUT', async () => {
    const res = await hub.query(await hub.token('auditor', 'DE'), `{ auditChain(service: "victims") { verify(knownHead: { sequence: 0, hash: "x" }) { valid } } }`);
    expect(errorCodes(res.body)).toEqual({ 'auditChain.verify': 'BAD_USER_INPUT' });
    expect(res.body.errors![0].message).toMatch(/knownHead\.sequence/);
  });
});

describe('a linear chain under concurrency, across two processes of the victims subgraph', () => {
  let replica: Awaited<ReturnType<typeof startSubgraphProcess>>;
  beforeAll(async () => {
    replica = await startSubgraphProcess(hub, 'victims');
  });
  afterAll(async () => {
    expect(await replica.stop()).toBe(0); // SIGTERM: a clean stop
  });

  it('sequences run 1..N without gaps or duplicates and the chain verifies', async () => {
    const victims = await Promise.all(['DE', 'DE', 'DE', 'DE'].map((j) => registerVictim(hub, j)));
    const since = await headSequence();
    const token = await hub.token('judge', 'DE');
    const twoVictims = `query($a: ID!, $b: ID!) { a: victim(id: $a) { legalName } b: victim(id: $b) { contactPhone } }`;
    const requestsPerInstance = 30;
    const responses = await Promise.all(
      [hub.subgraphs.victims.url, replica.url].flatMap((url) =>
        Array.from({ length: requestsPerInstance }, (_, i) =>
          hub.query(token, twoVictims, { a: victims[i % 4], b: victims[(i + 1) % 4] }, { url, headers: { 'x-purpose': i % 2 ? 'ADJUDICATION' : 'CASE_MANAGEMENT' } }),
        ),
      ),
    );
    for (const res of responses) expect(res.body.errors).toBeUndefined();

    const written = await linksAfter(since);
    expect(written.length).toBe(2 * requestsPerInstance); // a link per request, none lost or doubled
    expect(written.flatMap(eventsOf).length).toBe(2 * requestsPerInstance * 2); // two victims per request
    const sequences = (await auditEvents().find({}, { sequence: 1 }).sort({ sequence: 1 }).lean()).map((e) => e.sequence);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(await verifyChain()).toEqual({ valid: true, events: sequences.length, firstBrokenAt: null });
  });
});
