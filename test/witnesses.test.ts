import { randomBytes } from 'node:crypto';
import { ROLES } from '../platform/auth';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Witnesses (decision 117): an appointed counsel reads the proceeding's victims as W-1,
// W-2, … with an age group (CHILD / ADULT) and a gender, taken at the appointment with the
// judge's token from the victims subgraph and kept as the court's record; never a victim's
// id, name or anything else of her. Her identity (name, date of birth) only once a judge
// ordered it disclosed, for that one witness. Every counsel read is audited with purpose
// DEFENCE. Through the gateway and on the proceedings subgraph directly.

let hub: TestHub;
const unknownId = () => randomBytes(16).toString('base64url');
const COUNSEL = { sub: 'counsel-w', org: 'Kanzlei Weiss' };
const JUDGE = { sub: 'judge-w' };

const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
const APPOINT = `mutation($id: ID!, $input: AppointDefenceCounselInput!) { appointDefenceCounsel(proceedingId: $id, input: $input) { id } }`;
const ORDER = `mutation($id: ID!, $w: String!, $r: String!) { orderWitnessIdentityDisclosure(proceedingId: $id, witness: $w, reasons: $r) { label identityDisclosedAt } }`;
const WITNESSES = `query($id: ID!) { proceeding(id: $id) { witnesses { id label ageGroup gender identityDisclosedAt identity { name dateOfBirth } identityDisclosureReasons victim { id } } } }`;

const world = { proceeding: '', adult: '', child: '', appointment: '', table: '' };

const counsel = (claims = COUNSEL) => hub.token('defence_counsel', 'DE', claims);
const judge = () => hub.token('judge', 'DE', JUDGE);
const ask = async (token: string, query: string, variables: Record<string, unknown>, url?: string) => hub.query(token, query, variables, { url, headers: { 'x-purpose': '' } });
const ok = (res: { body: { data?: any; errors?: unknown } }) => {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};
const surfaces = (): Array<[string, string | undefined]> => [
  ['gateway', undefined],
  ['proceedings subgraph', hub.subgraphs.proceedings.url],
];

async function open(caseNumber: string, victimIds: string[]): Promise<string> {
  const input = { caseNumber, court: 'Landgericht Köln', kind: 'CRIMINAL', charges: ['§ 232 StGB'], defendants: [{ alias: 'Defendant A', nationality: 'BG', gender: 'MALE' }], victimIds };
  return ok(await hub.queryAs('prosecutor', 'DE', OPEN, { input })).openProceeding.id;
}
const appoint = async (proceeding: string, claims = COUNSEL) =>
  ok(await hub.query(await judge(), APPOINT, { id: proceeding, input: { defendant: 'Defendant A', counselSubject: claims.sub, counselOrganisation: claims.org } })).appointDefenceCounsel.id as string;

beforeAll(async () => {
  hub = await startHub();
  const childBorn = `${new Date().getUTCFullYear() - 12}-03-04`;
  world.adult = await registerVictim(hub, 'DE', { legalName: 'Adult Witness Name', dateOfBirth: '1990-05-17', gender: 'FEMALE' });
  world.child = await registerVictim(hub, 'DE', { legalName: 'Child Witness Name', dateOfBirth: childBorn, gender: 'MALE' });
  world.proceeding = await open('WIT 1/26', [world.adult, world.child]);
  world.appointment = await appoint(world.proceeding);
}, 60_000);
afterAll(() => hub.stop());

