import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// Returns home (issue 27, docs/returns.md): DE (the victim's jurisdiction) proposes a
// return to AT; AT assesses the risk and agrees once reception is arranged; DE records the
// departure, AT the arrival. Through the gateway and on the victims subgraph directly.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
}, 180_000);
afterAll(() => hub.stop());

const RETURN_CATEGORIES = ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'];
const PLAN = `id status sendingJurisdiction destinationJurisdiction voluntary riskLevel`;
const PROPOSE = `mutation($v: ID!, $input: ProposeReturnInput!) { proposeReturn(victimId: $v, input: $input) { ${PLAN} wishNote } }`;
const ASSESS = `mutation($id: ID!, $input: RiskAssessmentInput!) { recordRiskAssessment(returnPlanId: $id, input: $input) { ${PLAN} } }`;
const AGREE = `mutation($id: ID!, $input: AgreeReturnInput!) { agreeReturn(returnPlanId: $id, input: $input) { ${PLAN} } }`;
const DEPART = `mutation($id: ID!) { recordDeparture(returnPlanId: $id) { ${PLAN} } }`;
const ARRIVE = `mutation($id: ID!) { recordArrival(returnPlanId: $id) { ${PLAN} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelReturn(returnPlanId: $id, reason: $reason) { ${PLAN} cancelReason } }`;
const READ = `query($v: ID!) { victim(id: $v) { status returnPlans { id status wishNote riskNotes receivedBy receptionAddress services } } }`;

const RECEPTION = { receivedBy: 'Caritas Wien', receptionAddress: 'Safe house, Wien 1100', services: ['counselling', 'health check'] };
const voluntary = { destinationJurisdiction: 'AT', voluntary: true };

/** A token of `role` in `jurisdiction` stating REPATRIATION (or the role's first purpose when it may not state it). */
async function as(role: string, jurisdiction: string, query: string, variables: Record<string, unknown>, direct = false): Promise<GraphQLResponse> {
  const purpose: Record<string, string> = role === 'social_worker' || role === 'legal_aid_attorney' ? { 'x-purpose': 'REPATRIATION' } : {};
  return hub.query(await hub.token(role, jurisdiction), query, variables, { headers: purpose, ...(direct ? { url: hub.subgraphs.victims.url } : {}) });
}

