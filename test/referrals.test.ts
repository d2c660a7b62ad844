import { randomBytes } from 'node:crypto';
import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';

// Referrals in a national referral mechanism: partner systems and the police refer
// presumed victims of their own jurisdiction; a social worker there accepts a referral into
// a registration (registerVictim's duplicate check included) or declines it with a reason;
// the referring organisation follows its own referrals' outcome, nobody else knows of them.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
}, 180_000);
afterAll(() => hub.stop());

const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id status sourceOrganisation sourceReference } }`;
const ACCEPT = `mutation($id: ID!, $input: AcceptReferralInput) { acceptReferral(referralId: $id, input: $input) {
  referral { id status victim { id } } victim { id legalName dateOfBirth nationality gender languages currentLocality status jurisdiction } possibleDuplicates { jurisdiction caseReference } } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineReferral(referralId: $id, reason: $reason) { id status declineReason } }`;
const OUTCOME = `query($id: ID!) { referral(id: $id) { id status decidedAt declineReason sourceOrganisation } }`;
const DATA = `query($id: ID!) { referral(id: $id) { id status name dateOfBirth nationality locality indicators safeContact victim { id } } }`;
const LIST = `query($status: ReferralStatus, $first: Int, $after: String) { referrals(status: $status, first: $first, after: $after) { totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;

/** An organisation of its own for each test: lists and visibility never depend on another test's referrals. */
const orgNamed = (what: string) => `${what}-${randomBytes(4).toString('hex')}`;
const as = (role: string, jurisdiction: string, org?: string) => hub.token(role, jurisdiction, org ? { org } : {});
const person = (overrides: Record<string, unknown> = {}) => ({
  name: `Olena ${randomBytes(4).toString('hex')}`,
  dateOfBirth: '1999-03-14',
  nationality: 'UA',
  gender: 'FEMALE',
  languages: ['uk', 'ru'],
  locality: 'Berlin-Neukölln, Hermannplatz',
  indicators: ['CR_VIOLENCE'],
  urgency: 'URGENT',
  safeContact: 'Through the hotline worker on shift; never call after 18:00',
  note: 'Met at a night shelter',
  sourceReference: 'NRM-2026-0042',
  ...overrides,
});

async function submit(org: string, input = person(), role = 'partner_system', jurisdiction = 'DE'): Promise<string> {
  const res = await hub.query(await as(role, jurisdiction, org), SUBMIT, { input });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.submitReferral.id;
}

/** The answer with `id` replaced, to compare a real record's answer with an unknown id's. */
const shown = (res: GraphQLResponse, id: string) => JSON.stringify(res.body).split(id).join('<id>');
const victimsDirect = () => ({ url: hub.subgraphs.victims.url });

describe('submitReferral: partner systems and the police of a jurisdiction', () => {
  test('a partner system submits; its organisation reads the status, never the data', async () => {
    const org = orgNamed('de-nrm');
    const input = person();
    const res = await hub.query(await as('partner_system', 'DE', org), SUBMIT, { input });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.submitReferral).toMatchObject({ status: 'SUBMITTED', sourceOrganisation: org, sourceReference: 'NRM-2026-0042' });
    const id = res.body.data.submitReferral.id;
    // Another token of the same organisation (another operator of its system) follows it too.
    const own = await hub.query(await hub.token('partner_system', 'DE', { org, sub: 'operator-2' }), DATA, { id });
    expect(own.body.data.referral).toMatchObject({ id, status: 'SUBMITTED', name: null, dateOfBirth: null, safeContact: null, victim: null });
    expect(errorCodes(own.body)).toMatchObject({ 'referral.name': 'FORBIDDEN', 'referral.safeContact': 'FORBIDDEN' });
  });

  test('the police submit too', async () => {
    const org = orgNamed('de-police');
    const id = await submit(org, person({ urgency: 'IMMEDIATE_DANGER' }), 'law_enforcement');
    const res = await hub.query(await as('law_enforcement', 'DE', org), OUTCOME, { id });
    expect(res.body.data.referral).toMatchObject({ id, status: 'SUBMITTED', sourceOrganisation: org });
  });

  test.each([
    ['judge', 'DE'],
    ['social_worker', 'DE'],
    ['shelter_staff', 'DE'],
    ['auditor', 'DE'],
    ['registrar', 'DE'],
  ])('%s of %s may not submit, through the gateway or on the subgraph', async (role, jurisdiction) => {
    for (const options of [{}, victimsDirect()]) {
      const res = await hub.query(await as(role, jurisdiction), SUBMIT, { input: person() }, options);
      expect(errorCodes(res.body)).toEqual({ submitReferral: 'FORBIDDEN' });
    }
  });

  test('without a token: UNAUTHENTICATED, through the gateway and on the subgraph', async () => {
    for (const options of [{}, victimsDirect()]) {
      const res = await hub.query(null, SUBMIT, { input: person() }, options);
      expect(Object.values(errorCodes(res.body))).toEqual(['UNAUTHENTICATED']);
    }
  });

  test('every wrong field in one answer, and nothing written', async () => {
    const org = orgNamed('de-nrm');
    const input = person({ name: ' ', alias: null, dateOfBirth: '1999-02-30', nationality: 'XX', languages: ['uk', 'Ukrainian'], indicators: ['CR_VIOLENCE', 'NOT_AN_INDICATOR'] });
    const res = await hub.query(await as('partner_system', 'DE', org), SUBMIT, { input });
    expect(errorCodes(res.body)).toEqual({ submitReferral: 'BAD_USER_INPUT' });
    const paths = res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['input.name', 'input.dateOfBirth', 'input.nationality', 'input.languages[1]', 'input.indicators[1]']);
    const mine = await hub.query(await as('partner_system', 'DE', org), LIST, {});
    expect(mine.body.data.referrals.totalCount).toBe(0);
    expect(await hub.subgraphs.victims.connection.models.Referral.countDocuments({ sourceOrganisation: org })).toBe(0);
  });

  test("submitting and accepting write the person's data, so they state a purpose (the platform's rule); declining writes only the outcome", async () => {
    const org = orgNamed('de-nrm');
    const noPurpose = { headers: { 'x-purpose': '' } };
    const submitted = await hub.query(await as('partner_system', 'DE', org), SUBMIT, { input: person() }, noPurpose);
    expect(errorCodes(submitted.body)).toEqual({ submitReferral: 'FORBIDDEN' });
    expect(submitted.body.errors![0].message).toContain('is changed only for a stated purpose');
    const id = await submit(org);
    const accepted = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id }, noPurpose);
    expect(errorCodes(accepted.body)).toEqual({ acceptReferral: 'FORBIDDEN' });
    expect((await hub.query(await as('partner_system', 'DE', org), OUTCOME, { id })).body.data.referral.status).toBe('SUBMITTED');
    const declined = await hub.query(await as('social_worker', 'DE'), DECLINE, { id, reason: 'Not ours' }, noPurpose);
    expect(declined.body.errors).toBeUndefined();
  });

  test('an alias alone is enough to refer', async () => {
    await submit(orgNamed('de-hotline'), person({ name: null, alias: 'Lena' }));
  });
});