describe('what the appointed counsel reads of the victims', () => {
  test.each([['gateway'], ['proceedings subgraph']])('W-labels with age group and gender, nothing else, through the %s', async (surface) => {
    const url = surface === 'gateway' ? undefined : hub.subgraphs.proceedings.url;
    const res = await ask(await counsel(), WITNESSES, { id: world.proceeding }, url);
    const denied = Object.fromEntries([0, 1].flatMap((i) => ['identity', 'identityDisclosureReasons', 'victim'].map((f) => [`proceeding.witnesses.${i}.${f}`, 'FORBIDDEN'])));
    expect(errorCodes(res.body)).toEqual(denied);
    expect(res.body.data!.proceeding.witnesses.map(({ id: _id, ...w }: Record<string, unknown>) => w)).toEqual([
      { label: 'W-1', ageGroup: 'ADULT', gender: 'FEMALE', identityDisclosedAt: null, identity: null, identityDisclosureReasons: null, victim: null },
      { label: 'W-2', ageGroup: 'CHILD', gender: 'MALE', identityDisclosedAt: null, identity: null, identityDisclosureReasons: null, victim: null },
    ]);
    // No victim id, name or date of birth anywhere in the answer, errors included.
    const text = JSON.stringify(res.body);
    for (const secret of [world.adult, world.child, 'Adult Witness Name', 'Child Witness Name', '1990-05-17']) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  });

  it('judges and prosecutors of the jurisdiction read the label ↔ victim link', async () => {
    for (const role of ['judge', 'prosecutor'] as const) {
      const p = ok(await hub.queryAs(role, 'DE', `query($id: ID!) { proceeding(id: $id) { witnesses { label victim { id } } } }`, { id: world.proceeding })).proceeding;
      expect(p.witnesses).toEqual([{ label: 'W-1', victim: { id: world.adult } }, { label: 'W-2', victim: { id: world.child } }]);
    }
  });

  it('a second appointment in the proceeding keeps the recorded witnesses (no second copy, same labels)', async () => {
    await appoint(world.proceeding, { sub: 'counsel-w2', org: 'Kanzlei Zwei' });
    const ids = await hub.subgraphs.proceedings.connection.collection('witnesses').find({ proceedingId: world.proceeding }).toArray();
    expect(ids.map((w) => w.label).sort()).toEqual(['W-1', 'W-2']);
  });

  it('counsel not appointed in it, or her subject in another role elsewhere, sees no witness: by reference, as an unknown id', async () => {
    const witness = ok(await hub.query(await judge(), WITNESSES, { id: world.proceeding })).proceeding.witnesses[0].id;
    const read = (id: string) => `{ _entities(representations: [{ __typename: "Witness", id: "${id}" }]) { ... on Witness { id label } } }`;
    const url = hub.subgraphs.proceedings.url;
    for (const token of [await counsel({ sub: 'counsel-other', org: 'Kanzlei Weiss' }), await hub.token('legal_aid_attorney', 'AT', COUNSEL)]) {
      expect((await ask(token, read(witness), {}, url)).body).toEqual((await ask(token, read(unknownId()), {}, url)).body);
    }
    expect(ok(await ask(await counsel(), read(witness), {}, url))._entities).toEqual([{ id: witness, label: 'W-1' }]);
  });
});

