import type { SeparateHub } from '../scripts/development/processes';
import type { GraphQLResponse, HubClient } from './support/hub';
import { ACCEPT, ASSIGN, CONSENT, HAND_OFF } from './support/legal-aid';
import { Records } from './support/records';
import { grantConsent, registerVictim } from './support/victims';
import { phasedLoad } from '../scripts/development/fault-load';
import { serviceUrl, startFaultHub, type FaultHub } from './support/separate-hub';

/**
 * Issue 25, "a subgraph down": the hub in separate processes (as deployed), requests
 * flowing while one subgraph is killed with SIGKILL. The gateway answers the rest of every
 * query, the missing service's fields null with one SERVICE_UNAVAILABLE naming it (no
 * address, no stack); its /ready names the service; restarted, the service answers whole
 * again with nothing else restarted. With the victims subgraph down, a field of another
 * subgraph that rests on the victim's consent is refused, never shown.
 */

let faults: FaultHub;
let hub: SeparateHub;
let client: HubClient;
const output = () => faults.output();
const FLOWS = 4; // concurrent request loops

beforeAll(async () => {
  faults = await startFaultHub('down');
  ({ hub, client } = faults);
}, 200_000);
afterAll(() => faults?.stop());

const gatewayReady = async () => {
  const res = await fetch(serviceUrl(hub.gateway.url, '/ready'));
  return { status: res.status, body: (await res.json()) as { problems: string[] } };
};

type Phase = 'up' | 'killing' | 'down' | 'restarting' | 'back';

/** Requests sent by FLOWS loops until stopped, each with the phase it was sent and answered in. */
const flow = (send: () => Promise<GraphQLResponse>) =>
  phasedLoad<Phase>({ first: 'up', loops: FLOWS, next: () => ({ kind: 'read', send }), context: () => `output: ${output().slice(-2000)}` });

const LEAKS = /127\.0\.0\.1|localhost|ECONN|UND_ERR|socket|stack|:\d{4,5}\b/i;

describe('a subgraph killed with SIGKILL while requests flow', () => {
  it("answers the rest of every query, shelters' fields null with one SERVICE_UNAVAILABLE naming it; /ready names it; restarted, answers are whole again", async () => {
    const shelterId = await new Records(client).shelter('DE');
    const token = await client.token('social_worker', 'DE');
    // Four subgraphs in one query: victims (me, iloIndicators), proceedings (precedents), shelters (shelter).
    const QUERY = `query($s: ID!) { me { role jurisdiction } iloIndicators { code } precedents(first: 1) { totalCount } shelter(id: $s) { name city } }`;
    const whole = (await client.query(token, QUERY, { s: shelterId })).body;
    expect(whole.errors).toBeUndefined();
    expect(whole.data.shelter).toEqual({ name: expect.stringMatching(/^Shelter /), city: 'Berlin' });
    expect(whole.data.iloIndicators.length).toBeGreaterThan(0);
    const partial = {
      data: { ...whole.data, shelter: null },
      errors: [{ message: 'The shelters service is unavailable: its fields are null in this answer; ask again later', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'shelters' } }],
    };

    const requests = flow(() => client.query(token, QUERY, { s: shelterId }));
    await requests.until('up', 10);
    requests.set('killing');
    await hub.kill('shelters', 'SIGKILL');
    requests.set('down');
    await requests.until('down', 20);

    // Two fetches to shelters in one query plan (the root field, and Me.shelters after victims' me): still one error.
    const TWO = `query($s: ID!) { shelter(id: $s) { name } me { role shelters { name } } }`;
    // `me` keeps what victims answered: Me.shelters, added by another subgraph, is nullable (scripts/development/schema.test.ts).
    expect((await client.query(await client.token('shelter_staff', 'DE'), TWO, { s: shelterId })).body).toEqual({ data: { shelter: null, me: { role: 'shelter_staff', shelters: null } }, errors: partial.errors });
    const ready = await gatewayReady();
    expect(ready).toEqual({ status: 503, body: { status: 'not ready', problems: ['subgraph shelters unreachable'] } });

    requests.set('restarting');
    const before = hub.subgraphs.shelters.pid;
    await hub.restart('shelters');
    expect(hub.subgraphs.shelters.pid).not.toBe(before);
    requests.set('back');
    await requests.until('back', 20);
    await requests.stop();

    // Every answer, including those in flight as shelters died or came back: HTTP 200, whole or partial as said, nothing leaked.
    for (const answer of requests.answers) {
      expect(answer.status).toBe(200);
      expect([whole, partial]).toContainEqual(answer.body);
      expect(JSON.stringify(answer.body)).not.toMatch(LEAKS);
    }
    for (const answer of requests.within('up')) expect(answer.body).toEqual(whole);
    for (const answer of requests.within('down')) expect(answer.body).toEqual(partial);
    for (const answer of requests.within('back')) expect(answer.body).toEqual(whole);
    expect(await gatewayReady()).toEqual({ status: 200, body: { status: 'ready', problems: [] } });
    expect(output()).not.toContain('UNEXPECTED EXIT'); // nothing else stopped, nothing else restarted
    // For the operator: the gateway logged which subgraph did not answer and why, as a warning, not as an internal error.
    expect(output()).toMatch(/"subgraph":"shelters","cause":"(ECONNREFUSED|UND_ERR_SOCKET)","msg":"subgraph did not answer"/);
    expect(output()).not.toContain('internal error');
  }, 200_000);
});

