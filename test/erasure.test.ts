import { SignJWT } from 'jose';
import type { Connection } from 'mongoose';
import { ServiceTokens } from '../platform/service-tokens';
import { connectDatabase } from '../subgraphs/common/storage';
import type { ErasureFollower } from '../subgraphs/common/erasure';
import { legalAidErasure } from '../subgraphs/legal-aid/domain/erasure';
import { legalAidModels } from '../subgraphs/legal-aid/models';
import { proceedingErasure } from '../subgraphs/proceedings/domain/erasure';
import { shelterErasure } from '../subgraphs/shelters/domain/erasure';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { Records, setUpDirectories } from './support/records';
import { registerVictim } from './support/victims';

// Erasure reaches every subgraph: the victims subgraph announces each erasure in its feed;
// shelters, legal aid and proceedings each erase their part, audited first in their own
// chain, in order, also after being down; only hub services read the feed. Training holds
// no victim data and follows nothing. Databases are read directly here only to check.

let hub: TestHub;
const WAIT_MS = 20_000;
/** A test that seeds a victim in four subgraphs and waits for the followers (bounded), on a loaded machine. */
const SLOW_TEST_MS = 90_000;

const ERASE = `mutation($id: ID!, $basis: String!) { eraseVictimData(victimId: $id, legalBasis: $basis) { status legalName } }`;
const FEED = `query($after: Int!) { erasureNotices(after: $after, first: 10) { head notices { position victimId legalBasis requestedBy { role jurisdiction org } } } }`;

// A victim's traces in each subgraph: every value is a marker that must be gone after erasure.
const MARK = {
  pickup: 'Back-door-Erasable-Pickup',
  endReason: 'End-Erasable-Reason',
  accommodation: 'Accommodation-Erasable-Details',
  handoff: 'Handoff-Erasable-Reason',
  refusal: 'Refusal-Erasable-Reason',
  grounds: 'Grounds-Erasable-Threat',
  hideout: 'Hideout-Erasable-Location',
  reasons: 'Reasons-Erasable-Decision',
  translation: 'Translated-Erasable-Grounds',
  witness: 'Witness-Erasable-Reasons',
};
const ATTORNEYS = [
  { _id: 'attorney-erasure-00001', name: 'Attorney E1', barNumber: 'BAR-E1', jurisdictions: ['DE'], languages: ['de', 'uk'], providerId: 'prov-de-erasure-000001', practitionerId: 'att-e1', acceptingCases: true },
  { _id: 'attorney-erasure-00002', name: 'Attorney E2', barNumber: 'BAR-E2', jurisdictions: ['DE'], languages: ['de'], providerId: 'prov-de-erasure-000001', practitionerId: 'att-e2', acceptingCases: true },
];
const asAttorney = (n: 0 | 1) => hub.token('legal_aid_attorney', 'DE', { sub: ATTORNEYS[n].practitionerId, org: ATTORNEYS[n].providerId });