describe("a witness's identity, on a judge's order", () => {
  it('before the order counsel reads no identity; after it, that one witness’s name and date of birth, and only hers', async () => {
    const before = await ask(await counsel(), WITNESSES, { id: world.proceeding });
    expect(errorCodes(before.body)['proceeding.witnesses.1.identity']).toBe('FORBIDDEN');
    const ordered = ok(await hub.query(await judge(), ORDER, { id: world.proceeding, w: 'W-2', r: 'The defence must be able to test his account of the recruitment' })).orderWitnessIdentityDisclosure;
    expect(ordered.label).toBe('W-2');
    for (const [, url] of surfaces()) {
      const after = await ask(await counsel(), WITNESSES, { id: world.proceeding }, url);
      expect(errorCodes(after.body)).toEqual({
        'proceeding.witnesses.0.identity': 'FORBIDDEN',
        'proceeding.witnesses.0.identityDisclosureReasons': 'FORBIDDEN',
        'proceeding.witnesses.0.victim': 'FORBIDDEN',
        'proceeding.witnesses.1.identityDisclosureReasons': 'FORBIDDEN',
        'proceeding.witnesses.1.victim': 'FORBIDDEN',
      });
      const [w1, w2] = after.body.data!.proceeding.witnesses;
      expect({ w1: w1.identity, w2: w2.identity, at: w2.identityDisclosedAt }).toEqual({ w1: null, w2: { name: 'Child Witness Name', dateOfBirth: expect.stringMatching(/^\d{4}-03-04$/) }, at: ordered.identityDisclosedAt });
      expect(JSON.stringify(after.body)).not.toContain('Adult Witness Name');
    }
  });

  it('the identity was taken with the judge’s token: the victims subgraph logged the read as hers', async () => {
    const reads = (await hub.subgraphs.victims.audit.trail('Victim', world.child)).filter((e) => e.actor === JUDGE.sub && e.fields.includes('legalName'));
    expect(reads.map((e) => [e.role, e.decision, e.purpose])).toEqual([['judge', 'ALLOW', 'ADJUDICATION']]);
  });

  it('a judge who may not read the identity (no purpose stated) orders nothing: FORBIDDEN, nothing changed', async () => {
    const res = await hub.query(await judge(), ORDER, { id: world.proceeding, w: 'W-1', r: 'Needed' }, { headers: { 'x-purpose': '' } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PURPOSE' });
    const w1 = await hub.subgraphs.proceedings.connection.collection('witnesses').findOne({ proceedingId: world.proceeding, label: 'W-1' });
    expect({ identity: w1!.identity, order: w1!.identityOrder }).toEqual({ identity: null, order: null });
  });

  const field = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => [res.body.errors?.[0]?.extensions?.code, res.body.errors?.[0]?.extensions?.field];
  it.each([
    ['a label that is no witness of it', 'W-9', 'Needed', 'witness'],
    ['no reasons', 'W-1', ' ', 'reasons'],
    ['a witness already ordered', 'W-2', 'Again', 'witness'],
  ])('bad input names the field: %s', async (_what, w, r, named) => {
    expect(field(await hub.query(await judge(), ORDER, { id: world.proceeding, w, r }))).toEqual(['BAD_USER_INPUT', named]);
  });

  it('role × jurisdiction: a judge of the proceeding’s jurisdiction; another role FORBIDDEN; a judge elsewhere as for an unknown id', async () => {
    const victims = [await registerVictim(hub, 'DE'), await registerVictim(hub, 'DE')];
    const proceeding = await open('WIT 2/26', victims);
    for (const [n, [surface, url]] of surfaces().entries()) {
      const answers: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of ROLES) {
        for (const jurisdiction of ['DE', 'AT']) {
          const token = await hub.token(role, jurisdiction, { sub: `${role}-${jurisdiction}`, org: 'Kanzlei Weiss' });
          const res = await hub.query(token, ORDER, { id: proceeding, w: `W-${n + 1}`, r: 'Table' }, { url });
          answers[`${role} of ${jurisdiction}`] = res.body.errors ? String(res.body.errors[0].extensions?.code) : 'done';
          expected[`${role} of ${jurisdiction}`] = role !== 'judge' ? 'FORBIDDEN' : jurisdiction === 'DE' ? 'done' : 'NOT_FOUND';
        }
      }
      expect({ surface, answers }).toEqual({ surface, answers: expected });
    }
  });
});

describe('every counsel read of a witness is audited with purpose DEFENCE', () => {
  it('her reads of the witnesses name her appointment; of the disclosed identity, the order', async () => {
    // W-1's identity is refused (and so logged as denied); W-2's is read.
    const read = await ask(await counsel(), `query($id: ID!) { proceeding(id: $id) { witnesses { label ageGroup gender identity { name } } } }`, { id: world.proceeding });
    expect(errorCodes(read.body)).toEqual({ 'proceeding.witnesses.0.identity': 'FORBIDDEN' });
    const witnesses = ok(await hub.query(await judge(), WITNESSES, { id: world.proceeding })).proceeding.witnesses;
    const trail = async (id: string) =>
      ok(
        await hub.query(
          await hub.token('auditor', 'DE'),
          `query($id: ID!) { auditTrail(subjectType: "Witness", subjectId: $id) { events(first: 100) { edges { node { action role purpose decision bases actor fields } } } } }`,
          { id },
        ),
      ).auditTrail.events.edges.map((e: { node: Record<string, unknown> }) => e.node);
    for (const [i, w] of witnesses.entries()) {
      const reads = (await trail(w.id)).filter((e: { actor: string; decision: string }) => e.actor === COUNSEL.sub && e.decision === 'ALLOW');
      expect(reads.length).toBeGreaterThan(0);
      for (const e of reads) expect({ witness: i, purpose: e.purpose, role: e.role }).toEqual({ witness: i, purpose: 'DEFENCE', role: 'defence_counsel' });
      const bases = new Set(reads.flatMap((e: { bases: string[] }) => e.bases));
      expect([...bases].sort()).toEqual(i === 1 ? [`APPOINTED:${world.appointment}`, `IDENTITY_ORDERED:${world.appointment}`] : [`APPOINTED:${world.appointment}`]);
    }
  });
});
