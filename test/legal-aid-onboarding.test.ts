import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { ASSIGN, CONSENT, HAND_OFF, ONE } from './support/legal-aid';
import { registerVictim } from './support/victims';

// The legal aid directory set up through the API by each jurisdiction's registrar:
// providers (their id is the organisation their attorneys' tokens carry) and attorneys,
// registered once; deactivation; and `me { attorney }` — by the roles and jurisdictions
// that may and may not, through the gateway and on the legal aid subgraph directly.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const PROVIDER = `mutation($input: RegisterLegalAidProviderInput!) { registerLegalAidProvider(input: $input) { id name jurisdiction kind } }`;
const ATTORNEY = `mutation($input: RegisterAttorneyInput!) { registerAttorney(input: $input) { id name barNumber practitionerId jurisdictions languages acceptingCases active provider { id } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAttorney(attorneyId: $id, reason: "Left the provider") { id active } }`;
const ME = `{ me { subject attorney { id active provider { id } } handoffsOffered { id } } }`;
const MATCH = `query($j: String!) { matchAttorneys(jurisdiction: $j, first: 50) { attorney { id } } }`;

let n = 0;
/** A fresh organisation name (a counter: no chance in it). */
const org = (j: string) => `${j}-onboarding-${++n}`;
const registrar = (j: string) => hub.token('registrar', j);
const gql = async (token: Promise<string> | string | null, query: string, variables: Record<string, unknown> = {}, url?: string): Promise<GraphQLResponse> =>
  hub.query(await token, query, variables, url ? { url } : {});
const direct = () => hub.subgraphs['legal-aid'].url;

