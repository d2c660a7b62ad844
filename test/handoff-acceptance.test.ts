import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { ASSIGN, CONSENT, HAND_OFF } from './support/legal-aid';
import { grantConsent, registerVictim } from './support/victims';

// A file handed AL → DE between attorneys registered through the API: the handoff carries
// only what the victim shares with DE for legal representation (anything else is refused
// at handOff, naming it and why); only a registered, active attorney of the receiving
// provider answers it (one answer counts); the new assignment is OFFERED until its
// representation consent; then the receiving attorney reads her client's name, phone and
// needs, and nothing the victim does not share.

let hub: TestHub;
const dir: Record<string, string> = {};
const PROVIDERS = { AL: 'AL-handoff-ngo', DE: 'DE-handoff-ngo', DE2: 'DE-handoff-clinic' };

const gql = async (token: Promise<string> | string | null, query: string, variables: Record<string, unknown> = {}, url?: string): Promise<GraphQLResponse> =>
  hub.query(await token, query, variables, url ? { url } : {});
const direct = () => hub.subgraphs['legal-aid'].url;
/** The token of attorney `k` (`sub` att-<k>) of `provider`. */
const as = (k: string, provider: string, j = provider.slice(0, 2)) => hub.token('legal_aid_attorney', j, { sub: `att-${k}`, org: provider });

async function register(query: string, j: string, input: Record<string, unknown>): Promise<string> {
  const res = await gql(hub.token('registrar', j), query, { input });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return (Object.values(res.body.data)[0] as { id: string }).id;
}
const PROVIDER = `mutation($input: RegisterLegalAidProviderInput!) { registerLegalAidProvider(input: $input) { id } }`;
const ATTORNEY = `mutation($input: RegisterAttorneyInput!) { registerAttorney(input: $input) { id } }`;
const attorney = (k: string, provider: string, j: string, languages: string[]) =>
  register(ATTORNEY, j, { providerId: provider, name: `Attorney ${k}`, barNumber: `BAR-${k}`, jurisdictions: [j], languages, subject: `att-${k}` }).then((id) => (dir[k] = id));

beforeAll(async () => {
  hub = await startHub();
  await register(PROVIDER, 'AL', { organisation: PROVIDERS.AL, name: 'Qendra Ligjore', kind: 'NGO' });
  await register(PROVIDER, 'DE', { organisation: PROVIDERS.DE, name: 'Rechtshilfe Berlin', kind: 'NGO' });
  await register(PROVIDER, 'DE', { organisation: PROVIDERS.DE2, name: 'Law Clinic Berlin', kind: 'LAW_CLINIC' });
  await attorney('al1', PROVIDERS.AL, 'AL', ['sq', 'en']);
  for (const k of ['de1', 'de2', 'de4', 'de5']) await attorney(k, PROVIDERS.DE, 'DE', ['de', 'uk']);
  await attorney('de3', PROVIDERS.DE2, 'DE', ['de']);
});
afterAll(() => hub.stop());

const ME_OFFERS = `{ me { handoffsOffered { id fromJurisdiction toJurisdiction transferCategories status } } }`;
const ACCEPT = `mutation($id: ID!) { acceptHandoff(handoffId: $id) { id status toAssignment { id status jurisdiction attorney { id } } } }`;
const CLIENT = `query($id: ID!) { victim(id: $id) { legalName contactPhone vulnerabilities currentLocality screening { formVersion } } }`;

/** A victim of AL with an ACTIVE assignment to attorney al1 (representation consent recorded). */
async function alFile(): Promise<{ victim: string; from: string }> {
  const victim = await registerVictim(hub, 'AL', { vulnerabilities: ['PREGNANCY'] });
  const from = (await hub.queryAs('social_worker', 'AL', ASSIGN, { v: victim, input: { attorneyId: dir.al1, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'AL' } })).body.data.assignLegalAid.id;
  expect((await gql(as('al1', PROVIDERS.AL), CONSENT, { id: from })).body.data.recordRepresentationConsent.status).toBe('ACTIVE');
  return { victim, from };
}
const offer = (from: string, to: string, transferCategories: string[]) =>
  gql(as('al1', PROVIDERS.AL), HAND_OFF, { id: from, input: { toAttorneyId: to, toJurisdiction: 'DE', reason: 'Moving to Berlin', transferCategories } });
