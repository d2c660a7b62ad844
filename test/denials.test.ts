import { PURPOSES } from '../platform/purposes';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { Records } from './support/records';
import { grantConsent, registerVictim } from './support/victims';

// A denial names the rule that failed (extensions.reason, and the message in words), and
// says no more than the caller may know: its role, the declaration, and what a consent of
// the victim says for the caller's own jurisdiction. A record the caller may not know of
// is no denial at all: it answers as an unknown id. Writes of protected data need a
// stated purpose, as reads do (common/audit.ts, RequestAudit.change).

const VICTIM = `query($id: ID!) { victim(id: $id) { id caseReference legalName contactPhone currentLocality } }`;
const SHELTER = `query($id: ID!) { shelter(id: $id) { id name address } }`;
const SCREENING = `mutation($v: ID!, $input: RecordScreeningInput!) { recordScreening(victimId: $v, input: $input) { id } }`;
const RECOVERY = `mutation($v: ID!) { startRecoveryPeriod(victimId: $v, input: { days: 30 }) { id status } }`;
const ALL_ROLES_OF_IDENTITY = 'judge, prosecutor, law_enforcement, social_worker, legal_aid_attorney';

let hub: TestHub;
let victimId: string;
let shelterId: string;

beforeAll(async () => {
  hub = await startHub();
  victimId = await registerVictim(hub, 'AL');
  // IDENTITY for DE, but only to investigate and prosecute; HEALTH for AT.
  await grantConsent(hub, victimId, 'AL', { categories: ['IDENTITY'], granteeJurisdictions: ['DE'], purposes: ['PROSECUTION', 'CRIMINAL_INVESTIGATION'] });
  await grantConsent(hub, victimId, 'AL', { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: PURPOSES });
  await grantConsent(hub, victimId, 'AL', { categories: ['CONTACT'], granteeJurisdictions: ['AT'], purposes: PURPOSES });
  shelterId = await new Records(hub).shelter('DE');
}, 180_000);
afterAll(() => hub.stop());

async function ask(role: string, jurisdiction: string, query: string, id: string, purpose?: string): Promise<GraphQLResponse> {
  const token = await hub.token(role, jurisdiction);
  return hub.query(token, query, { id }, purpose === undefined ? {} : { headers: { 'x-purpose': purpose } });
}

/** Each denied path → its reason and message. */
const denials = (res: GraphQLResponse) =>
  Object.fromEntries((res.body.errors ?? []).map((e) => [(e.path ?? []).join('.'), { reason: e.extensions?.reason, message: e.message }]));

describe('a denied victim field names the rule that failed', () => {
  it('ROLE: a partner system in the victim’s own jurisdiction is told which roles read it', async () => {
    const res = await ask('partner_system', 'AL', VICTIM, victimId);
    expect(res.body.data.victim).toMatchObject({ id: victimId, legalName: null });
    expect(errorCodes(res.body)['victim.legalName']).toBe('FORBIDDEN');
    expect(denials(res)['victim.legalName']).toEqual({ reason: 'ROLE', message: `IDENTITY data of this victim is read only by ${ALL_ROLES_OF_IDENTITY}: not by partner_system` });
    expect(denials(res)['victim.currentLocality']).toEqual({
      reason: 'ROLE',
      message: `LOCATION data of this victim is read only by ${ALL_ROLES_OF_IDENTITY}, shelter_staff: not by partner_system`,
    });
  });

  it('CONSENT_PURPOSE: shared with DE for other purposes than the one stated', async () => {
    const res = await ask('social_worker', 'DE', VICTIM, victimId, 'VICTIM_SUPPORT');
    expect(denials(res)['victim.legalName']).toEqual({
      reason: 'CONSENT_PURPOSE',
      message: 'IDENTITY data of this victim is shared with DE for CRIMINAL_INVESTIGATION and PROSECUTION, not for VICTIM_SUPPORT',
    });
    // The same consent names DE, not CONTACT: the caller learns what it says for DE, nothing else.
    expect(denials(res)['victim.contactPhone']).toEqual({
      reason: 'CONSENT_CATEGORY',
      message: "CONTACT data of this victim is not shared with DE: the victim's consent shares IDENTITY with DE, not CONTACT",
    });
    // For a purpose the consent names, the same field is released.
    const allowed = await ask('prosecutor', 'DE', VICTIM, victimId, 'PROSECUTION');
    expect(allowed.body.data.victim.legalName).toBe('Test Person');
    expect(denials(allowed)['victim.legalName']).toBeUndefined();
  });

  it('CONSENT_CATEGORY: consents name AT for CONTACT and HEALTH, never what DE was given', async () => {
    const res = await ask('social_worker', 'AT', VICTIM, victimId, 'VICTIM_SUPPORT');
    expect(denials(res)['victim.legalName']).toEqual({
      reason: 'CONSENT_CATEGORY',
      message: "IDENTITY data of this victim is not shared with AT: the victim's consent shares CONTACT and HEALTH with AT, not IDENTITY",
    });
    // Shelter staff never read CONTACT: of what is shared with AT, only what the role may read is named.
    const staff = await ask('shelter_staff', 'AT', VICTIM, victimId, 'SHELTER_PLACEMENT');
    expect(denials(staff)['victim.currentLocality']).toEqual({
      reason: 'CONSENT_CATEGORY',
      message: "LOCATION data of this victim is not shared with AT: the victim's consent shares HEALTH with AT, not LOCATION",
    });
  });

  it('PURPOSE: no purpose stated, with the purposes the role may state', async () => {
    const res = await ask('social_worker', 'AL', VICTIM, victimId, '');
    expect(denials(res)['victim.legalName']).toEqual({
      reason: 'PURPOSE',
      message: 'IDENTITY data of this victim is read only for a stated purpose: send the X-Purpose header with one of VICTIM_SUPPORT, CASE_MANAGEMENT, SHELTER_PLACEMENT, REPATRIATION',
    });
  });

  it('a victim the caller may not know of is no denial: it answers exactly as an unknown id', async () => {
    const [real, unknown] = [await ask('judge', 'FR', VICTIM, victimId, 'ADJUDICATION'), await ask('judge', 'FR', VICTIM, 'A'.repeat(22), 'ADJUDICATION')];
    expect(real.body).toEqual({ data: { victim: null } });
    expect(unknown.body).toEqual(real.body);
  });
});