describe('who knows of a referral', () => {
  let id: string;
  let org: string;
  beforeAll(async () => {
    org = orgNamed('de-nrm');
    id = await submit(org);
  });

  test('the social workers of its jurisdiction read its data (gateway and subgraph)', async () => {
    for (const options of [{}, victimsDirect()]) {
      const res = await hub.query(await as('social_worker', 'DE'), DATA, { id }, options);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.referral).toMatchObject({ id, status: 'SUBMITTED', dateOfBirth: '1999-03-14', nationality: 'UA', indicators: ['CR_VIOLENCE'] });
    }
  });

  test.each([
    ['partner_system of another organisation in DE', 'partner_system', 'DE', 'de-other-ngo'],
    ['the same organisation in another jurisdiction', 'partner_system', 'AT', 'SAME'],
    ['law_enforcement of DE, another organisation', 'law_enforcement', 'DE', 'de-police-x'],
    ['a social worker of AT', 'social_worker', 'AT', undefined],
    ['a judge of DE', 'judge', 'DE', undefined],
    ['an auditor of DE', 'auditor', 'DE', undefined],
  ])('%s gets it as an unknown id (gateway and subgraph)', async (_label, role, jurisdiction, other) => {
    const token = await as(role, jurisdiction, other === 'SAME' ? org : other);
    const unknown = newId();
    for (const options of [{}, victimsDirect()]) {
      const [real, none] = [await hub.query(token, DATA, { id }, options), await hub.query(token, DATA, { id: unknown }, options)];
      expect(shown(real, id)).toEqual(shown(none, unknown));
      expect(real.body.data?.referral ?? null).toBeNull();
    }
  });

  test("another organisation's list does not hold it; the jurisdiction's social workers' does", async () => {
    const other = await hub.query(await as('partner_system', 'DE', 'de-other-ngo'), LIST, { first: 100 });
    expect(other.body.data.referrals.edges.map((e: any) => e.node.id)).not.toContain(id);
    const social = await hub.query(await as('social_worker', 'DE'), LIST, { status: 'SUBMITTED', first: 100 });
    expect(social.body.data.referrals.edges.map((e: any) => e.node.id)).toContain(id);
    const abroad = await hub.query(await as('social_worker', 'AT'), LIST, { first: 100 });
    expect(abroad.body.data.referrals.edges.map((e: any) => e.node.id)).not.toContain(id);
    const judge = await hub.query(await as('judge', 'DE'), LIST, {});
    expect(errorCodes(judge.body)).toEqual({ referrals: 'FORBIDDEN' });
  });
});

