import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { startSubgraphProcess } from './support/process';
import { grantConsent, registerVictim } from './support/victims';

// Hardening of the platform: rules in order, internal failures never read as decisions,
// and no existence oracle in mutations.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());
afterEach(() => jest.restoreAllMocks());

const SCREEN = `mutation($id: ID!) { recordScreening(victimId: $id, input: { observedIndicators: ["CR_VIOLENCE"], assessor: "A", formVersion: "1" }) { id } }`;
const models = () => hub.subgraphs.victims.connection.models;

describe('rules run in order', () => {
  it('checks the token and role before looking anything up', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const lookups = jest.spyOn(models().Victim, 'find');
    const anonymous = await hub.query(null, SCREEN, { id: victimId });
    expect(errorCodes(anonymous.body)).toEqual({ recordScreening: 'UNAUTHENTICATED' });
    const wrongRole = await hub.queryAs('shelter_staff', 'DE', SCREEN, { id: victimId });
    expect(errorCodes(wrongRole.body)).toEqual({ recordScreening: 'FORBIDDEN' });
    expect(lookups).not.toHaveBeenCalled();
  });
});

describe('a rule that fails is an internal error, never a decision', () => {
  it('a mutation whose lookup fails answers INTERNAL_SERVER_ERROR, not FORBIDDEN or NOT_FOUND', async () => {
    const victimId = await registerVictim(hub, 'DE');
    jest.spyOn(models().Victim, 'find').mockImplementationOnce(() => {
      throw new Error('database unavailable');
    });
    const res = await hub.queryAs('social_worker', 'DE', SCREEN, { id: victimId });
    expect(errorCodes(res.body)).toEqual({ recordScreening: 'INTERNAL_SERVER_ERROR' });
    expect(res.body.errors![0].message).toBe('Internal server error');
  });

  it('a field whose consent lookup fails is an internal error with no data, and no DENY is logged as if decided', async () => {
    const victimId = await registerVictim(hub, 'DE', { legalName: 'Not Leaked' });
    await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['AT'] });
    const before = (await hub.subgraphs.victims.audit.events({ subjectId: victimId, decision: 'DENY' })).length;
    jest.spyOn(hub.subgraphs.victims.connection.models.ListEntry, 'find').mockImplementation(() => {
      throw new Error('database unavailable');
    });
    const res = await hub.queryAs('judge', 'AT', `query($id: ID!) { victim(id: $id) { legalName } }`, { id: victimId });
    jest.restoreAllMocks();
    expect(JSON.stringify(res.body)).not.toContain('Not Leaked');
    expect(Object.values(errorCodes(res.body))).toEqual(['INTERNAL_SERVER_ERROR']);
    expect((await hub.subgraphs.victims.audit.events({ subjectId: victimId, decision: 'DENY' })).length).toBe(before);
  });
});