let keys = 0;
let translator = '';
/** Each call's retry: the same request with the same Idempotency-Key, by its query. */
const retries = new Map<string, () => Promise<GraphQLResponse>>();
/** Each call with an Idempotency-Key of its own: the answers kept for retries hold personal data too, and must go with the rest. */
async function ok(token: string | Promise<string>, query: string, variables: Record<string, unknown>) {
  const headers = { 'idempotency-key': `erasure-test-${(keys += 1)}` };
  const retry = async () => hub.query(await token, query, variables, { headers });
  retries.set(query, retry);
  const res = await retry();
  if (res.body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}

/** A DE victim with data in shelters (placement, transport, discharge), legal aid (assignment, consent, interpretation, accommodation, refused handoff) and proceedings (protective order and its translation, her witness profile and identity). */
async function victimEverywhere(tag: string): Promise<string> {
  const victim = await registerVictim(hub, 'DE', { legalName: `Person ${tag} Everywhere` });
  const staff = hub.token('shelter_staff', 'DE', { org: 'ngo-erasure' });
  const shelterInput = { name: `Haus ${tag}`, operator: 'ngo-erasure', city: 'Berlin', capacity: 4, services: ['PSYCHOLOGICAL'], accessibility: [], acceptsGenders: ['FEMALE'], acceptsUnaccompaniedMinors: false, acceptsFamilies: false, maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Weg 1', phone: '+49 30 1' };
  const shelter = (await ok(hub.token('registrar', 'DE'), `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, { input: shelterInput })).registerShelter.id;
  const stay = { from: new Date().toISOString().slice(0, 10), needs: ['PSYCHOLOGICAL'] };
  const placement = (await ok(hub.token('social_worker', 'DE'), `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`, { s: shelter, v: victim, input: stay })).requestPlacement.id;

  const proceeding = (await ok(hub.token('prosecutor', 'DE'), `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, { input: { caseNumber: `ER-${tag}-${victim.slice(0, 6)}`, court: 'LG Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] } })).openProceeding.id;
  const hearing = (await ok(hub.token('judge', 'DE'), `mutation($id: ID!) { scheduleHearing(proceedingId: $id, input: { scheduledAt: "2031-03-01T09:00:00Z", court: "LG Berlin", victimAppearance: IN_PERSON, safeTransportNeeded: true }) { id } }`, { id: proceeding })).scheduleHearing.id;
  await ok(staff, `mutation($h: ID!, $v: ID!, $input: TransportInput!) { arrangeTransport(hearingId: $h, victimId: $v, input: $input) { id } }`, { h: hearing, v: victim, input: { pickupLocation: MARK.pickup, escort: 'POLICE', departAt: '2031-03-01T07:30:00Z' } });
  await ok(staff, `mutation($id: ID!, $r: String!) { dischargePlacement(placementId: $id, reason: $r) { id } }`, { id: placement, r: MARK.endReason });
  const order = (await ok(hub.token('prosecutor', 'DE'), `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id grounds protectedPersonLocation } }`, { id: proceeding, input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: MARK.grounds, protectedPersonLocation: MARK.hideout } })).requestProtectiveOrder.id;
  await ok(hub.token('judge', 'DE'), `mutation($id: ID!, $r: String!) { decideProtectiveOrder(orderId: $id, decision: GRANTED, reasons: $r) { status } }`, { id: order, r: MARK.reasons });
  // Its translation says what the order says of her.
  const translation = (await ok(hub.token('judge', 'DE'), `mutation($input: RequestTranslationInput!) { requestTranslation(input: $input) { id } }`, { input: { subjectType: 'PROTECTIVE_ORDER', subjectId: order, targetLanguage: 'uk' } })).requestTranslation.id;
  await ok(hub.token('judge', 'DE'), `mutation($id: ID!, $code: String!) { assignTranslation(translationId: $id, translator: $code) { id } }`, { id: translation, code: translator });
  await ok(hub.token('judge', 'DE'), `mutation($id: ID!, $text: String!) { deliverTranslation(translationId: $id, text: $text) { id } }`, { id: translation, text: MARK.translation });
  // She is W-1 for the defence: her profile and, on a judge's order, her identity are copied into the proceeding (decision 117).
  await ok(hub.token('judge', 'DE'), `mutation($id: ID!, $r: String!) { orderWitnessIdentityDisclosure(proceedingId: $id, witness: "W-1", reasons: $r) { label } }`, { id: proceeding, r: MARK.witness });

  const assignment = (await ok(hub.token('social_worker', 'DE'), `mutation($v: ID!, $input: AssignLegalAidInput!) { assignLegalAid(victimId: $v, input: $input) { id } }`, { v: victim, input: { attorneyId: ATTORNEYS[0]._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE' } })).assignLegalAid.id;
  await ok(asAttorney(0), `mutation($id: ID!) { recordRepresentationConsent(assignmentId: $id, input: { givenOn: "2026-01-10", language: "uk", interpreterUsed: true }) { id } }`, { id: assignment });
  await ok(hub.token('social_worker', 'DE'), `mutation($id: ID!) { requestInterpretation(assignmentId: $id, input: { language: "uk", occasion: HEARING, at: "2031-05-01T09:00:00Z" }) { id } }`, { id: assignment });
  await ok(hub.token('social_worker', 'DE'), `mutation($id: ID!, $d: String!) { requestAccommodation(assignmentId: $id, input: { kind: TRAUMA_INFORMED, details: $d }) { id } }`, { id: assignment, d: MARK.accommodation });
  const handoff = (await ok(asAttorney(0), `mutation($id: ID!, $input: HandOffInput!) { handOff(assignmentId: $id, input: $input) { id } }`, { id: assignment, input: { toAttorneyId: ATTORNEYS[1]._id, toJurisdiction: 'DE', reason: MARK.handoff, transferCategories: ['CASE'] } })).handOff.id;
  await ok(asAttorney(1), `mutation($id: ID!, $r: String!) { refuseHandoff(handoffId: $id, reason: $r) { id } }`, { id: handoff, r: MARK.refusal });
  return victim;
}

/** Every document of every collection of a database, as text. */
async function everything(connection: Connection): Promise<string> {
  const db = connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name);
  return JSON.stringify(await Promise.all(names.map((name) => db.collection(name).find().toArray())));
}

const markersIn = (text: string) => Object.values(MARK).filter((marker) => text.includes(marker));

/** Polls `done` until it holds, at most WAIT_MS (the follower works in the background). */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not within ${WAIT_MS} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function noticeOf(victimId: string): Promise<number> {
  const doc = await hub.subgraphs.victims.connection.collection<{ _id: string }>('erasureNotices').findOne({ victimId });
  return Number(doc!._id.split('#')[1]);
}

/** A subgraph's /metrics, and the value of one unlabelled (but for `service`) sample in it. */
const metricsOf = async (name: string) => (await fetch(new URL('/metrics', hub.subgraphs[name].url))).text();
const sample = (text: string, metric: string) => {
  const m = new RegExp(`^${metric}\\{service="[a-z-]+"\\} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
};

const FOLLOWERS = ['shelters', 'legal-aid', 'proceedings'] as const;
const DECLARED = { shelters: shelterErasure.fields, 'legal-aid': legalAidErasure.fields, proceedings: proceedingErasure.fields };
const follower = (name: string) => hub.subgraphs[name].erasure as ErasureFollower;

beforeAll(async () => {
  // Long polls: what reaches the followers here is the start-up catch-up and the owner's nudge.
  hub = await startHub({ env: { ERASURE_POLL_SECONDS: '600' } });
  const legalAid = legalAidModels(hub.subgraphs['legal-aid'].connection);
  await legalAid.providers.create({ _id: 'prov-de-erasure-000001', name: 'Rechtshilfe Erasure e.V.', jurisdiction: 'DE', kind: 'NGO' });
  await legalAid.attorneys.createMany(ATTORNEYS);
  // A certified translator for the order's translation (the directories of test/support/records.ts).
  await setUpDirectories(hub);
  translator = await new Records(hub).translatorCertificate();
}, 60_000);
afterAll(() => hub.stop());

describe('eraseVictimData reaches every subgraph', () => {
  it('the owner announces; shelters, legal aid and proceedings erase their part, each audited first in its own chain; the rest stays', async () => {
    const victim = await victimEverywhere('A');
    for (const name of FOLLOWERS) expect({ name, markers: markersIn(await everything(hub.subgraphs[name].connection)).length > 0 }).toEqual({ name, markers: true });

    expect((await hub.queryAs('judge', 'DE', ERASE, { id: victim, basis: 'GDPR Art. 17(1)(a)' })).body.data.eraseVictimData).toEqual({ status: 'CLOSED', legalName: null });
    const notice = await noticeOf(victim);
    for (const name of FOLLOWERS) await until(`${name} erased notice ${notice}`, async () => (await follower(name).position()) >= notice);

    // The protective order's answer, kept for a retry, held the grounds and the hideout: withheld by the follower's erasure.
    const retried = await [...retries].find(([query]) => query.includes('requestProtectiveOrder('))![1]();
    expect({ code: retried.body.errors?.[0]?.extensions?.code, withheld: /no longer kept/.test(retried.body.errors?.[0]?.message ?? ''), markers: markersIn(JSON.stringify(retried.body)) }).toEqual({ code: 'CONFLICT', withheld: true, markers: [] });
    for (const name of FOLLOWERS) {
      expect({ name, left: markersIn(await everything(hub.subgraphs[name].connection)) }).toEqual({ name, left: [] });
      const event = (await hub.subgraphs[name].audit.trail('Victim', victim)).find((e) => e.action === 'VICTIM_DATA_ERASED');
      expect({ name, event }).toMatchObject({
        name,
        event: { actor: 'erasure', role: 'service', bases: [`ERASURE_NOTICE:${notice}`, 'LEGAL_BASIS:GDPR Art. 17(1)(a)', 'REQUESTED_BY:judge/DE'], fields: DECLARED[name] },
      });
    }
    // Interpretations and the representation consent are gone too (no marker: checked by value).
    const assignment = await hub.subgraphs['legal-aid'].connection.collection('assignments').findOne({ victimId: victim });
    expect(assignment).toMatchObject({ status: 'ACTIVE', representationConsent: null, interpretations: [], accommodations: [] });
    // Kept: the placement (beds and occupancy are counted from it), the order's status, the CASE view.
    expect(await hub.subgraphs.shelters.connection.collection('placements').findOne({ victimId: victim })).toMatchObject({ status: 'DISCHARGED', needs: [], endReason: null });
    expect(await hub.subgraphs.proceedings.connection.collection('protectiveOrders').findOne({ protectedVictimId: victim })).toMatchObject({ status: 'GRANTED', grounds: null, protectedPersonLocation: null, reasons: null });
    // Her witness record keeps its label and when the order was made; the profile, the identity copy and the order's reasons are gone.
    expect(await hub.subgraphs.proceedings.connection.collection('witnesses').findOne({ victimId: victim })).toMatchObject({ label: 'W-1', ageGroup: null, gender: null, identity: null, identityOrder: { orderedBy: expect.any(String), reasons: null } });
    // Training holds no victim data: it follows nothing and logs nothing about her.
    expect(hub.subgraphs.training.erasure).toBeUndefined();
    expect(await hub.subgraphs.training.audit.trail('Victim', victim)).toEqual([]);
    // The lag is visible to operators (the gauges follow the cursor).
    await until('the metrics show it', async () => sample(await metricsOf('shelters'), 'hub_erasure_notice_processed') === notice);
    expect(sample(await metricsOf('shelters'), 'hub_erasure_notices_behind')).toBe(0);
  }, SLOW_TEST_MS);

  it('a failed erasure is not skipped: nothing is erased without its audit event, and it is tried again', async () => {
    const victim = await victimEverywhere('B');
    const events = hub.subgraphs.shelters.connection.models.AuditEvent.collection;
    const spy = jest.spyOn(events, 'insertMany').mockImplementation(() => Promise.reject(new Error('audit store down')));
    try {
      await ok(hub.token('social_worker', 'DE'), ERASE, { id: victim, basis: 'GDPR Art. 17(1)(b)' });
      const notice = await noticeOf(victim);
      await until('legal aid erased it', async () => (await follower('legal-aid').position()) >= notice);
      await follower('shelters').nudge();
      expect(await follower('shelters').position()).toBe(notice - 1);
      expect(markersIn(await everything(hub.subgraphs.shelters.connection))).toEqual([MARK.pickup, MARK.endReason]);
      const metrics = await metricsOf('shelters');
      expect({ behind: sample(metrics, 'hub_erasure_notices_behind'), failed: sample(metrics, 'hub_erasure_failures_total')! > 0 }).toEqual({ behind: 1, failed: true });
    } finally {
      spy.mockRestore();
    }
    await follower('shelters').nudge(); // as the next poll would
    expect(markersIn(await everything(hub.subgraphs.shelters.connection))).toEqual([]);
    expect((await hub.subgraphs.shelters.audit.trail('Victim', victim)).map((e) => e.action)).toContain('VICTIM_DATA_ERASED');
    expect(sample(await metricsOf('shelters'), 'hub_erasure_notices_behind')).toBe(0);
  }, SLOW_TEST_MS);

  it('a subgraph that was down erases what it missed when it starts again', async () => {
    const victim = await victimEverywhere('C');
    const name = hub.subgraphs.shelters.connection.name;
    await hub.subgraphs.shelters.stop();
    const shelters = await connectDatabase(process.env.MONGODB_URI!, name);
    try {
      await ok(hub.token('judge', 'DE'), ERASE, { id: victim, basis: 'Court order 2026/17' });
      const notice = await noticeOf(victim);
      await until('proceedings erased it', async () => (await follower('proceedings').position()) >= notice);
      expect(markersIn(await everything(shelters))).toEqual([MARK.pickup, MARK.endReason]); // nobody erased it meanwhile

      const replica = await hub.startReplica('shelters');
      await until('the restarted shelters subgraph caught up', async () => (await replica.erasure!.position()) >= notice);
      expect(markersIn(await everything(shelters))).toEqual([]);
      const trail = await replica.audit.trail('Victim', victim);
      expect(trail.filter((e) => e.action === 'VICTIM_DATA_ERASED').map((e) => e.bases[0])).toEqual([`ERASURE_NOTICE:${notice}`]);
    } finally {
      await shelters.dropDatabase(); // its own connection was closed with it: the hub cannot drop it
      await shelters.close();
    }
  }, SLOW_TEST_MS);
});

describe('the feed is for the hub services only', () => {
  const tokens = () => new ServiceTokens(hub.env.SERVICE_TOKEN_KEY);
  const victimsUrl = () => hub.subgraphs.victims.url;

  it('a service token reads the feed on the victims subgraph, and the read is audited', async () => {
    const res = await hub.query(await tokens().sign('legal-aid', 'erasure-feed'), FEED, { after: 0 }, { url: victimsUrl() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.erasureNotices.notices[0]).toEqual({ position: 1, victimId: expect.any(String), legalBasis: 'GDPR Art. 17(1)(a)', requestedBy: { role: 'judge', jurisdiction: 'DE', org: expect.any(String) } });
    const reads = await hub.subgraphs.victims.audit.trail('ErasureFeed', 'legal-aid');
    expect(reads.at(-1)).toMatchObject({ action: 'ERASURE_NOTICES_READ', actor: 'legal-aid', role: 'service', bases: [expect.stringMatching(/^NOTICES:1-\d+$/)] });
  });

  it("a person's token, or none, cannot read it on the victims subgraph; through the gateway it does not exist", async () => {
    const judge = await hub.query(await hub.token('judge', 'DE'), FEED, { after: 0 }, { url: victimsUrl() });
    expect(errorCodes(judge.body)).toEqual({ erasureNotices: 'FORBIDDEN' });
    expect(errorCodes((await hub.query(null, FEED, { after: 0 }, { url: victimsUrl() })).body)).toEqual({ erasureNotices: 'UNAUTHENTICATED' });
    const gateway = await hub.query(await hub.token('auditor', 'DE'), FEED, { after: 0 });
    expect(gateway.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the gateway refuses a service token (it does not hold the key)', async () => {
    const res = await hub.query(await tokens().sign('shelters', 'erasure-feed'), `{ __typename }`, {});
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a service token opens nothing but the feed: other fields, mutations and entities are refused whole', async () => {
    const token = await tokens().sign('shelters', 'erasure-feed');
    for (const [url, query] of [
      [victimsUrl(), `{ victims(first: 1) { totalCount } }`],
      [victimsUrl(), `{ erasureNotices(after: 0) { head } victims(first: 1) { totalCount } }`],
      [victimsUrl(), `{ _entities(representations: [{ __typename: "Victim", id: "AAAAAAAAAAAAAAAAAAAAAA" }]) { __typename } }`],
      [victimsUrl(), `mutation { eraseVictimData(victimId: "AAAAAAAAAAAAAAAAAAAAAA", legalBasis: "x") { status } }`],
      // Even a field anyone may ask without a token.
      [hub.subgraphs.proceedings.url, `{ precedentChanges { hasMore } }`],
    ]) {
      const res = await hub.query(token, query, {}, { url });
      expect({ query, status: res.status, code: res.body.errors?.[0].extensions?.code, data: res.body.data }).toEqual({ query, status: 403, code: 'FORBIDDEN', data: undefined });
    }
  });

  it('a service token for another use, signed with another key, or living too long is refused; so is an HS256 token posing as a person', async () => {
    const forged = async (key: string, claims: Record<string, unknown>, expiry = '60s') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiry).sign(new TextEncoder().encode(key));
    const attempts = [
      await tokens().sign('shelters', 'erasure-nudge'),
      await new ServiceTokens('another-key-of-at-least-32-characters!!').sign('shelters', 'erasure-feed'),
      await forged(hub.env.SERVICE_TOKEN_KEY, { iss: 'justice-hub/services', aud: 'justice-hub/erasure-feed', sub: 'shelters' }, '1h'),
      await forged(hub.env.SERVICE_TOKEN_KEY, { iss: 'https://idp.north.example', aud: 'justice-hub', sub: 'x', role: 'judge', jurisdiction: 'DE', org: 'court' }),
    ];
    for (const [i, token] of attempts.entries()) {
      const res = await hub.query(token, FEED, { after: 0 }, { url: victimsUrl() });
      expect({ attempt: i, status: res.status, code: res.body.errors?.[0].extensions?.code }).toEqual({ attempt: i, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('only a service token nudges a follower', async () => {
    const nudge = async (authorization?: string) => (await fetch(new URL('/erasures/nudge', hub.subgraphs['legal-aid'].url), { method: 'POST', headers: authorization ? { authorization } : {} })).status;
    expect(await nudge()).toBe(401);
    expect(await nudge(`Bearer ${await hub.token('judge', 'DE')}`)).toBe(401);
    expect(await nudge(`Bearer ${await tokens().sign('victims', 'erasure-feed')}`)).toBe(401);
    expect(await nudge(`Bearer ${await tokens().sign('victims', 'erasure-nudge')}`)).toBe(202);
  });
});