describe('acceptReferral: into a registration', () => {
  test("a social worker of the jurisdiction accepts: the registration holds the referral's data; the referrer sees the outcome only", async () => {
    const org = orgNamed('de-nrm');
    const input = person();
    const id = await submit(org, input);
    const res = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id });
    expect(res.body.errors).toBeUndefined();
    const { referral, victim, possibleDuplicates } = res.body.data.acceptReferral;
    expect(victim).toMatchObject({
      legalName: input.name,
      dateOfBirth: input.dateOfBirth,
      nationality: input.nationality,
      gender: input.gender,
      languages: input.languages,
      currentLocality: input.locality,
      status: 'PRESUMED',
      jurisdiction: 'DE',
    });
    expect(referral).toEqual({ id, status: 'ACCEPTED', victim: { id: victim.id } });
    expect(possibleDuplicates).toEqual([]);
    // One copy of the person's data from now on: the registration's.
    const kept = await hub.query(await as('social_worker', 'DE'), DATA, { id });
    expect(kept.body.data.referral).toEqual({ id, status: 'ACCEPTED', name: null, dateOfBirth: null, nationality: 'UA', locality: null, indicators: [], safeContact: null, victim: { id: victim.id } });
    const seen = await hub.query(await as('partner_system', 'DE', org), `query($id: ID!) { referral(id: $id) { status decidedAt victim { id } } }`, { id });
    expect(seen.body.data.referral).toMatchObject({ status: 'ACCEPTED', victim: null });
    expect(seen.body.data.referral.decidedAt).not.toBeNull();
    expect(errorCodes(seen.body)).toEqual({ 'referral.victim': 'FORBIDDEN' });
  });

  test.each([
    ['a social worker of AT', 'social_worker', 'AT', 'NOT_FOUND'],
    ['the referring partner system', 'partner_system', 'DE', 'FORBIDDEN'],
    ['a judge of DE', 'judge', 'DE', 'FORBIDDEN'],
  ])('%s cannot accept or decline it, as for an unknown id (gateway and subgraph)', async (_label, role, jurisdiction, code) => {
    const org = orgNamed('de-nrm');
    const id = await submit(org);
    const token = await as(role, jurisdiction, role === 'partner_system' ? org : undefined);
    const unknown = newId();
    for (const options of [{}, victimsDirect()]) {
      for (const [query, variables] of [[ACCEPT, {}], [DECLINE, { reason: 'Not ours' }]] as const) {
        const [real, none] = [await hub.query(token, query, { id, ...variables }, options), await hub.query(token, query, { id: unknown, ...variables }, options)];
        expect(Object.values(errorCodes(real.body))).toEqual([code]);
        expect(shown(real, id)).toEqual(shown(none, unknown));
      }
    }
    const still = await hub.query(await as('partner_system', 'DE', org), OUTCOME, { id });
    expect(still.body.data.referral.status).toBe('SUBMITTED');
  });

  test('registerVictim\'s duplicate check: a registration of the same person elsewhere is reported', async () => {
    const input = person();
    const registered = await hub.query(await as('social_worker', 'AT'), `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { caseReference } } }`, {
      input: { legalName: input.name, dateOfBirth: input.dateOfBirth, nationality: input.nationality, gender: 'FEMALE' },
    });
    expect(registered.body.errors).toBeUndefined();
    const id = await submit(orgNamed('de-nrm'), input);
    const res = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.acceptReferral.possibleDuplicates).toEqual([{ jurisdiction: 'AT', caseReference: registered.body.data.registerVictim.victim.caseReference }]);
  });

  test('a duplicate of the jurisdiction is linked instead of registered again', async () => {
    const input = person();
    const first = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id: await submit(orgNamed('de-nrm'), input) });
    const existing = first.body.data.acceptReferral.victim.id;
    const id = await submit(orgNamed('de-police'), input, 'law_enforcement');
    const res = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id, input: { existingVictimId: existing } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.acceptReferral).toMatchObject({ referral: { status: 'ACCEPTED', victim: { id: existing } }, victim: { id: existing }, possibleDuplicates: [] });
    expect(await hub.subgraphs.victims.connection.models.Victim.countDocuments({ legalName: input.name })).toBe(1);
  });

  test('a registration of another jurisdiction cannot be linked: unknown, as any id it may not know', async () => {
    const foreign = await hub.query(await as('social_worker', 'AT'), `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id } } }`, {
      input: { legalName: `Foreign ${randomBytes(3).toString('hex')}`, nationality: 'UA', gender: 'FEMALE' },
    });
    const id = await submit(orgNamed('de-nrm'));
    const res = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id, input: { existingVictimId: foreign.body.data.registerVictim.victim.id } });
    expect(Object.values(errorCodes(res.body))).toEqual(['NOT_FOUND']);
    expect((await hub.query(await as('social_worker', 'DE'), OUTCOME, { id })).body.data.referral.status).toBe('SUBMITTED');
  });

  test('a referral with only an alias needs the legal name to register; wrong fields all at once', async () => {
    const id = await submit(orgNamed('de-hotline'), person({ name: null, alias: 'Lena' }));
    const alias = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id });
    expect(res400(alias)).toEqual(['input.legalName']);
    const missing = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id, input: { existingVictimId: 'short', legalName: ' ' } });
    expect(missing.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.existingVictimId', 'input.legalName']);
    const named = await hub.query(await as('social_worker', 'DE'), ACCEPT, { id, input: { legalName: 'Olena Kovalenko' } });
    expect(named.body.errors).toBeUndefined();
    expect(named.body.data.acceptReferral.victim.legalName).toBe('Olena Kovalenko');
  });
});

