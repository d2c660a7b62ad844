import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { ACCEPT, ASSIGN, ATTORNEYS, asAttorney, CONSENT, HAND_OFF, LEGAL_AID, seedDirectory } from './support/legal-aid';
import { grantConsent, registerVictim } from './support/victims';

// Legal aid follows a return (issue 27, docs/returns.md "Legal aid follows"): a return of a
// DE victim to AT is a REPATRIATION gap in AT's `Victim.legalAid.gaps` from its proposal
// until an attorney of AT represents her (an AT assignment ACTIVE). The legal aid subgraph
// asks the victims subgraph for her returns with the caller's token: only the destination
// sees the gap, and only while she shares with it. Through the gateway, and on the legal
// aid subgraph directly.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
  await seedDirectory(hub);
}, 180_000);
afterAll(() => hub.stop());

const DAY = 86_400_000;
const [A1, , , A4] = ATTORNEYS; // Rechtshilfe Berlin, DE; LEFÖ, AT
const REPATRIATION = { 'x-purpose': 'REPATRIATION' };

const PROPOSE = `mutation($v: ID!) { proposeReturn(victimId: $v, input: { destinationJurisdiction: "AT", voluntary: true }) { id proposedAt } }`;
const step = (mutation: string) => `mutation($id: ID!) { ${mutation} { id status } }`;
const ASSESS = step('recordRiskAssessment(returnPlanId: $id, input: { level: LOW })');
const AGREE = step('agreeReturn(returnPlanId: $id, input: { receivedBy: "LEFÖ", receptionAddress: "Safe house, Wien 1100", services: ["counselling"] })');
const DEPART = step('recordDeparture(returnPlanId: $id)');
const ARRIVE = step('recordArrival(returnPlanId: $id)');
const CANCEL = step('cancelReturn(returnPlanId: $id, reason: "She stays for the trial")');
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { active } }`;

async function as(token: string | Promise<string>, query: string, variables: Record<string, unknown>, url?: string, headers = REPATRIATION): Promise<GraphQLResponse> {
  return hub.query(await token, query, variables, { headers, ...(url ? { url } : {}) });
}

async function ok(token: string | Promise<string>, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await as(token, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

const socialWorker = (jurisdiction: string) => hub.token('social_worker', jurisdiction);

/** A DE victim who shares what a return needs with AT for REPATRIATION, and IDENTITY for legal representation there; a return to AT proposed. */
async function proposed(): Promise<{ victimId: string; consentId: string; planId: string; proposedAt: string }> {
  const victimId = await registerVictim(hub, 'DE');
  const consentId = await grantConsent(hub, victimId, 'DE', {
    categories: ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'],
    granteeJurisdictions: ['AT'],
    purposes: ['REPATRIATION', 'LEGAL_REPRESENTATION'],
  });
  const plan = (await ok(socialWorker('DE'), PROPOSE, { v: victimId })).proposeReturn;
  return { victimId, consentId, planId: plan.id, proposedAt: plan.proposedAt };
}

/** The gaps `token` reads of the victim through the gateway (null: the victim, or its legal aid, is not the caller's to see). */
async function gapsSeenBy(token: string | Promise<string>, victimId: string, headers = REPATRIATION): Promise<unknown[] | null> {
  const res = await as(token, LEGAL_AID, { id: victimId }, undefined, headers);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.victim?.legalAid.gaps ?? null;
}

const openGap = (from: string) => [{ from, to: null, reason: 'REPATRIATION', proceeding: null }];

describe('a return opens the repatriation gap in its destination', () => {
  test('proposed, assessed, agreed, departed and arrived: open for the destination’s social workers and attorneys', async () => {
    const { victimId, planId, proposedAt } = await proposed();
    const steps: Array<[string, string]> = [['AT', ASSESS], ['AT', AGREE], ['DE', DEPART], ['AT', ARRIVE]];
    expect(await gapsSeenBy(socialWorker('AT'), victimId)).toEqual(openGap(proposedAt));
    expect(await gapsSeenBy(asAttorney(hub, A4), victimId)).toEqual(openGap(proposedAt));
    for (const [where, mutation] of steps) {
      hub.clock.advance(DAY);
      await ok(socialWorker(where), mutation, { id: planId });
      expect(await gapsSeenBy(socialWorker('AT'), victimId)).toEqual(openGap(proposedAt));
    }
    expect(await gapsSeenBy(asAttorney(hub, A4), victimId)).toEqual(openGap(proposedAt));
  });

  test('closes when an attorney of the destination represents her (ACTIVE); an OFFERED assignment leaves it open', async () => {
    const { victimId, planId, proposedAt } = await proposed();
    await ok(socialWorker('AT'), ASSESS, { id: planId });
    hub.clock.advance(2 * DAY);
    const assigned = await ok(socialWorker('AT'), ASSIGN, { v: victimId, input: { attorneyId: A4._id, matter: 'REPATRIATION', jurisdiction: 'AT' } });
    expect(assigned.assignLegalAid.status).toBe('OFFERED');
    expect(await gapsSeenBy(socialWorker('AT'), victimId)).toEqual(openGap(proposedAt));
    hub.clock.advance(DAY);
    await ok(asAttorney(hub, A4), CONSENT, { id: assigned.assignLegalAid.id });
    const gaps = (await gapsSeenBy(socialWorker('AT'), victimId)) as Array<{ from: string; to: string }>;
    expect(gaps).toEqual([{ from: proposedAt, to: expect.any(String), reason: 'REPATRIATION', proceeding: null }]);
    // The hub's clock runs on from where the test moved it: the gap ends when she consented, three days and a little after the proposal.
    expect(Date.parse(gaps[0].to) - Date.parse(proposedAt)).toBeGreaterThanOrEqual(3 * DAY);
    expect(Date.parse(gaps[0].to) - Date.parse(proposedAt)).toBeLessThan(4 * DAY);
    // Her departure and arrival open no new gap: she is represented there.
    await ok(socialWorker('AT'), AGREE, { id: planId });
    await ok(socialWorker('DE'), DEPART, { id: planId });
    expect(await gapsSeenBy(asAttorney(hub, A4), victimId)).toEqual(gaps);
  });

  test('her attorney at home, who handed her file to the destination, does not close it there', async () => {
    const victimId = await registerVictim(hub, 'DE');
    await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'], granteeJurisdictions: ['AT'], purposes: ['REPATRIATION', 'LEGAL_REPRESENTATION'] });
    const home = (await ok(socialWorker('DE'), ASSIGN, { v: victimId, input: { attorneyId: A1._id, matter: 'REPATRIATION', jurisdiction: 'DE' } })).assignLegalAid.id;
    await ok(asAttorney(hub, A1), CONSENT, { id: home });
    hub.clock.advance(DAY);
    const { proposedAt } = (await ok(socialWorker('DE'), PROPOSE, { v: victimId })).proposeReturn;
    const input = { toAttorneyId: A4._id, toJurisdiction: 'AT', reason: 'Returns to Vienna', transferCategories: ['CASE'] };
    const handoff = (await ok(asAttorney(hub, A1), HAND_OFF, { id: home, input })).handOff.id;
    await ok(asAttorney(hub, A4), ACCEPT, { id: handoff });
    // The receiving attorney sees the file she took over (ACTIVE at home when the return was proposed) and her own OFFERED one: the gap is open.
    const LEGAL_REPRESENTATION = { 'x-purpose': 'LEGAL_REPRESENTATION' };
    const seen = (await as(asAttorney(hub, A4), LEGAL_AID, { id: victimId }, undefined, LEGAL_REPRESENTATION)).body.data.victim.legalAid;
    expect(seen.history).toEqual([{ id: home, status: 'HANDED_OFF' }]);
    expect(seen.current).toEqual([expect.objectContaining({ status: 'OFFERED', jurisdiction: 'AT' })]);
    expect(seen.gaps).toEqual(openGap(proposedAt));
  });

  test('a cancelled return is no gap', async () => {
    const { victimId, planId } = await proposed();
    await ok(socialWorker('AT'), CANCEL, { id: planId });
    expect(await gapsSeenBy(socialWorker('AT'), victimId)).toEqual([]);
  });
});

describe('only the destination sees it, and only while she shares with it', () => {
  test('the sending side, and a third jurisdiction she also shares with, see no repatriation gap', async () => {
    const { victimId } = await proposed();
    await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['AL'], purposes: ['LEGAL_REPRESENTATION'] });
    expect(await gapsSeenBy(socialWorker('DE'), victimId)).toEqual([]);
    expect(await gapsSeenBy(socialWorker('AL'), victimId)).toEqual([]);
    expect(await gapsSeenBy(socialWorker('AT'), victimId)).toHaveLength(1);
  });

  test('her consent withdrawn, the destination sees neither her nor the gap, on the legal aid subgraph directly too', async () => {
    const { victimId, consentId } = await proposed();
    await ok(socialWorker('DE'), WITHDRAW, { id: consentId });
    expect(await gapsSeenBy(socialWorker('AT'), victimId)).toBeNull();
    const DIRECT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { legalAid { gaps { reason } } } } }`;
    const direct = await as(socialWorker('AT'), DIRECT, { r: [{ __typename: 'Victim', id: victimId }] }, hub.subgraphs['legal-aid'].url);
    expect(direct.body.errors).toBeUndefined();
    expect(direct.body.data._entities).toEqual([{ legalAid: { gaps: [] } }]);
  });

  test('the destination’s attorneys know of her return and read its CASE fields, not her wish nor her reception', async () => {
    const { victimId } = await proposed();
    const READ = `query($v: ID!) { victim(id: $v) { returnPlans { status destinationJurisdiction wishNote receptionAddress } } }`;
    const res = await as(asAttorney(hub, A4), READ, { v: victimId });
    expect(res.body.data.victim.returnPlans).toEqual([{ status: 'PROPOSED', destinationJurisdiction: 'AT', wishNote: null, receptionAddress: null }]);
    expect(errorCodes(res.body)).toEqual({ 'victim.returnPlans.0.wishNote': 'FORBIDDEN', 'victim.returnPlans.0.receptionAddress': 'FORBIDDEN' });
  });
});