describe('no existence oracle in mutations', () => {
  it('a foreign professional learns nothing from a consent id: a real one answers like an unknown one', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const consentId = await grantConsent(hub, victimId, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'] });
    const unknownId = newId();
    const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`;
    const real = await hub.queryAs('social_worker', 'FR', WITHDRAW, { id: consentId });
    const unknown = await hub.queryAs('social_worker', 'FR', WITHDRAW, { id: unknownId });
    expect(real.body.errors![0].message.replace(consentId, '<id>')).toBe(unknown.body.errors![0].message.replace(unknownId, '<id>'));
    // The jurisdiction is not named (checked with the id taken out: a random id may contain "DE").
    expect(real.body.errors![0].message.replace(consentId, '<id>')).not.toMatch(/\bDE\b/);
  });
});

describe('no enumeration', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id caseReference } } }`;
  const direct = (token: string | null, representations: unknown[]) => hub.query(token, ENTITIES, { r: representations }, { url: hub.subgraphs.victims.url });

  it('ids are 128 random bits that share nothing with the ids before them', async () => {
    const ids = [await registerVictim(hub, 'DE'), await registerVictim(hub, 'DE'), await registerVictim(hub, 'DE')];
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // ObjectIds of one process share their first 8 characters (a timestamp) and count up.
    expect(new Set(ids.map((id) => id.slice(0, 6))).size).toBe(3);
  });

  it('_entities shows a foreign victim only under a consent naming the caller, exactly as victim(id) does', async () => {
    const unshared = await registerVictim(hub, 'DE');
    const shared = await registerVictim(hub, 'DE');
    await grantConsent(hub, shared, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['FR'] });
    const res = await direct(await hub.token('judge', 'FR'), [unshared, shared, newId()].map((id) => ({ __typename: 'Victim', id })));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toEqual([null, { id: shared, caseReference: expect.any(String) }, null]);
    const own = await direct(await hub.token('judge', 'DE'), [{ __typename: 'Victim', id: unshared }]);
    expect(own.body.data._entities).toEqual([{ id: unshared, caseReference: expect.any(String) }]);
  });

  it('caps the representations of one request, and refuses keys that are not strings, naming them', async () => {
    const judge = await hub.token('judge', 'DE');
    const many = await direct(judge, Array.from({ length: 1505 }, () => ({ __typename: 'Victim', id: newId() })));
    expect(errorCodes(many.body)).toEqual({ _entities: 'BAD_USER_INPUT' });
    expect(many.body.errors![0].message).toBe('representations: at most 500 at once');
    const objectKey = await direct(judge, [{ __typename: 'Victim', id: { toString: 'x' } }]);
    expect(objectKey.status).toBe(200);
    expect(errorCodes(objectKey.body)).toEqual({ _entities: 'BAD_USER_INPUT' });
    expect(objectKey.body.errors![0].message).toBe('representations[0].id: must be a string');
  });

  it('an anonymous _entities request answers nothing and logs nothing', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const before = await hub.subgraphs.victims.audit.model.estimatedDocumentCount();
    const res = await direct(null, [{ __typename: 'Victim', id: victimId }, { __typename: 'Victim', id: newId() }]);
    expect(res.body.data).toBeNull();
    expect(errorCodes(res.body)).toEqual({ _entities: 'UNAUTHENTICATED' });
    expect(await hub.subgraphs.victims.audit.model.estimatedDocumentCount()).toBe(before);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM a deployed subgraph stops accepting, finishes the request in flight, and exits 0', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const deployed = await startSubgraphProcess(hub, 'victims');
    // Hold the victim's record lock, so that the mutation is still in flight when SIGTERM arrives.
    const locks = hub.subgraphs.victims.connection.collection<{ _id: string; at: Date }>('recordLocks');
    await locks.insertOne({ _id: `victims/${victimId}`, at: new Date() });
    const inFlight = hub.query(await hub.token('social_worker', 'DE'), SCREEN, { id: victimId }, { url: deployed.url });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = deployed.stop();
    // The mutation cannot finish while the lock is held: ask until the process stops
    // accepting (bounded, so a loaded machine only makes it slower, never wrong).
    const health = () => fetch(deployed.url.replace('/graphql', '/health')).then(() => 'accepted', () => 'refused');
    let refused = await health();
    for (let tries = 0; refused === 'accepted' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      refused = await health();
    }
    await locks.deleteOne({ _id: `victims/${victimId}` });
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { recordScreening: { id: victimId } } });
    expect(refused).toBe('refused');
    expect(await exited).toBe(0);
  });
});

describe('duplicate detection under concurrency', () => {
  it('of two registrations of one person at the same moment, the later always learns of the earlier', async () => {
    const REGISTER = `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { caseReference } possibleDuplicates { caseReference } } }`;
    for (let round = 0; round < 3; round++) {
      const person = { legalName: `Same Person ${round}`, dateOfBirth: '1991-07-0' + (round + 1), nationality: 'MD', gender: 'FEMALE' };
      const [spain, portugal] = await Promise.all(
        ['ES', 'PT'].map(async (jurisdiction) => (await hub.queryAs('social_worker', jurisdiction, REGISTER, { input: person })).body.data.registerVictim),
      );
      const told = [spain, portugal].filter((r) => r.possibleDuplicates.length > 0);
      expect(told).toHaveLength(1);
      const other = told[0] === spain ? portugal : spain;
      expect(told[0].possibleDuplicates).toEqual([{ caseReference: other.victim.caseReference }]);
    }
  });
});

