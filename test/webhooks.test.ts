import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ServiceTokens } from '../platform/service-tokens';
import { startHub, type TestHub } from './support/hub';
import { ACCEPT, ATTORNEYS, CONSENT, HAND_OFF, REFUSE, asAttorney, seedDirectory, ASSIGN, PROVIDERS } from './support/legal-aid';
import { ISSUE, setUpAccreditation, trainingDesk } from './support/training';
import { grantConsent, registerVictim } from './support/victims';

// Webhooks (decision 116): subscriptions by the roles that may, the secret shown once and
// rotated, a change in the legal aid subgraph delivered to a receiver on loopback and
// verified with Standard Webhooks' own library, retries with backoff on the hub's clock,
// disabling and enabling, a delivery that survives the partners subgraph being down, and
// URLs refused without being called.

const MAX_FAILURES = 3;
let hub: TestHub;

/** A receiver on loopback: records every request, answers `status`. */
interface Receiver {
  url: string;
  calls: Array<{ headers: Record<string, string>; body: string }>;
  status: number;
  server: Server;
}

async function receiver(): Promise<Receiver> {
  const r = { calls: [], status: 204 } as unknown as Receiver;
  r.server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      r.calls.push({ headers: req.headers as Record<string, string>, body });
      res.statusCode = r.status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hooks`;
  return r;
}

const receivers: Receiver[] = [];
beforeAll(async () => {
  hub = await startHub({ env: { WEBHOOK_MODE: 'development', WEBHOOK_POLL_MS: '100', WEBHOOK_MAX_FAILURES: String(MAX_FAILURES), WEBHOOK_TIMEOUT_SECONDS: '2', EVENT_SCAN_SECONDS: '1' } });
  await seedDirectory(hub);
  await setUpAccreditation(hub);
}, 120_000); // a whole hub, the legal aid directory and three accreditation bodies: over 30 s when the machine is shared
afterAll(async () => {
  for (const r of receivers) r.server.close();
  await hub.stop();
});

async function until<T>(what: () => T | Promise<T>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > end) throw new Error('waited in vain');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id url events jurisdiction organisation enabled } } }`;
const LIST = `{ webhookSubscriptions { id url events enabled consecutiveFailures deliveries { totalCount edges { node { eventId eventType status attempts lastAttemptAt nextAttemptAt lastStatus lastError deliveredAt } } } } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret subscription { id } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`;
const ENABLE = `mutation($id: ID!) { enableWebhookSubscription(id: $id) { id enabled consecutiveFailures } }`;

const partner = (org: string, jurisdiction = 'DE') => hub.token('partner_system', jurisdiction, { org });
const [A1, , , , , , A7] = ATTORNEYS;
const NOTES = 'Moving to Berlin; trial in Tirana by video link';

/** An AL victim's file offered by attorney 7 to attorney 1 (DE): resolves to the handoff's id and the victim's. */
async function offerHandoff(): Promise<{ handoff: string; victim: string }> {
  const victim = await registerVictim(hub, 'AL');
  const from = (await hub.queryAs('social_worker', 'AL', ASSIGN, { v: victim, input: { attorneyId: A7._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'AL' } })).body.data.assignLegalAid.id;
  await hub.query(await asAttorney(hub, A7), CONSENT, { id: from });
  await grantConsent(hub, victim, 'AL', { granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'], categories: ['IDENTITY'] });
  const res = await hub.query(await asAttorney(hub, A7), HAND_OFF, { id: from, input: { toAttorneyId: A1._id, toJurisdiction: 'DE', reason: NOTES, transferCategories: ['CASE'] } });
  expect(res.body.errors).toBeUndefined();
  return { handoff: res.body.data.handOff.id, victim };
}

async function subscribe(token: string, url: string, events = ['handoff.offered', 'handoff.refused']) {
  const res = await hub.query(token, CREATE, { input: { url, events, description: 'test' } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.createWebhookSubscription as { secret: string; subscription: { id: string } };
}

async function deliveriesOf(token: string, id: string) {
  const list = (await hub.query(token, LIST)).body.data.webhookSubscriptions as Array<{ id: string; enabled: boolean; consecutiveFailures: number; deliveries: { edges: Array<{ node: any }> } }>;
  return list.find((s) => s.id === id)!;
}

describe('who may subscribe, to what', () => {
  const table: Array<[string, string, string[], string | null]> = [
    ['partner_system', 'DE', ['handoff.offered', 'placement.requested', 'precedent.published'], null],
    ['legal_aid_attorney', 'DE', ['handoff.offered', 'handoff.accepted'], null],
    ['shelter_staff', 'DE', ['placement.requested', 'bed.freed'], null],
    ['judge', 'DE', ['protective_order.due_soon'], null],
    ['legal_aid_attorney', 'DE', ['placement.requested'], 'FORBIDDEN'],
    ['judge', 'DE', ['handoff.offered'], 'FORBIDDEN'],
    ['auditor', 'DE', ['handoff.offered'], 'FORBIDDEN'],
    ['law_enforcement', 'DE', ['handoff.offered'], 'FORBIDDEN'],
    ['partner_system', 'DE', ['no.such_event'], 'BAD_USER_INPUT'],
    ['partner_system', 'DE', [], 'BAD_USER_INPUT'],
  ];
  test.each(table)('%s of %s subscribing to %j: %s', async (role, jurisdiction, events, code) => {
    const r = await receiver();
    receivers.push(r);
    const res = await hub.query(await hub.token(role, jurisdiction, { org: `org-${role}` }), CREATE, { input: { url: r.url, events } });
    if (code) {
      expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.body.data?.createWebhookSubscription ?? null).toBeNull();
    } else {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.createWebhookSubscription.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(res.body.data.createWebhookSubscription.subscription).toMatchObject({ url: r.url, events, jurisdiction, organisation: `org-${role}`, enabled: true });
    }
  });

  test('without a token: UNAUTHENTICATED', async () => {
    const res = await hub.query(null, CREATE, { input: { url: 'http://127.0.0.1:1/x', events: ['handoff.offered'] } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a subscription is its owner’s: another organisation or jurisdiction neither lists, rotates, enables nor deletes it (NOT_FOUND as for an unknown id)', async () => {
    const r = await receiver();
    receivers.push(r);
    const { subscription } = await subscribe(await partner('owner-org'), r.url);
    for (const stranger of [await partner('other-org'), await partner('owner-org', 'AT')]) {
      expect((await hub.query(stranger, LIST)).body.data.webhookSubscriptions.map((s: { id: string }) => s.id)).not.toContain(subscription.id);
      for (const mutation of [ROTATE, DELETE, ENABLE]) {
        const [mine, unknown] = [await hub.query(stranger, mutation, { id: subscription.id }), await hub.query(stranger, mutation, { id: 'AAAAAAAAAAAAAAAAAAAAAA' })];
        expect(mine.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(mine.body.errors?.[0]?.message.replace(subscription.id, 'X')).toBe(unknown.body.errors?.[0]?.message.replace('AAAAAAAAAAAAAAAAAAAAAA', 'X'));
      }
    }
    expect((await hub.query(await partner('owner-org'), DELETE, { id: subscription.id })).body.data.deleteWebhookSubscription).toBe(subscription.id);
    expect((await hub.query(await partner('owner-org'), LIST)).body.data.webhookSubscriptions.map((s: { id: string }) => s.id)).not.toContain(subscription.id);
  });

  test('the secret is shown once: no field of a subscription answers it', async () => {
    const res = await hub.query(await partner('any'), `{ webhookSubscriptions { id secret } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/Cannot query field "secret"/);
  });
});

describe('delivery URLs', () => {
  const refused: Array<[string, RegExp]> = [
    ['http://10.0.0.1/hook', /must be https/],
    ['https://10.1.2.3/hook', /private/],
    ['https://192.168.1.10/hook', /private/],
    ['https://172.16.0.5/hook', /private/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://[fe80::1]/hook', /link-local/],
    ['https://[fd00::1]/hook', /unique-local/],
    ['https://[::ffff:10.0.0.1]/hook', /private/],
    ['https://0.0.0.0/hook', /unspecified/],
    ['ftp://127.0.0.1/hook', /https/],
    ['https://user:pw@127.0.0.1/hook', /user name/],
    ['not a url', /not a URL/],
  ];
  test.each(refused)('%s is refused (BAD_USER_INPUT naming input.url), and no subscription is made', async (url, why) => {
    const token = await partner('url-org');
    const res = await hub.query(token, CREATE, { input: { url, events: ['handoff.offered'] } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/input\.url/);
    expect(res.body.errors?.[0]?.message).toMatch(why);
    expect((await hub.query(token, LIST)).body.data.webhookSubscriptions).toEqual([]);
  });
});

describe('events of the other subgraphs', () => {
  const bodies = (r: Receiver) => r.calls.map((c) => JSON.parse(c.body) as { type: string; data: Record<string, unknown> });

  test('shelters: placement.requested, .accepted, .declined and bed.freed to the shelter’s operator; nothing personal', async () => {
    const r = await receiver();
    receivers.push(r);
    const staff = await hub.token('shelter_staff', 'DE', { org: 'ngo-webhooks' });
    await subscribe(staff, r.url, ['placement.requested', 'placement.accepted', 'placement.declined', 'bed.freed']);
    const shelterInput = { name: 'Haus Webhook', operator: 'ngo-webhooks', city: 'Berlin', capacity: 2, services: ['PSYCHOLOGICAL'], accessibility: [], acceptsGenders: ['FEMALE'], acceptsUnaccompaniedMinors: false, acceptsFamilies: false, maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Geheimweg 7', phone: '+49 30 555' };
    const shelter = (await hub.queryAs('registrar', 'DE', `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, { input: shelterInput })).body.data.registerShelter.id;
    const stay = { from: new Date().toISOString().slice(0, 10), needs: ['PSYCHOLOGICAL'] };
    const place = async () => {
      const victim = await registerVictim(hub, 'DE');
      const res = await hub.queryAs('social_worker', 'DE', `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`, { s: shelter, v: victim, input: stay });
      expect(res.body.errors).toBeUndefined();
      return { victim, placement: res.body.data.requestPlacement.id as string };
    };
    const [one, two] = [await place(), await place()];
    expect((await hub.query(staff, `mutation($id: ID!) { acceptPlacement(placementId: $id) { status } }`, { id: one.placement })).body.errors).toBeUndefined();
    expect((await hub.query(staff, `mutation($id: ID!) { declinePlacement(placementId: $id, reason: "Full of Geheimnisse") { status } }`, { id: two.placement })).body.errors).toBeUndefined();
    await until(() => r.calls.length >= 5);
    await pause(500);
    expect(bodies(r).map((b) => [b.type, b.data.placementId ?? null])).toEqual([
      ['placement.requested', one.placement],
      ['placement.requested', two.placement],
      ['placement.accepted', one.placement],
      ['placement.declined', two.placement],
      ['bed.freed', null],
    ]);
    expect(bodies(r).every((b) => b.data.shelterId === shelter && b.data.source === 'shelters')).toBe(true);
    for (const personal of [one.victim, two.victim, 'Geheimweg', 'Geheimnisse', '+49']) expect(r.calls.map((c) => c.body).join()).not.toContain(personal);
  });

  test('victims: consent.withdrawn to the jurisdictions the consent named, not to others', async () => {
    const [named, other] = [await receiver(), await receiver()];
    receivers.push(named, other);
    await subscribe(await partner('consent-org', 'DE'), named.url, ['consent.withdrawn']);
    await subscribe(await partner('consent-org', 'FR'), other.url, ['consent.withdrawn']);
    const victim = await registerVictim(hub, 'AL');
    const consent = await grantConsent(hub, victim, 'AL', { granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'], categories: ['IDENTITY'] });
    const res = await hub.queryAs('social_worker', 'AL', `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: consent });
    expect(res.body.errors).toBeUndefined();
    await until(() => named.calls.length >= 1);
    await pause(500);
    expect(bodies(named)).toEqual([{ type: 'consent.withdrawn', timestamp: expect.any(String), data: { source: 'victims', consentId: consent, victimId: victim, jurisdictions: ['DE'] } }]);
    expect(other.calls).toHaveLength(0);
  });

  test('proceedings: an urgent protective order is due soon with 6 of its 24 hours left, then overdue — on the hub’s clock, each once', async () => {
    const r = await receiver();
    receivers.push(r);
    await subscribe(await hub.token('judge', 'DE', { org: 'lg-berlin' }), r.url, ['protective_order.due_soon', 'protective_order.overdue']);
    const victim = await registerVictim(hub, 'DE');
    const proceeding = (await hub.queryAs('prosecutor', 'DE', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, { input: { caseNumber: `WH-${victim.slice(0, 6)}`, court: 'LG Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] } })).body.data.openProceeding.id;
    const ordered = await hub.queryAs('prosecutor', 'DE', `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id decisionDue } }`, { id: proceeding, input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: 'Threats', protectedPersonLocation: 'Safe house' } });
    expect(ordered.body.errors).toBeUndefined();
    const order = ordered.body.data.requestProtectiveOrder.id;
    await pause(2500); // scans ran: nothing is due yet
    expect(r.calls).toHaveLength(0);
    hub.clock.advance(17 * 3600_000);
    await pause(2500);
    expect(r.calls).toHaveLength(0);
    hub.clock.advance(2 * 3600_000); // 5 hours left
    await until(() => r.calls.length >= 1);
    await pause(2500); // more scans: still once
    expect(bodies(r)).toEqual([{ type: 'protective_order.due_soon', timestamp: expect.any(String), data: { source: 'proceedings', protectiveOrderId: order, proceedingId: proceeding, jurisdictions: ['DE'] } }]);
    hub.clock.advance(6 * 3600_000);
    await until(() => r.calls.length >= 2);
    await pause(2500);
    expect(bodies(r).map((b) => b.type)).toEqual(['protective_order.due_soon', 'protective_order.overdue']);
  });
});

describe('the events of every other kind, each to its audience', () => {
  const bodies = (r: Receiver) => r.calls.map((c) => JSON.parse(c.body) as { type: string; data: Record<string, unknown> });
  const DAY = 24 * 3600_000;
  const heard = async (r: Receiver, count: number) => {
    await until(() => r.calls.length >= count);
    await pause(1500); // more rounds and scans: still once
    return bodies(r);
  };
  const listening = async (token: string, events: string[]) => {
    const r = await receiver();
    receivers.push(r);
    await subscribe(token, r.url, events);
    return r;
  };

  test('proceedings: precedent.published to the court’s jurisdiction, with its ECLI to fetch it by', async () => {
    const r = await listening(await hub.token('judge', 'DE', { org: 'lg-precedents' }), ['precedent.published']);
    const other = await listening(await partner('precedents-elsewhere', 'AT'), ['precedent.published']);
    const victim = await registerVictim(hub, 'DE');
    const opened = await hub.queryAs('prosecutor', 'DE', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, { input: { caseNumber: 'WH-PREC-1', court: 'LG Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] } });
    const proceeding = opened.body.data.openProceeding.id;
    expect((await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id: proceeding })).body.errors).toBeUndefined();
    const input = { ecli: 'ECLI:DE:LGB:2026:WEBHOOK1', courtType: 'FIRST_INSTANCE', decidedOn: '2026-03-02', legalSystem: 'CIVIL_LAW', language: 'de', summary: 'Debt bondage at a car wash.', significantFeatures: 'Debt bondage.', legalIssues: ['COMPENSATION'], keywords: { purposes: ['FORCED_LABOUR'] } };
    const published = await hub.queryAs('judge', 'DE', `mutation($id: ID!, $input: PublishPrecedentInput!) { publishPrecedent(proceedingId: $id, input: $input) { id ecli } }`, { id: proceeding, input });
    expect(published.body.errors).toBeUndefined();
    expect(await heard(r, 1)).toEqual([{ type: 'precedent.published', timestamp: expect.any(String), data: { source: 'proceedings', precedentId: published.body.data.publishPrecedent.id, ecli: input.ecli, jurisdictions: ['DE'] } }]);
    expect(other.calls).toHaveLength(0);
  });

  test('legal aid: handoff.accepted to the sending jurisdiction', async () => {
    const r = await listening(await partner('sending-side', 'AL'), ['handoff.accepted']);
    const { handoff } = await offerHandoff();
    const accepted = await hub.query(await asAttorney(hub, A1), ACCEPT, { id: handoff });
    expect(accepted.body.errors).toBeUndefined();
    expect(await heard(r, 1)).toEqual([{ type: 'handoff.accepted', timestamp: expect.any(String), data: { source: 'legal-aid', handoffId: handoff, jurisdictions: expect.arrayContaining(['AL', 'DE']) } }]);
  });

  test('shelters: bed.freed when a transfer completes (the bed of the shelter left)', async () => {
    const staff = await hub.token('shelter_staff', 'DE', { org: 'ngo-transfers' });
    const r = await listening(staff, ['bed.freed']);
    const register = async (name: string) =>
      (await hub.queryAs('registrar', 'DE', `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, { input: { name, operator: 'ngo-transfers', city: 'Berlin', capacity: 2, services: ['PSYCHOLOGICAL'], accessibility: [], acceptsGenders: ['FEMALE'], acceptsUnaccompaniedMinors: false, acceptsFamilies: false, maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Weg 1', phone: '+49 30 1' } })).body.data.registerShelter.id as string;
    const [left, next] = [await register('Haus Abschied'), await register('Haus Ankunft')];
    const arrive = async (placement: string) => {
      for (const m of ['acceptPlacement(placementId: $id) { status }', 'confirmPlacement(placementId: $id) { status }']) expect((await hub.query(staff, `mutation($id: ID!) { ${m} }`, { id: placement })).body.errors).toBeUndefined();
    };
    const victim = await registerVictim(hub, 'DE');
    const first = await hub.queryAs('social_worker', 'DE', `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`, { s: left, v: victim, input: { from: hub.clock.now().toISOString().slice(0, 10), needs: ['PSYCHOLOGICAL'] } });
    await arrive(first.body.data.requestPlacement.id);
    const moved = await hub.queryAs('social_worker', 'DE', `mutation($id: ID!, $to: ID!) { transferPlacement(placementId: $id, toShelterId: $to) { id } }`, { id: first.body.data.requestPlacement.id, to: next });
    expect(moved.body.errors).toBeUndefined();
    await pause(1000);
    expect(r.calls).toHaveLength(0); // not yet: she is still there
    await arrive(moved.body.data.transferPlacement.id);
    expect(await heard(r, 1)).toEqual([{ type: 'bed.freed', timestamp: expect.any(String), data: { source: 'shelters', shelterId: left, jurisdictions: ['DE'] } }]);
  });

  test('training: certificate.expiring within 30 days on the hub’s clock, then certificate.revoked, to the body and the holder’s jurisdiction', async () => {
    const r = await listening(await hub.token('accreditation_officer', 'AL', { org: 'WB' }), ['certificate.expiring', 'certificate.revoked']);
    const { register, complete } = trainingDesk(() => hub);
    const practitioner = await register('AL', 'POLICE');
    await complete(practitioner, 'WB-VA-101-M1', 90);
    await complete(practitioner, 'WB-VA-101-M2', 90);
    const issued = await hub.queryAs('accreditation_officer', 'AL', ISSUE, { id: practitioner, program: 'WB-VA-101', months: 2 });
    expect(issued.body.errors).toBeUndefined();
    const { code, expiresOn } = issued.body.data.issueCertificate;
    await pause(1500);
    expect(r.calls).toHaveLength(0); // two months left
    hub.clock.advance(35 * DAY);
    expect(await heard(r, 1)).toEqual([{ type: 'certificate.expiring', timestamp: expect.any(String), data: { source: 'training', certificateCode: code, expiresOn, jurisdictions: ['AL'] } }]);
    const revoked = await hub.queryAs('accreditation_officer', 'AL', `mutation($code: String!) { revokeCertificate(code: $code, reason: "Assessment irregular") { status } }`, { code });
    expect(revoked.body.errors).toBeUndefined();
    expect((await heard(r, 2))[1]).toEqual({ type: 'certificate.revoked', timestamp: expect.any(String), data: { source: 'training', certificateCode: code, jurisdictions: ['AL'] } });
  });

  test('proceedings: assistance_request.due_soon with 7 days of the recognition deadline left, then .overdue — on the hub’s clock, to both sides', async () => {
    const [executing, requesting] = [await listening(await hub.token('prosecutor', 'AT', { org: 'sta-wien' }), ['assistance_request.due_soon', 'assistance_request.overdue']), await listening(await partner('requesting-side', 'DE'), ['assistance_request.overdue'])];
    const victim = await registerVictim(hub, 'DE');
    const proceeding = (await hub.queryAs('prosecutor', 'DE', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, { input: { caseNumber: 'WH-MLA-1', court: 'LG Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] } })).body.data.openProceeding.id;
    const drafted = await hub.queryAs('prosecutor', 'DE', `mutation($input: DraftLegalAssistanceRequestInput!) { draftLegalAssistanceRequest(input: $input) { id } }`, { input: { proceedingId: proceeding, executingJurisdiction: 'AT', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Account holders' } });
    const id = drafted.body.data.draftLegalAssistanceRequest.id;
    expect((await hub.queryAs('prosecutor', 'DE', `mutation($id: ID!) { submitLegalAssistanceRequest(id: $id) { status } }`, { id })).body.errors).toBeUndefined();
    expect((await hub.queryAs('prosecutor', 'AT', `mutation($id: ID!) { acknowledgeReceipt(id: $id) { status } }`, { id })).body.errors).toBeUndefined();
    hub.clock.advance(22 * DAY); // 8 of 30 days left
    await pause(2500);
    expect(executing.calls).toHaveLength(0);
    hub.clock.advance(2 * DAY); // 6 left
    const data = { source: 'proceedings', legalAssistanceRequestId: id, deadline: 'recognition', jurisdictions: ['AT', 'DE'] };
    expect(await heard(executing, 1)).toEqual([{ type: 'assistance_request.due_soon', timestamp: expect.any(String), data }]);
    hub.clock.advance(7 * DAY);
    expect((await heard(executing, 2)).map((b) => b.type)).toEqual(['assistance_request.due_soon', 'assistance_request.overdue']);
    expect(await heard(requesting, 1)).toEqual([{ type: 'assistance_request.overdue', timestamp: expect.any(String), data }]);
  });
});

describe('the outbox feed', () => {
  const FEED = `{ outboxEvents(after: 0, first: 5) { head events { type ids { name value } } } }`;

  test('is for the hub’s services only: a person is refused on the subgraph, the gateway does not know it, a token of another use reads nothing else', async () => {
    const direct = hub.subgraphs['legal-aid'].url;
    const person = await hub.query(await partner('feed-org'), FEED, {}, { url: direct });
    expect(person.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(person.body.data?.outboxEvents ?? null).toBeNull();
    expect((await hub.query(await partner('feed-org'), FEED)).body.errors?.[0]?.message).toMatch(/Cannot query field "outboxEvents"/);
    const tokens = new ServiceTokens(hub.env.SERVICE_TOKEN_KEY);
    const erasureToken = await tokens.sign('partners', 'erasure-feed');
    expect((await hub.query(erasureToken, FEED, {}, { url: direct })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outboxToken = await tokens.sign('partners', 'outbox-feed');
    expect((await hub.query(outboxToken, `{ victims(first: 1) { totalCount } }`, {}, { url: hub.subgraphs.victims.url })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await hub.query(outboxToken, FEED, {}, { url: direct });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.outboxEvents.events.every((e: { type: string }) => e.type.startsWith('handoff.'))).toBe(true);
  });
});

describe('delivery', () => {
  test('a handoff offered is delivered to a subscriber of the receiving jurisdiction, signed (verified by standardwebhooks), ids and types only', async () => {
    const r = await receiver();
    receivers.push(r);
    const token = await partner('delivery-org');
    const { secret, subscription } = await subscribe(token, r.url);
    const { handoff, victim } = await offerHandoff();
    await until(() => r.calls.length >= 1);
    const [call] = r.calls;
    const payload = new Webhook(secret).verify(call.body, call.headers) as { type: string; data: Record<string, unknown> };
    expect(payload).toEqual({ type: 'handoff.offered', timestamp: expect.any(String), data: { source: 'legal-aid', handoffId: handoff, jurisdictions: ['DE'] } });
    expect(call.headers['webhook-id']).toMatch(/^legal-aid:\d+$/);
    // Nothing personal: not the victim, not the reason, not the attorney's name.
    for (const personal of [victim, NOTES, 'Attorney 1', A1._id]) expect(call.body).not.toContain(personal);
    // The log: one delivery, delivered at the first attempt.
    const logged = await until(async () => (await deliveriesOf(token, subscription.id)).deliveries.edges.find((e) => e.node.status === 'DELIVERED'));
    expect(logged!.node).toMatchObject({ eventId: call.headers['webhook-id'], eventType: 'handoff.offered', attempts: 1, lastStatus: 204, nextAttemptAt: null });
    // A subscriber of another jurisdiction received nothing of it; the same event is never sent twice.
    await pause(500);
    expect(r.calls).toHaveLength(1);

    // Rotation: the next delivery is signed with the new secret, not the old one.
    const rotated = (await hub.query(token, ROTATE, { id: subscription.id })).body.data.rotateWebhookSecret.secret;
    expect(rotated).not.toBe(secret);
    const refused = await hub.query(await asAttorney(hub, A1), REFUSE, { id: handoff });
    expect(refused.body.errors).toBeUndefined();
    await until(() => r.calls.length >= 2);
    expect(() => new Webhook(secret).verify(r.calls[1].body, r.calls[1].headers)).toThrow();
    expect(new Webhook(rotated).verify(r.calls[1].body, r.calls[1].headers)).toMatchObject({ type: 'handoff.refused', data: { handoffId: handoff } });
  });

  test('the organisation an event names receives it in any jurisdiction; an unrelated one does not', async () => {
    const [mine, other] = [await receiver(), await receiver()];
    receivers.push(mine, other);
    await subscribe(await hub.token('legal_aid_attorney', 'DE', { org: PROVIDERS[0]._id }), mine.url, ['handoff.offered']);
    await subscribe(await partner('unrelated', 'AT'), other.url, ['handoff.offered']);
    const { handoff } = await offerHandoff();
    await until(() => mine.calls.some((c) => c.body.includes(handoff)));
    await pause(500);
    expect(other.calls).toHaveLength(0);
  });

  test('failures are retried after 1, 2, … minutes on the hub’s clock; after repeated failure the subscription is disabled, and its owner enables it again', async () => {
    const r = await receiver();
    receivers.push(r);
    r.status = 500;
    const token = await partner('failing-org');
    const { subscription } = await subscribe(token, r.url, ['handoff.offered']);
    await offerHandoff();
    await until(() => r.calls.length === 1);
    const first = await until(async () => (await deliveriesOf(token, subscription.id)).deliveries.edges[0]?.node.lastStatus === 500 && (await deliveriesOf(token, subscription.id)).deliveries.edges[0].node);
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'answered HTTP 500' });
    expect(Date.parse(first.nextAttemptAt) - Date.parse(first.lastAttemptAt)).toBe(60_000);
    // Not before it is due.
    hub.clock.advance(30_000);
    await pause(600);
    expect(r.calls).toHaveLength(1);
    hub.clock.advance(31_000);
    await until(() => r.calls.length === 2);
    const second = await until(async () => ((await deliveriesOf(token, subscription.id)).deliveries.edges[0].node.attempts === 2 ? (await deliveriesOf(token, subscription.id)).deliveries.edges[0].node : null));
    expect(Date.parse(second.nextAttemptAt) - Date.parse(second.lastAttemptAt)).toBe(120_000);
    hub.clock.advance(121_000);
    await until(() => r.calls.length === 3);
    const disabled = await until(async () => {
      const s = await deliveriesOf(token, subscription.id);
      return !s.enabled && s;
    });
    expect(disabled && disabled.consecutiveFailures).toBe(MAX_FAILURES);
    // Disabled: nothing more is tried, however long.
    hub.clock.advance(24 * 3600_000);
    await pause(600);
    expect(r.calls).toHaveLength(3);
    // Enabled by its owner: the waiting delivery goes now.
    r.status = 200;
    expect((await hub.query(token, ENABLE, { id: subscription.id })).body.data.enableWebhookSubscription).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    await until(() => r.calls.length === 4);
    await until(async () => (await deliveriesOf(token, subscription.id)).deliveries.edges[0].node.status === 'DELIVERED');
    expect(new Set(r.calls.map((c) => c.headers['webhook-id'])).size).toBe(1);
  });

  // Last: it stops the partners subgraph the gateway knows.
  test('an event of a change made while the partners subgraph is down is delivered once after it restarts', async () => {
    const r = await receiver();
    receivers.push(r);
    const token = await partner('restart-org');
    await subscribe(token, r.url, ['handoff.offered']);
    await hub.subgraphs.partners.stop();
    const { handoff } = await offerHandoff();
    await pause(500);
    expect(r.calls).toHaveLength(0);
    const again = await hub.startReplica('partners');
    try {
      await until(() => r.calls.length >= 1);
      await pause(800);
      expect(r.calls).toHaveLength(1);
      expect(JSON.parse(r.calls[0].body).data.handoffId).toBe(handoff);
    } finally {
      await again.stop();
    }
  });
});