const offeredTo = async (token: Promise<string>, url?: string) => {
  const res = await gql(token, url ? `query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { handoffsOffered { id } } } }` : ME_OFFERS, url ? { r: [{ __typename: 'Me', subject: (JSON.parse(Buffer.from((await token).split('.')[1], 'base64url').toString()) as { sub: string }).sub }] } : {}, url);
  expect(res.body.errors).toBeUndefined();
  return ((url ? res.body.data._entities[0] : res.body.data.me).handoffsOffered as Array<{ id: string }>).map((h) => h.id);
};

describe('an AL → DE handoff, end to end', () => {
  it("carries IDENTITY, CONTACT and HEALTH shared for LEGAL_REPRESENTATION; one registered attorney of the provider accepts; after the representation consent she reads her client's name, phone and needs", async () => {
    const { victim, from } = await alFile();
    // Shared with DE for repatriation only, or not at all: refused at handOff, each category named with why.
    await grantConsent(hub, victim, 'AL', { categories: ['CONTACT'], granteeJurisdictions: ['DE'], purposes: ['REPATRIATION'] });
    const refused = await offer(from, dir.de1, ['CASE', 'IDENTITY', 'CONTACT', 'HEALTH']);
    expect(errorCodes(refused.body)).toEqual({ handOff: 'BAD_USER_INPUT' });
    expect(refused.body.errors![0].extensions!.fields).toEqual([
      { path: 'input.transferCategories[1]', message: 'IDENTITY: the victim has not consented to share it with DE for LEGAL_REPRESENTATION' },
      { path: 'input.transferCategories[2]', message: expect.stringContaining('CONTACT: the victim shares it with DE for REPATRIATION, not for LEGAL_REPRESENTATION') },
      { path: 'input.transferCategories[3]', message: 'HEALTH: the victim has not consented to share it with DE for LEGAL_REPRESENTATION' },
    ]);
    await grantConsent(hub, victim, 'AL', { categories: ['IDENTITY', 'CONTACT', 'HEALTH'], granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'] });
    const offered = await offer(from, dir.de1, ['CASE', 'IDENTITY', 'CONTACT', 'HEALTH']);
    expect(offered.body.errors).toBeUndefined();
    const handoff = offered.body.data.handOff.id;

    // In the inbox of the provider's registered attorneys, newest first; of no one else.
    const meOffers = (await gql(as('de1', PROVIDERS.DE), ME_OFFERS)).body.data.me.handoffsOffered;
    expect(meOffers[0]).toEqual({ id: handoff, fromJurisdiction: 'AL', toJurisdiction: 'DE', transferCategories: ['CASE', 'IDENTITY', 'CONTACT', 'HEALTH'], status: 'OFFERED' });
    expect(await offeredTo(as('de2', PROVIDERS.DE), direct())).toContain(handoff);
    for (const token of [as('de3', PROVIDERS.DE2), as('intern', PROVIDERS.DE), as('de1', PROVIDERS.DE, 'AT')]) expect(await offeredTo(token)).not.toContain(handoff);
    // offeredHandoffs is the same inbox: an unregistered token of the organisation sees none of it.
    const inbox = async (token: Promise<string>) => ((await gql(token, '{ offeredHandoffs { id } }')).body.data.offeredHandoffs as Array<{ id: string }>).map((h) => h.id);
    expect(await inbox(as('de1', PROVIDERS.DE))).toContain(handoff);
    expect(await inbox(as('intern', PROVIDERS.DE))).toEqual([]);

    // Only a registered, active attorney of the receiving provider answers it.
    const strangers: Array<[string, Promise<string>]> = [
      ['an unregistered token of the organisation', as('intern', PROVIDERS.DE)],
      ["another DE provider's attorney", as('de3', PROVIDERS.DE2)],
      ['a social worker of the organisation', hub.token('social_worker', 'DE', { sub: 'att-de1', org: PROVIDERS.DE })],
      ['partner_system of DE', hub.token('partner_system', 'DE')],
    ];
    for (const url of [undefined, direct()]) {
      for (const [who, token] of strangers) expect({ who, codes: errorCodes((await gql(token, ACCEPT, { id: handoff }, url)).body) }).toEqual({ who, codes: { acceptHandoff: 'FORBIDDEN' } });
      expect((await gql(null, ACCEPT, { id: handoff }, url)).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }

    // Two attorneys of the provider at once: one answer counts.
    const both = await Promise.all([gql(as('de1', PROVIDERS.DE), ACCEPT, { id: handoff }), gql(as('de2', PROVIDERS.DE), ACCEPT, { id: handoff })]);
    expect(both.map((r) => (r.body.errors ? r.body.errors[0].extensions!.code : r.body.data.acceptHandoff.status)).sort()).toEqual(['ACCEPTED', 'BAD_USER_INPUT']);
    const accepted = both.find((r) => !r.body.errors)!.body.data.acceptHandoff;
    expect(accepted.toAssignment).toMatchObject({ status: 'OFFERED', jurisdiction: 'DE', attorney: { id: dir.de1 } });
    expect(await hub.subgraphs['legal-aid'].connection.collection('assignments').countDocuments({ victimId: victim })).toBe(2);
    expect(await offeredTo(as('de1', PROVIDERS.DE))).not.toContain(handoff);

    // OFFERED until the receiving attorney records the representation consent (her colleague does not).
    const to = accepted.toAssignment.id;
    expect(errorCodes((await gql(as('de2', PROVIDERS.DE), CONSENT, { id: to })).body)).toEqual({ recordRepresentationConsent: 'FORBIDDEN' });
    expect((await gql(as('de1', PROVIDERS.DE), CONSENT, { id: to })).body.data.recordRepresentationConsent).toEqual({ id: to, status: 'ACTIVE' });

    // Her client's name, phone and needs, for legal representation; not what the victim does not share with DE.
    const client = await hub.query(await as('de1', PROVIDERS.DE), CLIENT, { id: victim }, { headers: { 'x-purpose': 'LEGAL_REPRESENTATION' } });
    expect(client.body.data.victim).toMatchObject({ legalName: 'Test Person', contactPhone: '+380501234567', vulnerabilities: ['PREGNANCY'] });
    expect(errorCodes(client.body)).toEqual({ 'victim.currentLocality': 'FORBIDDEN', 'victim.screening': 'FORBIDDEN' });
  });
});

describe('deactivated attorneys and handoffs', () => {
  it('a deactivated attorney answers no handoff, is offered none, and a handoff offered to her is refused by her colleagues, not accepted', async () => {
    const { victim, from } = await alFile();
    await grantConsent(hub, victim, 'AL', { categories: ['IDENTITY'], granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'] });
    const toHer = (await offer(from, dir.de4, ['CASE', 'IDENTITY'])).body.data.handOff.id;
    const DEACTIVATE = `mutation($id: ID!) { deactivateAttorney(attorneyId: $id, reason: "Left") { active } }`;
    expect((await gql(hub.token('registrar', 'DE'), DEACTIVATE, { id: dir.de4 })).body.data.deactivateAttorney.active).toBe(false);

    // She answers nothing and sees no offers; to her the file cannot be accepted, only refused (so it can go to another).
    expect(await offeredTo(as('de4', PROVIDERS.DE))).toEqual([]);
    for (const url of [undefined, direct()]) {
      expect(errorCodes((await gql(as('de4', PROVIDERS.DE), ACCEPT, { id: toHer }, url)).body)).toEqual({ acceptHandoff: 'FORBIDDEN' });
      expect(errorCodes((await gql(as('de5', PROVIDERS.DE), ACCEPT, { id: toHer }, url)).body)).toEqual({ acceptHandoff: 'FORBIDDEN' });
    }
    const REFUSE = `mutation($id: ID!) { refuseHandoff(handoffId: $id, reason: "She left us") { status } }`;
    expect((await gql(as('de5', PROVIDERS.DE), REFUSE, { id: toHer })).body.data.refuseHandoff.status).toBe('REFUSED');
    // A new offer to her is refused at handOff; to her colleague it goes, and the colleague, not she, accepts.
    const again = await offer(from, dir.de4, ['CASE']);
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toAttorneyId' });
    const toColleague = (await offer(from, dir.de5, ['CASE'])).body.data.handOff.id;
    expect(errorCodes((await gql(as('de4', PROVIDERS.DE), ACCEPT, { id: toColleague })).body)).toEqual({ acceptHandoff: 'FORBIDDEN' });
    expect((await gql(as('de5', PROVIDERS.DE), ACCEPT, { id: toColleague })).body.data.acceptHandoff.status).toBe('ACCEPTED');
  });
});