describe('the victims subgraph down: consent-dependent fields fail closed', () => {
  const HELD = `query($id: ID!) { legalAidAssignment(id: $id) { id matter status accommodations { kind } } }`;

  it("an attorney who took a file over under the victim's consent reads it while victims answers, and is refused it (never shown) while victims is down", async () => {
    // A file of AL handed to a DE attorney: she reads the old assignment only because the victim shares it with DE (legal-aid's tookOver basis asks victims).
    const alProvider = await register('AL', `mutation($input: RegisterLegalAidProviderInput!) { registerLegalAidProvider(input: $input) { id } }`, { organisation: 'AL-down-ngo', name: 'Qendra Ligjore', kind: 'NGO' });
    const deProvider = await register('DE', `mutation($input: RegisterLegalAidProviderInput!) { registerLegalAidProvider(input: $input) { id } }`, { organisation: 'DE-down-ngo', name: 'Rechtshilfe Berlin', kind: 'NGO' });
    const ATTORNEY = `mutation($input: RegisterAttorneyInput!) { registerAttorney(input: $input) { id } }`;
    const al1 = await register('AL', ATTORNEY, { providerId: alProvider, name: 'Attorney AL', barNumber: 'BAR-AL-1', jurisdictions: ['AL'], languages: ['sq'], subject: 'att-al-down' });
    const de1 = await register('DE', ATTORNEY, { providerId: deProvider, name: 'Attorney DE', barNumber: 'BAR-DE-1', jurisdictions: ['DE'], languages: ['de'], subject: 'att-de-down' });
    const alAttorney = await client.token('legal_aid_attorney', 'AL', { sub: 'att-al-down', org: 'AL-down-ngo' });
    const deAttorney = await client.token('legal_aid_attorney', 'DE', { sub: 'att-de-down', org: 'DE-down-ngo' });

    const victim = await registerVictim(client, 'AL', { vulnerabilities: ['PREGNANCY'] });
    const from = (await client.queryAs('social_worker', 'AL', ASSIGN, { v: victim, input: { attorneyId: al1, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'AL' } })).body.data.assignLegalAid.id;
    expect((await client.query(alAttorney, CONSENT, { id: from })).body.data.recordRepresentationConsent.status).toBe('ACTIVE');
    await grantConsent(client, victim, 'AL', { categories: ['HEALTH'], granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'] });
    const handoff = (await client.query(alAttorney, HAND_OFF, { id: from, input: { toAttorneyId: de1, toJurisdiction: 'DE', reason: 'Moving to Berlin', transferCategories: ['CASE', 'HEALTH'] } })).body.data.handOff.id;
    expect((await client.query(deAttorney, ACCEPT, { id: handoff })).body.data.acceptHandoff.status).toBe('ACCEPTED');

    const read = () => client.query(deAttorney, HELD, { id: from }, { headers: { 'x-purpose': 'LEGAL_REPRESENTATION' } });
    const shown = await read();
    expect(shown.body.errors).toBeUndefined();
    expect(shown.body.data.legalAidAssignment).toMatchObject({ id: from, matter: 'CRIMINAL_PROCEEDING' });

    await hub.kill('victims', 'SIGKILL');
    const refused = await read();
    expect(refused.status).toBe(200);
    expect(refused.body.data.legalAidAssignment).toBeNull();
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/cannot be shown: consent could not be checked: the victims service did not answer/), path: ['legalAidAssignment'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    expect(JSON.stringify(refused.body)).not.toMatch(LEAKS);
    expect(await gatewayReady()).toEqual({ status: 503, body: { status: 'not ready', problems: ['subgraph victims unreachable'] } });

    await hub.restart('victims');
    expect((await read()).body).toEqual(shown.body);
  }, 200_000);
});

async function register(jurisdiction: string, query: string, input: object): Promise<string> {
  const res = await client.query(await client.token('registrar', jurisdiction), query, { input });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return (Object.values(res.body.data)[0] as { id: string }).id;
}