describe('declineReferral, and only one decision', () => {
  test('declined with a reason the referrer reads; then neither accepted nor declined again (CONFLICT naming the status)', async () => {
    const org = orgNamed('de-nrm');
    const id = await submit(org);
    const empty = await hub.query(await as('social_worker', 'DE'), DECLINE, { id, reason: '  ' });
    expect(res400(empty)).toEqual(['reason']);
    const res = await hub.query(await as('social_worker', 'DE'), DECLINE, { id, reason: 'Person already in the care of the AT mechanism' });
    expect(res.body.data.declineReferral).toEqual({ id, status: 'DECLINED', declineReason: 'Person already in the care of the AT mechanism' });
    const seen = await hub.query(await as('partner_system', 'DE', org), OUTCOME, { id });
    expect(seen.body.data.referral).toMatchObject({ status: 'DECLINED', declineReason: 'Person already in the care of the AT mechanism' });
    for (const [query, variables] of [[ACCEPT, {}], [DECLINE, { reason: 'again' }]] as const) {
      const again = await hub.query(await as('social_worker', 'DE'), query, { id, ...variables });
      expect(Object.values(errorCodes(again.body))).toEqual(['CONFLICT']);
      expect(again.body.errors![0].message).toContain('DECLINED');
    }
  });

  test('concurrent accepts and declines: exactly one wins, one registration', async () => {
    const input = person();
    const id = await submit(orgNamed('de-nrm'), input);
    const token = await as('social_worker', 'DE');
    const answers = await Promise.all([
      hub.query(token, ACCEPT, { id }),
      hub.query(token, DECLINE, { id, reason: 'Duplicate' }),
      hub.query(token, ACCEPT, { id }),
      hub.query(token, ACCEPT, { id }, victimsDirect()),
    ]);
    const outcomes = answers.map((a) => (a.body.errors ? Object.values(errorCodes(a.body))[0] : 'OK'));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const registered = await hub.subgraphs.victims.connection.models.Victim.countDocuments({ legalName: input.name });
    const status = (await hub.query(token, OUTCOME, { id })).body.data.referral.status;
    expect({ status, registered }).toEqual(outcomes[1] === 'OK' ? { status: 'DECLINED', registered: 0 } : { status: 'ACCEPTED', registered: 1 });
  });
});