describe('a denied field of another subgraph (shelters: Shelter) names the rule from its declaration', () => {
  it('ROLE, NO_BASIS (naming the basis the role has) and PURPOSE', async () => {
    expect(denials(await ask('partner_system', 'DE', SHELTER, shelterId))['shelter.address']).toEqual({
      reason: 'ROLE',
      message: 'LOCATION data of this shelter is read only by shelter_staff, social_worker, law_enforcement: not by partner_system',
    });
    expect(denials(await ask('social_worker', 'AT', SHELTER, shelterId, 'SHELTER_PLACEMENT'))['shelter.address']).toEqual({
      reason: 'NO_BASIS',
      message: `LOCATION data of this shelter is read only on the basis "the shelter's jurisdiction, unless its location is secret (social_worker)": that does not hold for social_worker in AT`,
    });
    expect(denials(await ask('shelter_staff', 'AT', SHELTER, shelterId, 'SHELTER_PLACEMENT'))['shelter.address']).toEqual({
      reason: 'NO_BASIS',
      message: `LOCATION data of this shelter is read only on the basis "staff of the shelter's operator (shelter_staff)": that does not hold for shelter_staff in AT`,
    });
    expect(denials(await ask('social_worker', 'DE', SHELTER, shelterId, ''))['shelter.address']).toEqual({
      reason: 'PURPOSE',
      message: 'LOCATION data of this shelter is read only for a stated purpose: send the X-Purpose header with one of VICTIM_SUPPORT, CASE_MANAGEMENT, SHELTER_PLACEMENT, REPATRIATION',
    });
  });
});

describe('a write of protected data needs a stated purpose, as a read does', () => {
  const trail = async (id: string) => (await hub.subgraphs.victims.audit.trail('Victim', id)).map((e) => e.action);

  it('refused before anything is written (no event, no change), naming the categories and the purposes of the role', async () => {
    const id = await registerVictim(hub, 'AL');
    const before = await trail(id);
    const input = { observedIndicators: ['CR_VIOLENCE'], assessor: 'A. Assessor', formVersion: '1' };
    const token = await hub.token('social_worker', 'AL');
    const refused = await hub.query(token, SCREENING, { v: id, input }, { headers: { 'x-purpose': '' } });
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors!.map((e) => ({ code: e.extensions?.code, reason: e.extensions?.reason, message: e.message }))).toEqual([
      {
        code: 'FORBIDDEN',
        reason: 'PURPOSE',
        message: 'TESTIMONY data of this victim is changed only for a stated purpose: send the X-Purpose header with one of VICTIM_SUPPORT, CASE_MANAGEMENT, SHELTER_PLACEMENT, REPATRIATION',
      },
    ]);
    expect((await trail(id)).filter((action) => !before.includes(action) && action !== 'READ')).toEqual([]);
    const read = await hub.query(token, `query($id: ID!) { victim(id: $id) { screening { assessor } } }`, { id });
    expect(read.body).toEqual({ data: { victim: { screening: null } } });
    const done = await hub.query(token, SCREENING, { v: id, input }, { headers: { 'x-purpose': 'VICTIM_SUPPORT' } });
    expect(done.body.errors).toBeUndefined();
  });

  it('a write of CASE data only (the recovery period) needs none', async () => {
    const id = await registerVictim(hub, 'AL');
    const res = await hub.query(await hub.token('social_worker', 'AL'), RECOVERY, { v: id }, { headers: { 'x-purpose': '' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.startRecoveryPeriod.status).toBe('IN_RECOVERY_PERIOD');
  });
});