async function provider(j: string): Promise<string> {
  const res = await gql(registrar(j), PROVIDER, { input: { organisation: org(j), name: `Legal Aid ${j}`, kind: 'NGO' } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.registerLegalAidProvider.id;
}
const attorneyInput = (providerId: string, k: string, j = 'DE') => ({ providerId, name: `Attorney ${k}`, barNumber: `BAR-${k}`, jurisdictions: [j], languages: ['de', 'uk'], subject: `att-${k}` });
async function attorney(providerId: string, k: string, j = 'DE'): Promise<string> {
  const res = await gql(registrar(j), ATTORNEY, { input: attorneyInput(providerId, k, j) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.registerAttorney.id;
}
const asAttorney = (providerId: string, k: string, j = 'DE') => hub.token('legal_aid_attorney', j, { sub: `att-${k}`, org: providerId });
const providerCount = async (id: string) => hub.subgraphs['legal-aid'].connection.collection('providers').countDocuments({ _id: id as never });
const attorneysOf = async (providerId: string) => hub.subgraphs['legal-aid'].connection.collection('attorneys').countDocuments({ providerId });

describe('registerLegalAidProvider', () => {
  it("a registrar registers a provider of her own jurisdiction: its id is the organisation; an organisation taken is CONFLICT", async () => {
    const organisation = org('DE');
    for (const url of [undefined, direct()]) {
      const input = { organisation: url ? `${organisation}-direct` : organisation, name: 'Rechtshilfe Neukölln e.V.', kind: 'LAW_CLINIC' };
      const res = await gql(registrar('DE'), PROVIDER, { input }, url);
      expect(res.body).toEqual({ data: { registerLegalAidProvider: { id: input.organisation, name: 'Rechtshilfe Neukölln e.V.', jurisdiction: 'DE', kind: 'LAW_CLINIC' } } });
    }
    const again = await gql(registrar('DE'), PROVIDER, { input: { organisation, name: 'Another', kind: 'NGO', jurisdiction: 'DE' } });
    expect(errorCodes(again.body)).toEqual({ registerLegalAidProvider: 'CONFLICT' });
    // Taken in another jurisdiction is taken too: a token's org names one provider in the hub.
    expect(errorCodes((await gql(registrar('AT'), PROVIDER, { input: { organisation, name: 'Another', kind: 'NGO' } })).body)).toEqual({ registerLegalAidProvider: 'CONFLICT' });
    expect(await providerCount(organisation)).toBe(1);
  });

  it('of two registrations of one organisation at once, exactly one is written', async () => {
    const organisation = org('DE');
    const both = await Promise.all(['First', 'Second'].map((name) => gql(registrar('DE'), PROVIDER, { input: { organisation, name, kind: 'NGO' } })));
    expect(both.map((r) => (r.body.errors ? r.body.errors[0].extensions!.code : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await providerCount(organisation)).toBe(1);
  });

  it('no one else: a registrar of another jurisdiction, other roles, no token — through the gateway and directly', async () => {
    const input = { organisation: org('DE'), name: 'Not registered', kind: 'NGO', jurisdiction: 'DE' };
    for (const url of [undefined, direct()]) {
      expect(errorCodes((await gql(registrar('AT'), PROVIDER, { input }, url)).body)).toEqual({ registerLegalAidProvider: 'FORBIDDEN' });
      for (const role of ['social_worker', 'legal_aid_attorney', 'partner_system', 'accreditation_officer']) {
        expect({ role, codes: errorCodes((await gql(hub.token(role, 'DE'), PROVIDER, { input }, url)).body) }).toEqual({ role, codes: { registerLegalAidProvider: 'FORBIDDEN' } });
      }
      expect((await gql(null, PROVIDER, { input }, url)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect(await providerCount(input.organisation)).toBe(0);
  });

  it('every wrong field in one answer, nothing written', async () => {
    const res = await gql(registrar('DE'), PROVIDER, { input: { organisation: 'has spaces!', name: '  ', kind: 'NGO', jurisdiction: 'XX' } });
    expect(errorCodes(res.body)).toEqual({ registerLegalAidProvider: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.organisation', 'input.name', 'input.jurisdiction']);
    expect(await providerCount('has spaces!')).toBe(0);
  });
});

describe('registerAttorney', () => {
  it("a registrar of the provider's jurisdiction registers its attorneys; a bar number or subject taken at the provider is CONFLICT", async () => {
    const p = await provider('DE');
    const res = await gql(registrar('DE'), ATTORNEY, { input: { ...attorneyInput(p, 'r1'), jurisdictions: ['DE', 'AT'] } });
    expect(res.body.data.registerAttorney).toMatchObject({ name: 'Attorney r1', barNumber: 'BAR-r1', practitionerId: 'att-r1', jurisdictions: ['DE', 'AT'], languages: ['de', 'uk'], acceptingCases: true, active: true, provider: { id: p } });
    const taken = [
      { ...attorneyInput(p, 'r2'), barNumber: 'BAR-r1' },
      { ...attorneyInput(p, 'r3'), subject: 'att-r1' },
    ];
    for (const input of taken) expect(errorCodes((await gql(registrar('DE'), ATTORNEY, { input }, direct())).body)).toEqual({ registerAttorney: 'CONFLICT' });
    // Another provider's bar numbers and subjects are its own.
    const other = await provider('DE');
    expect((await gql(registrar('DE'), ATTORNEY, { input: { ...attorneyInput(other, 'r1') } })).body.errors).toBeUndefined();
    expect(await attorneysOf(p)).toBe(1);
  });

  it('of two registrations of one bar number at once, exactly one is written', async () => {
    const p = await provider('DE');
    const both = await Promise.all(['c1', 'c2'].map(async (k) => gql(registrar('DE'), ATTORNEY, { input: { ...attorneyInput(p, k), barNumber: 'BAR-same' } })));
    expect(both.map((r) => (r.body.errors ? r.body.errors[0].extensions!.code : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await attorneysOf(p)).toBe(1);
  });

  it("no one else: a registrar of another jurisdiction, the provider's own attorneys, partner systems, no token", async () => {
    const p = await provider('DE');
    await attorney(p, 'own');
    const input = attorneyInput(p, 'x1');
    for (const url of [undefined, direct()]) {
      const tokens: Array<[string, string | null]> = [
        ['registrar of AT', await registrar('AT')],
        ["the provider's attorney", await asAttorney(p, 'own')],
        ['partner_system of DE', await hub.token('partner_system', 'DE')],
        ['social_worker of DE', await hub.token('social_worker', 'DE')],
      ];
      for (const [who, token] of tokens) expect({ who, codes: errorCodes((await gql(token, ATTORNEY, { input }, url)).body) }).toEqual({ who, codes: { registerAttorney: 'FORBIDDEN' } });
      expect((await gql(null, ATTORNEY, { input }, url)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect(await attorneysOf(p)).toBe(1);
  });

  it('every wrong field in one answer, nothing written; she practises where her provider is', async () => {
    const p = await provider('DE');
    const res = await gql(registrar('DE'), ATTORNEY, { input: { ...attorneyInput(p, 'w1'), name: '', jurisdictions: ['DE', 'XX'], languages: ['de', 'Ukrainian'] } });
    expect(errorCodes(res.body)).toEqual({ registerAttorney: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.name', 'input.jurisdictions[1]', 'input.languages[1]']);
    const elsewhere = await gql(registrar('DE'), ATTORNEY, { input: { ...attorneyInput(p, 'w2'), jurisdictions: ['AT'] } });
    expect(elsewhere.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jurisdictions' });
    const unknown = await gql(registrar('DE'), ATTORNEY, { input: { ...attorneyInput('DE-no-such-provider', 'w3'), languages: [] } });
    expect(unknown.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.providerId', 'input.languages']);
    expect(await attorneysOf(p)).toBe(0);
  });
});

describe('deactivateAttorney', () => {
  it('she gets no new assignments or handoffs and is not matched; she is still read by id, inactive; her open assignment stays hers', async () => {
    const p = await provider('DE');
    const [gone, colleague] = [await attorney(p, 'd1'), await attorney(p, 'd2')];
    const victim = await registerVictim(hub, 'DE');
    const open = (await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victim, input: { attorneyId: gone, matter: 'ASYLUM', jurisdiction: 'DE' } })).body.data.assignLegalAid.id;
    expect((await gql(asAttorney(p, 'd1'), CONSENT, { id: open })).body.data.recordRepresentationConsent.status).toBe('ACTIVE');

    for (const [who, token] of [['registrar of AT', registrar('AT')], ['attorney of the provider', asAttorney(p, 'd2')], ['partner_system', hub.token('partner_system', 'DE')]] as const) {
      expect({ who, codes: errorCodes((await gql(token, DEACTIVATE, { id: gone }, direct())).body) }).toEqual({ who, codes: { deactivateAttorney: 'FORBIDDEN' } });
    }
    expect((await gql(registrar('DE'), DEACTIVATE, { id: gone })).body.data.deactivateAttorney).toEqual({ id: gone, active: false });
    expect(errorCodes((await gql(registrar('DE'), DEACTIVATE, { id: gone })).body)).toEqual({ deactivateAttorney: 'BAD_USER_INPUT' });

    expect((await gql(hub.token('partner_system', 'AT'), `query($id: ID!) { attorney(id: $id) { id active } }`, { id: gone })).body.data.attorney).toEqual({ id: gone, active: false });
    const matched = (await hub.queryAs('social_worker', 'DE', MATCH, { j: 'DE' })).body.data.matchAttorneys.map((m: { attorney: { id: string } }) => m.attorney.id);
    expect(matched).toContain(colleague);
    expect(matched).not.toContain(gone);
    const assign = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: await registerVictim(hub, 'DE'), input: { attorneyId: gone, matter: 'ASYLUM', jurisdiction: 'DE' } });
    expect(assign.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attorneyId' });
    // Her open assignment stays hers (she hands it on); no file is handed to her.
    expect((await gql(asAttorney(p, 'd1'), ONE, { id: open })).body.data.legalAidAssignment.status).toBe('ACTIVE');
    const toHer = await gql(asAttorney(p, 'd1'), HAND_OFF, { id: open, input: { toAttorneyId: colleague, toJurisdiction: 'DE', reason: 'Leaving', transferCategories: ['CASE'] } });
    expect(toHer.body.errors).toBeUndefined();
    const me = await gql(asAttorney(p, 'd1'), ME);
    expect(me.body.data.me).toEqual({ subject: 'att-d1', attorney: { id: gone, active: false, provider: { id: p } }, handoffsOffered: [] });
  });

  it('an unknown attorney is NOT_FOUND; every wrong field in one answer', async () => {
    expect(errorCodes((await gql(registrar('DE'), DEACTIVATE, { id: 'attorney-not-there-0000' })).body)).toEqual({ deactivateAttorney: 'NOT_FOUND' });
    const p = await provider('DE');
    const id = await attorney(p, 'e1');
    const blank = await gql(registrar('DE'), `mutation($id: ID!) { deactivateAttorney(attorneyId: $id, reason: " ") { id } }`, { id });
    expect(blank.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'reason', message: 'must not be empty' }] });
    expect((await gql(hub.token('partner_system', 'DE'), `query($id: ID!) { attorney(id: $id) { active } }`, { id })).body.data.attorney.active).toBe(true);
  });
});

describe('me { attorney }', () => {
  it("the caller's own attorney record: her subject at her token's organisation, else null", async () => {
    const p = await provider('DE');
    const id = await attorney(p, 'm1');
    expect((await gql(asAttorney(p, 'm1'), ME)).body.data.me).toEqual({ subject: 'att-m1', attorney: { id, active: true, provider: { id: p } }, handoffsOffered: [] });
    // On the legal aid subgraph directly (Query.me is the victims subgraph's): as an entity, the caller's own only.
    const entity = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { attorney { id } } } }`;
    expect((await gql(asAttorney(p, 'm1'), entity, { r: [{ __typename: 'Me', subject: 'att-m1' }] }, direct())).body.data._entities).toEqual([{ attorney: { id } }]);
    // The same subject at another organisation, an unregistered subject of the organisation, another role: no attorney.
    const nobody = [
      hub.token('legal_aid_attorney', 'DE', { sub: 'att-m1', org: 'DE-someone-else' }),
      hub.token('legal_aid_attorney', 'DE', { sub: 'intern-1', org: p }),
      hub.token('social_worker', 'DE', { sub: 'att-m1', org: p }),
    ];
    for (const token of nobody) expect((await gql(token, ME)).body.data.me).toMatchObject({ attorney: null, handoffsOffered: [] });
  });
});
