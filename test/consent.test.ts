import { newId } from '../subgraphs/common/validate';
import { APPOINTED_ROLES, ROLES as ALL_ROLES, type Caller, type Role } from '../platform/auth';
import { decide, ROLES_BY_CATEGORY } from '../subgraphs/common/access';
import type { RequestContext } from '../subgraphs/common/context';
import { consentCovers, localConsents } from '../subgraphs/victims/access';
import { victimAccess } from '../subgraphs/victims/access';
import type { ConsentRecord, VictimRecord } from '../subgraphs/victims/models';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// Recording and withdrawing consent (who may), consent expiry, and what Query.victims lists:
// own jurisdiction plus foreign victims whose active consent names the caller's jurisdiction.

const ROLES: Role[] = [...ALL_ROLES];
const CONSENT_RECORDERS: Role[] = ['social_worker', 'legal_aid_attorney'];
const DAY = 24 * 60 * 60 * 1000;

const GRANT = `mutation($victimId: ID!, $input: GrantConsentInput!) {
  grantConsent(victimId: $victimId, input: $input) { id categories granteeJurisdictions purposes note active expiresAt withdrawnAt }
}`;
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { id active withdrawnAt } }`;
const HEALTH_TO_AT = { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: ['SHELTER_PLACEMENT', 'VICTIM_SUPPORT'], note: 'shelter placement' };

let hub: TestHub;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const gql = (role: Role, jurisdiction: string, query: string, variables?: Record<string, unknown>) => hub.queryAs(role, jurisdiction, query, variables);
const consents = () => hub.subgraphs.victims.connection.collection<{ _id: string } & Record<string, any>>('consents');
const storedConsents = (victimId: string) => consents().find({ victimId: victimId }).toArray();
const storedConsent = (id: string) => consents().findOne({ _id: id });

describe('grantConsent', () => {
  test.each(ROLES.map((role) => ({ role, allowed: CONSENT_RECORDERS.includes(role) })))(
    "$role of the victim's jurisdiction may record consent: $allowed",
    async ({ role, allowed }) => {
      const victimId = await registerVictim(hub, 'DE');
      const res = await gql(role, 'DE', GRANT, { victimId, input: HEALTH_TO_AT });
      if (allowed) {
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.grantConsent).toEqual({
          id: expect.any(String),
          ...HEALTH_TO_AT,
          active: true,
          expiresAt: null,
          withdrawnAt: null,
        });
        expect(await storedConsents(victimId)).toHaveLength(1);
      } else {
        expect(errorCodes(res.body)).toEqual({ grantConsent: 'FORBIDDEN' });
        expect(await storedConsents(victimId)).toEqual([]);
      }
    },
  );

  test.each(CONSENT_RECORDERS)('%s of another jurisdiction gets NOT_FOUND, exactly as for an unknown id, and nothing is stored', async (role) => {
    const victimId = await registerVictim(hub, 'DE');
    const res = await gql(role, 'FR', GRANT, { victimId, input: { ...HEALTH_TO_AT, granteeJurisdictions: ['FR'] } });
    const unknownId = newId();
    const unknown = await gql(role, 'FR', GRANT, { victimId: unknownId, input: { ...HEALTH_TO_AT, granteeJurisdictions: ['FR'] } });
    expect(res.body.errors).toEqual(unknown.body.errors!.map((e) => ({ ...e, message: e.message.replace(unknownId, victimId) })));
    expect(errorCodes(res.body)).toEqual({ grantConsent: 'NOT_FOUND' });
    expect(await storedConsents(victimId)).toEqual([]);
    // And the foreign social worker still does not see the victim at all.
    const read = await gql(role, 'FR', `query($id: ID!) { victim(id: $id) { vulnerabilities } }`, { id: victimId });
    expect(read.body).toEqual({ data: { victim: null } });
  });

  it('without a token: UNAUTHENTICATED and nothing stored', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const res = await hub.query(null, GRANT, { victimId, input: HEALTH_TO_AT });
    expect(errorCodes(res.body)).toEqual({ grantConsent: 'UNAUTHENTICATED' });
    expect(await storedConsents(victimId)).toEqual([]);
  });

  it('an expiry that is not in the future is BAD_USER_INPUT naming input.expiresAt, and nothing is stored', async () => {
    const victimId = await registerVictim(hub, 'DE');
    const res = await gql('social_worker', 'DE', GRANT, { victimId, input: { ...HEALTH_TO_AT, expiresAt: new Date(Date.now() - DAY).toISOString() } });
    expect(errorCodes(res.body)).toEqual({ grantConsent: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('input.expiresAt');
    expect(await storedConsents(victimId)).toEqual([]);
  });

  it('a consent with a future expiry applies until then', async () => {
    const victimId = await registerVictim(hub, 'DE', { vulnerabilities: ['DISABILITY'] });
    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    const res = await gql('social_worker', 'DE', GRANT, { victimId, input: { ...HEALTH_TO_AT, expiresAt } });
    expect(res.body.data.grantConsent).toMatchObject({ active: true, expiresAt });
    const read = await gql('shelter_staff', 'AT', `query($id: ID!) { victim(id: $id) { vulnerabilities } }`, { id: victimId });
    expect(read.body).toEqual({ data: { victim: { vulnerabilities: ['DISABILITY'] } } });
  });

  it("a read under consent is allowed only for one of the consent's purposes", async () => {
    const victimId = await registerVictim(hub, 'DE', { vulnerabilities: ['DISABILITY'] });
    await gql('social_worker', 'DE', GRANT, { victimId, input: HEALTH_TO_AT }); // for SHELTER_PLACEMENT and VICTIM_SUPPORT
    const HEALTH = `query($id: ID!) { victim(id: $id) { vulnerabilities } }`;
    const as = async (role: Role, purpose: string) => hub.query(await hub.token(role, 'AT'), HEALTH, { id: victimId }, { headers: { 'x-purpose': purpose } });
    expect((await as('social_worker', 'VICTIM_SUPPORT')).body).toEqual({ data: { victim: { vulnerabilities: ['DISABILITY'] } } });
    const otherPurpose = await as('social_worker', 'REPATRIATION');
    expect(errorCodes(otherPurpose.body)).toEqual({ 'victim.vulnerabilities': 'FORBIDDEN' });
    const judge = await as('judge', 'ADJUDICATION');
    expect(errorCodes(judge.body)).toEqual({ 'victim.vulnerabilities': 'FORBIDDEN' });
    // In the victim's own jurisdiction any purpose the role may state will do.
    const own = await hub.query(await hub.token('judge', 'DE'), HEALTH, { id: victimId }, { headers: { 'x-purpose': 'ADJUDICATION' } });
    expect(own.body).toEqual({ data: { victim: { vulnerabilities: ['DISABILITY'] } } });
  });
});

describe('withdrawConsent', () => {
  async function consentOfNewVictim(): Promise<{ victimId: string; consentId: string }> {
    const victimId = await registerVictim(hub, 'DE');
    return { victimId, consentId: await grantConsent(hub, victimId, 'DE', HEALTH_TO_AT) };
  }

  test.each(ROLES.map((role) => ({ role, allowed: CONSENT_RECORDERS.includes(role) })))(
    "$role of the victim's jurisdiction may withdraw consent: $allowed",
    async ({ role, allowed }) => {
      const { consentId } = await consentOfNewVictim();
      const res = await gql(role, 'DE', WITHDRAW, { id: consentId });
      if (allowed) {
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.withdrawConsent).toEqual({ id: consentId, active: false, withdrawnAt: expect.any(String) });
        expect((await storedConsent(consentId))!.withdrawnAt).toBeInstanceOf(Date);
      } else {
        expect(errorCodes(res.body)).toEqual({ withdrawConsent: 'FORBIDDEN' });
        expect((await storedConsent(consentId))!.withdrawnAt).toBeNull();
      }
    },
  );

  test.each(CONSENT_RECORDERS)('%s of another jurisdiction gets NOT_FOUND, exactly as for an unknown consent, and the consent stays active', async (role) => {
    const { victimId, consentId } = await consentOfNewVictim();
    const res = await gql(role, 'AT', WITHDRAW, { id: consentId });
    const unknownId = newId();
    const unknown = await gql(role, 'AT', WITHDRAW, { id: unknownId });
    expect(res.body.errors).toEqual(unknown.body.errors!.map((e) => ({ ...e, message: e.message.replace(unknownId, consentId) })));
    expect(errorCodes(res.body)).toEqual({ withdrawConsent: 'NOT_FOUND' });
    expect((await storedConsent(consentId))!.withdrawnAt).toBeNull();
    const read = await gql('social_worker', 'DE', `query($id: ID!) { victim(id: $id) { consents { id active } } }`, { id: victimId });
    expect(read.body.data.victim.consents).toEqual([{ id: consentId, active: true }]);
  });

  it('withdrawing twice is BAD_USER_INPUT and keeps the first withdrawal time', async () => {
    const { consentId } = await consentOfNewVictim();
    const first = await gql('social_worker', 'DE', WITHDRAW, { id: consentId });
    const second = await gql('legal_aid_attorney', 'DE', WITHDRAW, { id: consentId });
    expect(errorCodes(second.body)).toEqual({ withdrawConsent: 'BAD_USER_INPUT' });
    expect((await storedConsent(consentId))!.withdrawnAt.toISOString()).toBe(first.body.data.withdrawConsent.withdrawnAt);
  });

  it('an unknown consent is NOT_FOUND', async () => {
    const res = await gql('social_worker', 'DE', WITHDRAW, { id: newId() });
    expect(errorCodes(res.body)).toEqual({ withdrawConsent: 'NOT_FOUND' });
  });
});

describe('consent expiry (the decision, at a later moment)', () => {
  const grantedAt = new Date('2026-01-01T00:00:00Z');
  const expiresAt = new Date('2026-02-01T00:00:00Z');
  const consent: ConsentRecord = {
    _id: newId(),
    victimId: newId(),
    categories: ['HEALTH', 'IDENTITY'],
    granteeJurisdictions: ['AT'],
    purposes: ['REPATRIATION'],
    note: 'repatriation planning',
    grantedBy: 'sw-1',
    grantedAt,
    expiresAt,
    withdrawnAt: null,
    withdrawnBy: null,
  };
  const victim = { _id: consent.victimId, id: String(consent.victimId), jurisdiction: 'DE' } as VictimRecord & { id: string };
  /** The platform's decision on the victims subgraph's declaration, with these consents in store. */
  async function mayRead(who: Caller, category: string, consents: ConsentRecord[], now: Date): Promise<boolean> {
    const loaders = { consentsOfVictim: { load: async () => consents.map((c) => ({ ...c, id: String(c._id) })) } };
    const ctx = { caller: who, now, purpose: 'REPATRIATION', decisions: new Map(), loaders } as unknown as RequestContext;
    ctx.consents = localConsents(ctx as never);
    return (await decide(victimAccess, ctx, victim, category)).allowed;
  }
  const caller = (role: Role, jurisdiction: string): Caller => ({ sub: 'u-1', role, jurisdiction, org: 'org', issuer: 'https://idp.example', oversight: [] });
  const justBefore = new Date(expiresAt.getTime() - 1);
  const justAfter = new Date(expiresAt.getTime() + 1);
  const monthsLater = new Date('2026-06-01T00:00:00Z');

  test.each([
    { when: 'just before expiry', now: justBefore, category: 'HEALTH', jurisdiction: 'AT', covers: true },
    { when: 'just after expiry', now: justAfter, category: 'HEALTH', jurisdiction: 'AT', covers: false },
    { when: 'months after expiry', now: monthsLater, category: 'IDENTITY', jurisdiction: 'AT', covers: false },
    { when: 'before expiry, another category', now: justBefore, category: 'CONTACT', jurisdiction: 'AT', covers: false },
    { when: 'before expiry, another jurisdiction', now: justBefore, category: 'HEALTH', jurisdiction: 'FR', covers: false },
  ] as const)('consentCovers $category for $jurisdiction $when: $covers', ({ now, category, jurisdiction, covers }) => {
    expect(consentCovers(consent, category, jurisdiction, now)).toBe(covers);
  });

  test.each([
    { who: 'a judge of AT before expiry', role: 'judge', jurisdiction: 'AT', now: justBefore, may: true },
    { who: 'a judge of AT after expiry', role: 'judge', jurisdiction: 'AT', now: justAfter, may: false },
    { who: 'a judge of DE (own jurisdiction) after expiry', role: 'judge', jurisdiction: 'DE', now: monthsLater, may: true },
    { who: 'a partner system of AT before expiry', role: 'partner_system', jurisdiction: 'AT', now: justBefore, may: false },
  ] as const)('IDENTITY decided for $who → $may', async ({ role, jurisdiction, now, may }) => {
    expect(await mayRead(caller(role, jurisdiction), 'IDENTITY', [consent], now)).toBe(may);
  });

  it('a withdrawn consent covers nothing, even before its expiry', async () => {
    const withdrawn = { ...consent, withdrawnAt: new Date('2026-01-15T00:00:00Z'), withdrawnBy: 'sw-1' };
    expect(consentCovers(withdrawn, 'HEALTH', 'AT', new Date('2026-01-20T00:00:00Z'))).toBe(false);
    expect(await mayRead(caller('judge', 'AT'), 'HEALTH', [withdrawn], new Date('2026-01-20T00:00:00Z'))).toBe(false);
  });
});

describe('Query.victims', () => {
  const LIST = `query($jurisdiction: String, $status: VictimStatus, $first: Int, $after: String) {
    victims(jurisdiction: $jurisdiction, status: $status, first: $first, after: $after) {
      edges { cursor node { id jurisdiction status } } pageInfo { hasNextPage endCursor } totalCount
    }
  }`;
  // The caller is a social worker of SE.
  const v: Record<string, string> = {};

  async function list(variables: Record<string, unknown> = {}, role: Role = 'social_worker'): Promise<string[]> {
    const res = await gql(role, 'SE', LIST, { first: 100, ...variables });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.victims.pageInfo.hasNextPage).toBe(false);
    expect(res.body.data.victims.totalCount).toBe(res.body.data.victims.edges.length);
    return res.body.data.victims.edges.map((e: { node: { id: string } }) => e.node.id);
  }
  const names = (ids: string[]) => ids.map((id) => Object.keys(v).find((name) => v[name] === id) ?? `unknown ${id}`).sort();

  beforeAll(async () => {
    for (const name of ['SE1', 'SE2', 'SE3']) v[name] = await registerVictim(hub, 'SE', { legalName: `Person ${name}` });
    for (const name of ['NO1', 'NO2', 'NO3', 'NO4']) v[name] = await registerVictim(hub, 'NO', { legalName: `Person ${name}` });
    v.FI1 = await registerVictim(hub, 'FI', { legalName: 'Person FI1' });
    v.DK1 = await registerVictim(hub, 'DK', { legalName: 'Person DK1' });
    v.NO1consent = await grantConsent(hub, v.NO1, 'NO', { categories: ['HEALTH'], granteeJurisdictions: ['SE'] });
    await grantConsent(hub, v.NO2, 'NO', { categories: ['HEALTH', 'IDENTITY'], granteeJurisdictions: ['DK'] });
    const withdrawn = await grantConsent(hub, v.NO3, 'NO', { categories: ['HEALTH'], granteeJurisdictions: ['SE'] });
    expect((await gql('social_worker', 'NO', WITHDRAW, { id: withdrawn })).body.errors).toBeUndefined();
    // A consent that expires while the hub runs: listed until then, not after (the hub's clock moves on a day).
    const expiresAt = new Date(hub.clock.now().getTime() + DAY);
    await grantConsent(hub, v.NO4, 'NO', { categories: ['HEALTH'], granteeJurisdictions: ['SE'], expiresAt: expiresAt.toISOString() });
    expect(await list({ jurisdiction: 'NO' })).toContain(v.NO4);
    hub.clock.advance(DAY + 1_000);
    await grantConsent(hub, v.FI1, 'FI', { categories: ['IDENTITY'], granteeJurisdictions: ['DK', 'SE'] });
    for (const [id, j] of [[v.SE2, 'SE'], [v.NO1, 'NO']]) {
      const res = await gql('social_worker', j, `mutation($id: ID!) { startRecoveryPeriod(victimId: $id, input: { days: 30 }) { id } }`, { id });
      expect(res.body.errors).toBeUndefined();
    }
  });

  it("lists the own jurisdiction's victims and the foreign ones whose active consent names it", async () => {
    expect(names(await list())).toEqual(['FI1', 'NO1', 'SE1', 'SE2', 'SE3']);
  });

  it('lists the same for every role (field rules, not the listing, decide what is shown); defence counsel lists no victims', async () => {
    for (const role of ROLES.filter((r) => !APPOINTED_ROLES.includes(r))) expect(names(await list({}, role))).toEqual(['FI1', 'NO1', 'SE1', 'SE2', 'SE3']);
    for (const role of APPOINTED_ROLES) expect(errorCodes((await gql(role, 'SE', LIST, { first: 100 })).body)).toEqual({ victims: 'FORBIDDEN' });
  });

  it('a consent that expired does not list the victim any more, nor open its data', async () => {
    expect(await list()).not.toContain(v.NO4);
    expect(await list({ status: 'PRESUMED' })).not.toContain(v.NO4);
    const read = await gql('social_worker', 'SE', `query($id: ID!) { victim(id: $id) { vulnerabilities } }`, { id: v.NO4 });
    expect(read.body).toEqual({ data: { victim: null } });
  });

  it('field rules still hold inside the list', async () => {
    const res = await gql('social_worker', 'SE', `{ victims(first: 100) { edges { node { id legalName } } } }`);
    const byName = Object.fromEntries(res.body.data.victims.edges.map((e: any, i: number) => [names([e.node.id])[0], { ...e.node, i }]));
    expect(byName.SE1.legalName).toBe('Person SE1');
    expect(byName.FI1.legalName).toBe('Person FI1'); // IDENTITY consented to SE
    expect(byName.NO1.legalName).toBeNull(); // only HEALTH consented
    expect(errorCodes(res.body)).toEqual({ [`victims.edges.${byName.NO1.i}.node.legalName`]: 'FORBIDDEN' });
  });

  it('pages with first/after: every victim once, in order, hasNextPage false at the end', async () => {
    const all = await list();
    for (const first of [1, 2, 5]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res = await gql('social_worker', 'SE', LIST, { first, after });
        expect(res.body.errors).toBeUndefined();
        const { edges, pageInfo } = res.body.data.victims;
        pages += 1;
        expect(edges.length).toBeLessThanOrEqual(first);
        seen.push(...edges.map((e: { node: { id: string } }) => e.node.id));
        if (edges.length) expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
        if (!pageInfo.hasNextPage) break;
        expect(edges).toHaveLength(first);
        after = pageInfo.endCursor;
        expect(pages).toBeLessThan(10);
      }
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / first));
    }
  });

  it('filters by jurisdiction, within what the caller may list', async () => {
    expect(names(await list({ jurisdiction: 'SE' }))).toEqual(['SE1', 'SE2', 'SE3']);
    expect(names(await list({ jurisdiction: 'NO' }))).toEqual(['NO1']);
    expect(names(await list({ jurisdiction: 'DK' }))).toEqual([]);
  });

  it('filters by status, alone and with jurisdiction', async () => {
    expect(names(await list({ status: 'IN_RECOVERY_PERIOD' }))).toEqual(['NO1', 'SE2']);
    expect(names(await list({ status: 'IN_RECOVERY_PERIOD', jurisdiction: 'NO' }))).toEqual(['NO1']);
    expect(names(await list({ status: 'PRESUMED' }))).toEqual(['FI1', 'SE1', 'SE3']);
  });

  it('counts the whole list in totalCount, whatever the page size', async () => {
    const res = await gql('social_worker', 'SE', LIST, { first: 2 });
    expect(res.body.data.victims.edges).toHaveLength(2);
    expect(res.body.data.victims.totalCount).toBe((await list()).length);
  });

  test.each([
    { args: { first: 0 }, field: 'first' },
    { args: { first: 101 }, field: 'first' },
    { args: { after: 'not-a-cursor' }, field: 'after' },
    { args: { after: Buffer.from('7:1').toString('base64url') }, field: 'after' },
  ])('bad paging $args is BAD_USER_INPUT naming $field', async ({ args, field }) => {
    const res = await gql('social_worker', 'SE', LIST, args);
    expect(errorCodes(res.body)).toEqual({ victims: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
  });

  it('asks for a token', async () => {
    const res = await hub.query(null, LIST);
    expect(errorCodes(res.body)).toEqual({ victims: 'UNAUTHENTICATED' });
  });

  it('after withdrawal the foreign victim disappears from the next listing', async () => {
    const res = await gql('legal_aid_attorney', 'NO', WITHDRAW, { id: v.NO1consent });
    expect(res.body.errors).toBeUndefined();
    expect(names(await list())).toEqual(['FI1', 'SE1', 'SE2', 'SE3']);
    expect(names(await list({ status: 'IN_RECOVERY_PERIOD' }))).toEqual(['SE2']);
  });
});

describe('what a victim shares with another jurisdiction (the consent question of other subgraphs)', () => {
  const SHARING = `query($ids: [ID!]!, $grantee: String) { victimSharing(victimIds: $ids, grantee: $grantee) { victimId jurisdiction consents { id categories } } }`;
  // Asked directly of the victims subgraph, as the other subgraphs ask it (the gateway does not expose it).
  const ask = async (token: string, ids: string[], grantee?: string) => hub.query(token, SHARING, { ids, grantee }, { url: hub.subgraphs.victims.url });
  const events = (victimId: string) => hub.subgraphs.victims.audit.events({ subjectType: 'Victim', subjectId: victimId, action: 'READ' });
  const SHARING_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney', 'shelter_staff'];

  it("is answered to the victim's own jurisdiction, and to nobody else", async () => {
    const victim = await registerVictim(hub, 'DE');
    const consent = await grantConsent(hub, victim, 'DE', { categories: ['LOCATION', 'HEALTH'], granteeJurisdictions: ['AT'] });
    const url = hub.subgraphs.victims.url;
    const own = await hub.query(await hub.token('social_worker', 'DE'), SHARING, { ids: [victim], grantee: 'AT' }, { url });
    expect(own.body.data.victimSharing).toEqual([{ victimId: victim, jurisdiction: 'DE', consents: [{ id: consent, categories: ['LOCATION', 'HEALTH'] }] }]);
    // Neither the consents nor whose victim it is, for a jurisdiction no consent names.
    const elsewhere = await hub.query(await hub.token('social_worker', 'IT'), SHARING, { ids: [victim], grantee: 'AT' }, { url });
    expect(elsewhere.body.data.victimSharing).toEqual([{ victimId: victim, jurisdiction: null, consents: [] }]);
    const notNamed = await hub.query(await hub.token('social_worker', 'DE'), SHARING, { ids: [victim], grantee: 'GR' }, { url });
    expect(notNamed.body.data.victimSharing[0].consents).toEqual([]);
    const bad = await hub.query(await hub.token('social_worker', 'DE'), SHARING, { ids: [victim], grantee: 'Austria' }, { url });
    expect(errorCodes(bad.body)).toEqual({ victimSharing: 'BAD_USER_INPUT' });
  });

  test.each(ROLES.map((role) => ({ role, allowed: SHARING_ROLES.includes(role) })))('$role may ask: $allowed', async ({ role, allowed }) => {
    const victim = await registerVictim(hub, 'DE');
    const res = await ask(await hub.token(role, 'DE'), [victim]);
    if (allowed) {
      expect(res.body).toEqual({ data: { victimSharing: [{ victimId: victim, jurisdiction: 'DE', consents: [] }] } });
    } else {
      expect(errorCodes(res.body)).toEqual({ victimSharing: 'FORBIDDEN' });
      expect(res.body.data).toBeNull();
      expect(await events(victim)).toEqual([]);
    }
  });

  it('the roles that may ask are exactly those that may ever see a protected category', () => {
    expect([...new Set(Object.values(ROLES_BY_CATEGORY).flat())].sort()).toEqual([...SHARING_ROLES].sort());
  });

  it('answers a victim the caller may not see exactly as a random id, until a consent names its jurisdiction', async () => {
    const victim = await registerVictim(hub, 'DE');
    const unknown = newId();
    const token = await hub.token('legal_aid_attorney', 'IT');
    const same = (id: string) => ({ data: { victimSharing: [{ victimId: id, jurisdiction: null, consents: [] }] } });
    for (const grantee of [undefined, 'IT', 'DE']) {
      expect((await ask(token, [victim], grantee)).body).toEqual(same(victim));
      expect((await ask(token, [unknown], grantee)).body).toEqual(same(unknown));
    }
    const both = await ask(token, [victim, unknown]);
    expect(both.body.data.victimSharing).toEqual([same(victim).data.victimSharing[0], same(unknown).data.victimSharing[0]]);
    // A consent naming IT (for any category) makes the victim known there, with what concerns IT only.
    await grantConsent(hub, victim, 'DE', { categories: ['LOCATION'], granteeJurisdictions: ['AT'] });
    const consent = await grantConsent(hub, victim, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['IT'] });
    expect((await ask(token, [victim])).body.data.victimSharing).toEqual([{ victimId: victim, jurisdiction: 'DE', consents: [{ id: consent, categories: ['HEALTH'] }] }]);
    // What the victim shares with a third jurisdiction is the victim's own jurisdiction's to ask.
    expect((await ask(token, [victim], 'AT')).body.data.victimSharing).toEqual([{ victimId: victim, jurisdiction: 'DE', consents: [] }]);
  });

  it('logs each answer as a read of the consent records: one event per victim per request, a refusal too, nothing for an unknown id', async () => {
    const victim = await registerVictim(hub, 'DE');
    const unknown = newId();
    const TWICE = `query($ids: [ID!]!) { a: victimSharing(victimIds: $ids) { victimId } b: victimSharing(victimIds: $ids, grantee: "AT") { victimId } }`;
    const own = await hub.query(await hub.token('social_worker', 'DE'), TWICE, { ids: [victim, victim, unknown] }, { url: hub.subgraphs.victims.url });
    expect(own.body.errors).toBeUndefined();
    expect(await events(victim)).toEqual([
      expect.objectContaining({ role: 'social_worker', jurisdiction: 'DE', purpose: 'VICTIM_SUPPORT', fields: ['consents'], deniedFields: [], decision: 'ALLOW', bases: ['OWN_JURISDICTION'] }),
    ]);
    // A jurisdiction no consent names was refused, and it is written down (the victim's access report shows it).
    await ask(await hub.token('prosecutor', 'IT'), [victim, unknown]);
    const refused = (await events(victim))[1];
    expect(refused).toMatchObject({ role: 'prosecutor', jurisdiction: 'IT', fields: ['consents', 'jurisdiction'], deniedFields: ['consents', 'jurisdiction'], decision: 'DENY', bases: [] });
    // Named by a consent: released on that consent.
    const consent = await grantConsent(hub, victim, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['IT'] });
    await ask(await hub.token('prosecutor', 'IT'), [victim]);
    expect((await events(victim))[2]).toMatchObject({ jurisdiction: 'IT', fields: ['consents', 'jurisdiction'], deniedFields: [], decision: 'ALLOW', bases: [`CONSENT:${consent}`] });
    expect(await events(unknown)).toEqual([]);
    const report = await hub.queryAs('social_worker', 'DE', `query($id: ID!) { accessReport(victimId: $id) { entries { text } } }`, { id: victim });
    const texts = report.body.data.accessReport.entries.map((e: { text: string }) => e.text).join('\n');
    expect(texts).toMatch(/a prosecutor of .* \(IT\) was refused your case details and consent records/);
  });
});
