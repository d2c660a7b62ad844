import { startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Retries are safe (issue 25, subgraphs/common/idempotency.ts): a mutation sent with an
// Idempotency-Key runs once per caller and key. Every mutation of every subgraph is also
// retried with its key in test/mutations.test.ts (the first answer again, no second change).

const HOURS = 2;
const REGISTER = `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id legalName } } }`;
const person = (legalName: string) => ({ input: { legalName, dateOfBirth: '1991-02-03', nationality: 'MD', gender: 'FEMALE', languages: ['ro'], contactPhone: '+37360000000' } });

let hub: TestHub;
let counter = 0;
/** A key no other test uses (its own words; not random, so nothing depends on chance). */
const newKey = () => `idempotency-test-${(counter += 1)}`;

beforeAll(async () => {
  hub = await startHub({ env: { IDEMPOTENCY_KEY_HOURS: String(HOURS) } });
}, 60_000);
afterAll(() => hub.stop());

const socialWorker = (sub = 'sw-idem-1') => hub.token('social_worker', 'MD', { sub });
const register = async (key: string | null, legalName: string, options: { sub?: string; url?: string } = {}) =>
  hub.query(await socialWorker(options.sub), REGISTER, person(legalName), { headers: key === null ? {} : { 'idempotency-key': key }, url: options.url });
const victimOf = (res: GraphQLResponse): string | undefined => res.body.data?.registerVictim?.victim?.id;
/** The registrations audited under this name's victims (the REGISTER events naming them). */
const registrations = async (answers: GraphQLResponse[]) => {
  const ids = [...new Set(answers.map(victimOf).filter((id): id is string => id !== undefined))];
  const events = await Promise.all(ids.map((id) => hub.subgraphs.victims.audit.events({ action: 'REGISTER', subjectId: id })));
  return { victims: ids.length, events: events.flat().length };
};
const refusal = (res: GraphQLResponse) => ({ data: res.body.data?.registerVictim ?? null, code: res.body.errors?.[0]?.extensions?.code, field: res.body.errors?.[0]?.extensions?.field });

describe('the same key and the same request', () => {
  it('answers the first answer again, with no second victim and no second audit event', async () => {
    const key = newKey();
    const first = await register(key, 'Ana Retry');
    const again = await register(key, 'Ana Retry');
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(await registrations([first, again])).toEqual({ victims: 1, events: 1 });
  });

  it('holds on the subgraph directly as through the gateway (the gateway passes the header on)', async () => {
    const key = newKey();
    const first = await register(key, 'Ana Direct', { url: hub.subgraphs.victims.url });
    const again = await register(key, 'Ana Direct', { url: hub.subgraphs.victims.url });
    expect(again.body).toEqual(first.body);
    expect(await registrations([first, again])).toEqual({ victims: 1, events: 1 });
  });

  it('sent concurrently, makes one write: the others are refused while it runs, or answered its answer', async () => {
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 6 }, () => register(key, 'Ana Concurrent')));
    expect(await registrations(answers)).toEqual({ victims: 1, events: 1 });
    for (const answer of answers.filter((a) => victimOf(a) === undefined)) {
      expect(refusal(answer)).toEqual({ data: null, code: 'CONFLICT', field: 'Idempotency-Key' });
    }
  });
});

describe('what a key does not repeat', () => {
  it('the same key with another request is refused naming the header, and writes nothing', async () => {
    const key = newKey();
    const first = await register(key, 'Ana Original');
    const other = await register(key, 'Ana Different');
    expect(refusal(other)).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(other.body.errors![0].message).toMatch(/different request/);
    expect(await registrations([first, other])).toEqual({ victims: 1, events: 1 });
  });

  it('keys are per caller: another caller with the same key and request registers anew', async () => {
    const key = newKey();
    const mine = await register(key, 'Ana Shared Key', { sub: 'sw-idem-1' });
    const theirs = await register(key, 'Ana Shared Key', { sub: 'sw-idem-2' });
    expect(await registrations([mine, theirs])).toEqual({ victims: 2, events: 2 });
  });

  it('a request refused for its input leaves the key free: the corrected request runs, and is then answered again', async () => {
    const key = newKey();
    const token = await socialWorker();
    const wrong = await hub.query(token, REGISTER, { input: { ...person('Ana Corrected').input, dateOfBirth: '1991-13-45' } }, { headers: { 'idempotency-key': key } });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const corrected = await register(key, 'Ana Corrected');
    const again = await register(key, 'Ana Corrected');
    expect(victimOf(corrected)).toBeDefined();
    expect(again.body).toEqual(corrected.body);
  });

  it(`a key expires after IDEMPOTENCY_KEY_HOURS (${HOURS} here): the same request then registers anew`, async () => {
    const key = newKey();
    const first = await register(key, 'Ana Expiring');
    hub.clock.advance((HOURS * 60 + 1) * 60_000);
    try {
      const after = await register(key, 'Ana Expiring');
      expect(await registrations([first, after])).toEqual({ victims: 2, events: 2 });
    } finally {
      hub.clock.reset();
    }
  });

  it('reads are not kept: a query sent with a key is answered and audited each time', async () => {
    const victim = await registerVictim(hub, 'MD');
    const token = await socialWorker();
    const read = () => hub.query(token, `query($id: ID!) { victim(id: $id) { id legalName } }`, { id: victim }, { headers: { 'idempotency-key': 'a read' } });
    const [first, second] = [await read(), await read()];
    expect(second.body).toEqual(first.body);
    expect((await hub.subgraphs.victims.audit.events({ action: 'READ', subjectId: victim })).length).toBe(2);
  });
});

describe('a malformed key is refused naming the header, and nothing is written', () => {
  test.each([
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not ASCII', 'clé-é'],
    ['empty in quotes', '""'],
  ])('%s', async (_what, key) => {
    const res = await register(key, 'Ana Malformed Key');
    expect(refusal(res)).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(res.body.errors![0].message).toMatch(/Idempotency-Key must be 1 to 255 printable ASCII characters/);
  });

  it('a key in double quotes, as the draft writes it, is the same key as bare', async () => {
    const first = await register('"quoted-key-1"', 'Ana Quoted');
    const again = await register('quoted-key-1', 'Ana Quoted');
    expect(again.body).toEqual(first.body);
  });
});

describe('an erasure withholds the answers kept for retries', () => {
  it("the victim's own registration, retried after her erasure, says it was done and shows nothing; no kept answer holds her name", async () => {
    const key = newKey();
    const name = 'Erasable Retried Person';
    const first = await register(key, name);
    const victim = victimOf(first)!;
    const erased = await hub.queryAs('judge', 'MD', `mutation($id: ID!) { eraseVictimData(victimId: $id, legalBasis: "GDPR Art. 17(1)(a)") { status } }`, { id: victim });
    expect(erased.body.errors).toBeUndefined();
    const retried = await register(key, name);
    expect(refusal(retried)).toEqual({ data: null, code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(retried.body.errors![0].message).toMatch(/no longer kept/);
    const kept = await hub.subgraphs.victims.connection.collection('idempotencyKeys').find().toArray();
    expect(JSON.stringify(kept)).not.toContain(name);
  });
});