describe('referrals: newest first, paged', () => {
  test("an organisation pages its own, newest first; by status; a social worker's list holds them in the same order", async () => {
    const org = orgNamed('de-nrm');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await submit(org));
    await hub.query(await as('social_worker', 'DE'), DECLINE, { id: ids[0], reason: 'Not a trafficking case' });
    const token = await as('partner_system', 'DE', org);
    const first = (await hub.query(token, LIST, { first: 2 })).body.data.referrals;
    expect({ ids: first.edges.map((e: any) => e.node.id), more: first.pageInfo.hasNextPage, total: first.totalCount }).toEqual({ ids: [ids[2], ids[1]], more: true, total: 3 });
    const rest = (await hub.query(token, LIST, { first: 2, after: first.pageInfo.endCursor })).body.data.referrals;
    expect({ ids: rest.edges.map((e: any) => e.node.id), more: rest.pageInfo.hasNextPage }).toEqual({ ids: [ids[0]], more: false });
    const declined = (await hub.query(token, LIST, { status: 'DECLINED' })).body.data.referrals;
    expect(declined.edges.map((e: any) => e.node)).toEqual([{ id: ids[0], status: 'DECLINED' }]);
    const social = (await hub.query(await as('social_worker', 'DE'), LIST, { first: 100 })).body.data.referrals.edges.map((e: any) => e.node.id);
    expect(social.filter((id: string) => ids.includes(id))).toEqual([ids[2], ids[1], ids[0]]);
  });
});

/** The paths a BAD_USER_INPUT names. */
function res400(res: GraphQLResponse): string[] {
  expect(Object.values(errorCodes(res.body))).toEqual(['BAD_USER_INPUT']);
  return res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path);
}