async function ok(role: string, jurisdiction: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await as(role, jurisdiction, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** A DE victim who consents to share what a return needs with AT for REPATRIATION. */
async function consentingVictim(categories = RETURN_CATEGORIES): Promise<{ victimId: string; consentId: string }> {
  const victimId = await registerVictim(hub, 'DE');
  const consentId = await grantConsent(hub, victimId, 'DE', { categories, granteeJurisdictions: ['AT'], purposes: ['REPATRIATION'] });
  return { victimId, consentId };
}

/** A return of a fresh victim, taken to `until`. */
async function planAt(until: 'PROPOSED' | 'ASSESSED' | 'AGREED' | 'DEPARTED' | 'ARRIVED' | 'CANCELLED', level = 'LOW') {
  const { victimId, consentId } = await consentingVictim();
  const id = (await ok('social_worker', 'DE', PROPOSE, { v: victimId, input: voluntary })).proposeReturn.id as string;
  const steps: Array<[string, string, string, Record<string, unknown>]> = [
    ['ASSESSED', 'AT', ASSESS, { input: { level, factors: ['STIGMA'], notes: 'Her village knows' } }],
    ['AGREED', 'AT', AGREE, { input: { ...RECEPTION, mitigation: 'Police liaison informed' } }],
    ['DEPARTED', 'DE', DEPART, {}],
    ['ARRIVED', 'AT', ARRIVE, {}],
  ];
  if (until === 'CANCELLED') await ok('social_worker', 'DE', CANCEL, { id, reason: 'She changed her mind' });
  for (const [status, where, query, variables] of steps) {
    if (until === 'PROPOSED' || until === 'CANCELLED') break;
    await ok('social_worker', where, query, { id, ...variables });
    if (status === until) break;
  }
  return { id, victimId, consentId };
}

describe('the way home, step by step', () => {
  test('proposed, assessed, agreed, departed, arrived: the victim REPATRIATING, then REINTEGRATING', async () => {
    const { victimId } = await consentingVictim();
    const proposed = (await ok('social_worker', 'DE', PROPOSE, { v: victimId, input: { destinationJurisdiction: 'AT', voluntary: false, wishNote: 'Only once her sister can meet her' } })).proposeReturn;
    expect(proposed).toMatchObject({ status: 'PROPOSED', sendingJurisdiction: 'DE', destinationJurisdiction: 'AT', voluntary: false, wishNote: 'Only once her sister can meet her' });
    const id = proposed.id;
    expect((await ok('law_enforcement', 'AT', ASSESS, { id, input: { level: 'HIGH', factors: ['REPRISALS'] } })).recordRiskAssessment).toMatchObject({ status: 'ASSESSED', riskLevel: 'HIGH' });
    expect((await ok('social_worker', 'AT', AGREE, { id, input: { ...RECEPTION, mitigation: 'Police liaison informed' } })).agreeReturn.status).toBe('AGREED');
    expect((await ok('social_worker', 'DE', DEPART, { id })).recordDeparture.status).toBe('DEPARTED');
    const STATUS = `query($v: ID!) { victim(id: $v) { status returnPlans { status } } }`;
    expect((await ok('social_worker', 'DE', STATUS, { v: victimId })).victim).toEqual({ status: 'REPATRIATING', returnPlans: [{ status: 'DEPARTED' }] });
    expect((await ok('social_worker', 'AT', ARRIVE, { id })).recordArrival.status).toBe('ARRIVED');
    expect((await ok('social_worker', 'DE', STATUS, { v: victimId })).victim).toEqual({ status: 'REINTEGRATING', returnPlans: [{ status: 'ARRIVED' }] });
  });

  // Every step from every status: only the one the step follows lets it through; the others answer CONFLICT naming the status.
  const STEPS: Array<[string, string, string, (id: string) => Record<string, unknown>, string[]]> = [
    ['recordRiskAssessment', 'AT', ASSESS, (id) => ({ id, input: { level: 'LOW' } }), ['PROPOSED', 'ASSESSED']],
    ['agreeReturn', 'AT', AGREE, (id) => ({ id, input: RECEPTION }), ['ASSESSED']],
    ['recordDeparture', 'DE', DEPART, (id) => ({ id }), ['AGREED']],
    ['recordArrival', 'AT', ARRIVE, (id) => ({ id }), ['DEPARTED']],
    ['cancelReturn', 'DE', CANCEL, (id) => ({ id, reason: 'Trial date moved' }), ['PROPOSED', 'ASSESSED', 'AGREED']],
  ];
  const STATUSES = ['PROPOSED', 'ASSESSED', 'AGREED', 'DEPARTED', 'ARRIVED', 'CANCELLED'] as const;
  test.each(STEPS)('%s only after its step: a step out of order is a CONFLICT naming the status', async (name, where, query, variables, from) => {
    for (const status of STATUSES) {
      const { id } = await planAt(status);
      const res = await as('social_worker', where, query, variables(id));
      if (from.includes(status)) {
        expect(res.body.errors).toBeUndefined();
      } else {
        expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
        expect(res.body.errors![0].message).toContain(`This return is ${status}`);
      }
    }
  }, 120_000);

  test('one return under way at a time: a second proposal is a CONFLICT until the first is cancelled', async () => {
    const { id, victimId } = await planAt('PROPOSED');
    const again = await as('social_worker', 'DE', PROPOSE, { v: victimId, input: voluntary });
    expect(errorCodes(again.body)).toEqual({ proposeReturn: 'CONFLICT' });
    await ok('social_worker', 'DE', CANCEL, { id, reason: 'Another destination' });
    await ok('social_worker', 'DE', PROPOSE, { v: victimId, input: voluntary });
  });

  test('two proposals at once: one is made, the other finds it under way', async () => {
    const { victimId } = await consentingVictim();
    const answers = await Promise.all([0, 1].map(() => as('social_worker', 'DE', PROPOSE, { v: victimId, input: voluntary })));
    expect(answers.map((res) => res.body.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect((await ok('social_worker', 'DE', `query($v: ID!) { victim(id: $v) { returnPlans { status } } }`, { v: victimId })).victim.returnPlans).toEqual([{ status: 'PROPOSED' }]);
  });
});

describe('consent and risk', () => {
  test('without her consent for REPATRIATION covering what a return needs, no proposal: the missing categories named', async () => {
    const { victimId } = await consentingVictim(['IDENTITY', 'HEALTH']);
    const res = await as('social_worker', 'DE', PROPOSE, { v: victimId, input: voluntary });
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.body.errors![0].message).toContain('LOCATION, TESTIMONY with AT for REPATRIATION');
    // A consent for another purpose is no consent to return.
    const other = await registerVictim(hub, 'DE');
    await grantConsent(hub, other, 'DE', { categories: RETURN_CATEGORIES, granteeJurisdictions: ['AT'], purposes: ['VICTIM_SUPPORT'] });
    expect(errorCodes((await as('social_worker', 'DE', PROPOSE, { v: other, input: voluntary })).body)).toEqual({ proposeReturn: 'BAD_USER_INPUT' });
  });

  test('a consent withdrawn after the proposal stops agreement and departure', async () => {
    const { id, consentId } = await planAt('ASSESSED');
    await ok('social_worker', 'DE', `mutation($id: ID!) { withdrawConsent(consentId: $id) { active } }`, { id: consentId });
    const res = await as('social_worker', 'AT', AGREE, { id, input: RECEPTION });
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(res.body.errors![0].message).toContain('no active consent');
  });

  test('bad input names every wrong field at once', async () => {
    const { victimId } = await consentingVictim();
    const res = await as('social_worker', 'DE', PROPOSE, { v: victimId, input: { destinationJurisdiction: 'DE', voluntary: false } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((res.body.errors![0].extensions!.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['input.destinationJurisdiction', 'input.wishNote']);
    const { id } = await planAt('ASSESSED');
    const agree = await as('social_worker', 'AT', AGREE, { id, input: { receivedBy: ' ', receptionAddress: '', services: [] } });
    expect((agree.body.errors![0].extensions!.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['input.receivedBy', 'input.receptionAddress', 'input.services']);
  });

  test('no agreement with an UNACCEPTABLE risk; a HIGH one only with a mitigation', async () => {
    const unacceptable = await planAt('ASSESSED', 'UNACCEPTABLE');
    const refused = await as('social_worker', 'AT', AGREE, { id: unacceptable.id, input: { ...RECEPTION, mitigation: 'Escort' } });
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(refused.body.errors![0].message).toContain('UNACCEPTABLE');
    const high = await planAt('ASSESSED', 'HIGH');
    const bare = await as('social_worker', 'AT', AGREE, { id: high.id, input: RECEPTION });
    expect(bare.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'input.mitigation' })] });
    await ok('social_worker', 'AT', AGREE, { id: high.id, input: { ...RECEPTION, mitigation: 'Police liaison informed' } });
    // A new assessment may lower an UNACCEPTABLE risk; then the return can be agreed.
    await ok('law_enforcement', 'AT', ASSESS, { id: unacceptable.id, input: { level: 'MEDIUM' } });
    await ok('social_worker', 'AT', AGREE, { id: unacceptable.id, input: RECEPTION });
  });
});

describe('who takes each step', () => {
  // Role × jurisdiction of each step: DE is the sending side, AT the destination, LU a stranger.
  const WHO: Array<[string, string, string, (id: string) => Record<string, unknown>, string, string[]]> = [
    ['recordRiskAssessment', 'PROPOSED', ASSESS, (id) => ({ id, input: { level: 'LOW' } }), 'AT', ['social_worker', 'law_enforcement']],
    ['agreeReturn', 'ASSESSED', AGREE, (id) => ({ id, input: RECEPTION }), 'AT', ['social_worker']],
    ['recordDeparture', 'AGREED', DEPART, (id) => ({ id }), 'DE', ['social_worker']],
    ['recordArrival', 'DEPARTED', ARRIVE, (id) => ({ id }), 'AT', ['social_worker']],
    ['cancelReturn', 'PROPOSED', CANCEL, (id) => ({ id, reason: 'Trial date moved' }), 'DE AT', ['social_worker']],
  ];
  const ROLES = ['social_worker', 'law_enforcement', 'prosecutor', 'legal_aid_attorney', 'shelter_staff'];
  test.each(WHO)('%s', async (name, status, query, variables, sides, roles) => {
    const { id } = await planAt(status as 'PROPOSED');
    for (const jurisdiction of ['DE', 'AT', 'LU']) {
      for (const role of ROLES) {
        const may = roles.includes(role) && sides.split(' ').includes(jurisdiction);
        if (may) continue; // the one call that succeeds is made last
        for (const direct of [false, true]) {
          const res = await as(role, jurisdiction, query, variables(id), direct);
          const expected = !roles.includes(role) ? 'FORBIDDEN' : jurisdiction === 'LU' ? 'NOT_FOUND' : 'FORBIDDEN';
          expect([name, role, jurisdiction, direct, res.body.errors?.[0]?.extensions?.code, res.body.data?.[name] ?? null]).toEqual([name, role, jurisdiction, direct, expected, null]);
        }
      }
    }
    // A stranger's answer for the real plan is the answer for an unknown one.
    const shown = (res: GraphQLResponse, planId: string) => JSON.stringify(res.body).split(planId).join('<id>');
    const stranger = await as(roles[0], 'LU', query, variables(id));
    const unknown = newId();
    expect(shown(stranger, id)).toBe(shown(await as(roles[0], 'LU', query, variables(unknown)), unknown));
    const [first] = sides.split(' ');
    expect((await as(roles[0], first, query, variables(id))).body.errors).toBeUndefined();
  }, 120_000);

  test('proposeReturn: a social worker of the victim\'s jurisdiction only', async () => {
    const { victimId } = await consentingVictim();
    for (const [role, jurisdiction, code] of [
      ['law_enforcement', 'DE', 'FORBIDDEN'],
      ['social_worker', 'AT', 'NOT_FOUND'],
      ['social_worker', 'LU', 'NOT_FOUND'],
    ]) {
      expect([role, jurisdiction, errorCodes((await as(role, jurisdiction, PROPOSE, { v: victimId, input: voluntary })).body).proposeReturn]).toEqual([role, jurisdiction, code]);
    }
  });
});

describe('what each side reads', () => {
  test('the sending side keeps seeing the status, never the reception; the destination reads it on her consent', async () => {
    const { victimId, id } = await planAt('ARRIVED');
    for (const direct of [false, true]) {
      const sending = await as('social_worker', 'DE', READ, { v: victimId }, direct);
      expect(sending.body.data.victim.returnPlans).toEqual([expect.objectContaining({ id, status: 'ARRIVED', wishNote: null, riskNotes: 'Her village knows', receivedBy: null, receptionAddress: null, services: null })]);
      const denied = errorCodes(sending.body);
      for (const field of ['receivedBy', 'receptionAddress', 'services']) expect(denied[`victim.returnPlans.0.${field}`]).toBe('FORBIDDEN');
      const destination = await as('social_worker', 'AT', READ, { v: victimId }, direct);
      expect(destination.body.errors).toBeUndefined();
      expect(destination.body.data.victim.returnPlans[0]).toMatchObject({ status: 'ARRIVED', ...RECEPTION, riskNotes: 'Her village knows' });
      // A stranger does not learn of her returns.
      expect((await as('social_worker', 'LU', READ, { v: victimId }, direct)).body.data.victim).toBeNull();
    }
  });

  test('erasure removes her words, the risk assessment and the reception from her returns; the status stays', async () => {
    const { victimId } = await planAt('ARRIVED');
    await ok('judge', 'DE', `mutation($v: ID!) { eraseVictimData(victimId: $v, legalBasis: "GDPR Art. 17") { id } }`, { v: victimId });
    const after = await as('social_worker', 'AT', READ, { v: victimId });
    // The destination no longer sees her once her record is erased (no consent names it any more), so the owner reads.
    const own = await as('social_worker', 'DE', `query($v: ID!) { victim(id: $v) { returnPlans { status riskNotes wishNote } } }`, { v: victimId });
    expect(own.body.data.victim.returnPlans).toEqual([{ status: 'ARRIVED', riskNotes: null, wishNote: null }]);
    if (after.body.data.victim) expect(after.body.data.victim.returnPlans[0]).toMatchObject({ status: 'ARRIVED', receivedBy: null, receptionAddress: null, services: [] });
  });

  test('her access report shows who in the destination read her plan', async () => {
    const { victimId } = await planAt('AGREED');
    await ok('social_worker', 'AT', READ, { v: victimId });
    const report = await ok('social_worker', 'DE', `query($v: ID!) { accessReport(victimId: $v) { entries { action jurisdiction categoriesRead text } } }`, { v: victimId });
    const entries = report.accessReport.entries as Array<{ action: string; jurisdiction: string; categoriesRead: string[]; text: string }>;
    expect(entries).toContainEqual(expect.objectContaining({ action: 'READ', jurisdiction: 'AT', categoriesRead: expect.arrayContaining(['LOCATION', 'TESTIMONY']) }));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['RETURN_PROPOSED', 'RETURN_RISK_ASSESSED', 'RETURN_AGREED']));
    expect(entries.find((e) => e.action === 'RETURN_AGREED')!.text).toContain('a social worker of');
  });
});