describe('gaps the review found untested', () => {
  it(`answers 20 directives and refuses more, at the gateway`, async () => {
    const judge = await hub.token('judge', 'DE');
    // `code` repeated (merged into one field), each with its own directives: n in all.
    const query = (n: number) => `{ iloIndicators { ${Array.from({ length: n }, (_, i) => `code ${i % 2 ? '@skip(if: false)' : '@include(if: true)'}`).join(' ')} } }`;
    const atLimit = await hub.query(judge, query(20));
    expect(atLimit.body.errors).toBeUndefined();
    const refused = await hub.query(judge, query(21));
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0].message).toMatch(/directives limit/i);
  });

  it('victim(id) of an unknown id is null, without an error', async () => {
    const res = await hub.queryAs('judge', 'DE', `query($id: ID!) { victim(id: $id) { caseReference } }`, { id: newId() });
    expect(res.body).toEqual({ data: { victim: null } });
  });

  it('of two concurrent withdrawals of one consent exactly one applies; the other says it was withdrawn already', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const consentId = await grantConsent(hub, victimId, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'] });
    const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`;
    const results = await Promise.all(['social_worker', 'legal_aid_attorney'].map((role) => hub.queryAs(role, 'DE', WITHDRAW, { id: consentId })));
    const applied = results.filter((r) => !r.body.errors);
    const refused = results.filter((r) => r.body.errors);
    expect(applied).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(errorCodes(refused[0].body)).toEqual({ withdrawConsent: 'BAD_USER_INPUT' });
    expect(refused[0].body.errors![0].message).toBe(`consentId: consent was already withdrawn at ${applied[0].body.data.withdrawConsent.withdrawnAt}`);
    const stored = await models().Consent.findById(consentId).lean();
    expect(stored!.withdrawnAt!.toISOString()).toBe(applied[0].body.data.withdrawConsent.withdrawnAt);
  });

  it('X-Purpose is one of the vocabulary, and one the role may state; anything else refuses the whole request, at the gateway and the subgraph', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const judge = await hub.token('judge', 'DE');
    const READ = `query($id: ID!) { victim(id: $id) { legalName } }`;
    for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
      for (const [purpose, message] of [
        ['p'.repeat(5_000), /^X-Purpose must be one of VICTIM_SUPPORT, CASE_MANAGEMENT, /],
        ['trial preparation', /^X-Purpose must be one of /],
        ['SHELTER_PLACEMENT', /^X-Purpose: judge may state ADJUDICATION, CASE_MANAGEMENT$/],
      ] as const) {
        const res = await hub.query(judge, READ, { id: victimId }, { url, headers: { 'x-purpose': purpose } });
        expect(res.status).toBe(400);
        expect(res.body.data ?? null).toBeNull();
        expect(res.body.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field: 'X-Purpose' } });
      }
    }
  });

  it('protected data is read for a stated purpose only, and the audit event records the purpose and the basis', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const judge = await hub.token('judge', 'DE');
    const READ = `query($id: ID!) { victim(id: $id) { caseReference legalName } }`;
    const none = await hub.query(judge, READ, { id: victimId }, { headers: { 'x-purpose': '' } });
    expect(none.body.data.victim).toEqual({ caseReference: expect.any(String), legalName: null });
    expect(none.body.errors![0].message).toBe('IDENTITY data of this victim is read only for a stated purpose: send the X-Purpose header with one of ADJUDICATION, CASE_MANAGEMENT');
    const since = (await hub.subgraphs.victims.audit.model.findOne().sort({ sequence: -1 }).lean())!.sequence;
    await hub.query(judge, READ, { id: victimId }, { headers: { 'x-purpose': 'ADJUDICATION' } });
    const consentId = await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['AT'], purposes: ['PROSECUTION'] });
    await hub.query(await hub.token('prosecutor', 'AT'), READ, { id: victimId }, { headers: { 'x-purpose': 'PROSECUTION' } });
    const events = (await hub.subgraphs.victims.audit.events({ action: 'READ' })).filter((e) => e.sequence > since);
    expect(events.map((e) => ({ jurisdiction: e.jurisdiction, purpose: e.purpose, bases: e.bases }))).toEqual([
      { jurisdiction: 'DE', purpose: 'ADJUDICATION', bases: ['OWN_JURISDICTION'] },
      { jurisdiction: 'AT', purpose: 'PROSECUTION', bases: [`CONSENT:${consentId}`] },
    ]);
  });
});

describe('answers are never cached', () => {
  it('every GraphQL answer of the gateway and of a subgraph says Cache-Control: no-store', async () => {
    const victimId = await registerVictim(hub, 'DE');
    for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('judge', 'DE')}`, 'x-purpose': 'ADJUDICATION' },
        body: JSON.stringify({ query: `query($id: ID!) { victim(id: $id) { legalName } }`, variables: { id: victimId } }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
