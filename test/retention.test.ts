import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { ROOT } from '../platform/paths';
import { connectDatabase } from '../subgraphs/common/storage';
import { victimModels } from '../subgraphs/victims/models';
import { runRetention } from '../subgraphs/victims/domain/retention';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// Erasure with retention: a closed record keeps its personal data for the retention
// period, then `npm run retention` removes it; eraseVictimData does so at once. Nothing
// personal, and no identity hash, is left anywhere in the database; statistics stay; the
// audit chain still verifies. Retention announces its erasures like eraseVictimData: the
// other subgraphs erase their part when they next read the feed (every second here).

const DAY = 86_400_000;
let hub: TestHub;
let other: Connection; // a second connection, as the retention job has

const PERSON = {
  legalName: 'Ludmila Petrenko-Erasable',
  dateOfBirth: '1993-04-21',
  nationality: 'MD',
  gender: 'FEMALE',
  contactPhone: '+37360123456',
  currentLocality: 'Secret-Street-Chisinau',
  vulnerabilities: ['PREGNANCY'],
  interpretationLanguage: 'ro',
  disabilityNeeds: ['hearing-loop-Erasable'],
};
const SCREEN = `mutation($id: ID!) { recordScreening(victimId: $id, input: { observedIndicators: ["CR_VIOLENCE"], assessor: "Assessor-Erasable", formVersion: "1" }) { id } }`;
const CLOSE = `mutation($id: ID!, $reason: String!) { closeVictimRecord(victimId: $id, reason: $reason) { status closedAt retainUntil } }`;
const ERASE = `mutation($id: ID!, $basis: String!) { eraseVictimData(victimId: $id, legalBasis: $basis) { status legalName ageGroup gender nationality } }`;
const STATS = `{ victims(first: 100) { totalCount edges { node { id status ageGroup gender nationality } } } }`;

beforeAll(async () => {
  hub = await startHub({ env: { RETENTION_DAYS: '30', ERASURE_POLL_SECONDS: '1' } });
  other = await connectDatabase(process.env.MONGODB_URI!, hub.subgraphs.victims.connection.name);
}, 60_000); // a whole hub on a loaded machine
afterAll(async () => {
  await other.close();
  await hub.stop();
});

async function fullVictim(suffix: string): Promise<{ id: string; hash: string }> {
  const id = await registerVictim(hub, 'DE', { ...PERSON, legalName: `${PERSON.legalName}-${suffix}` });
  expect((await hub.queryAs('social_worker', 'DE', SCREEN, { id })).body.errors).toBeUndefined();
  await grantConsent(hub, id, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'], note: `Note-Erasable-${suffix}` });
  const stored = await hub.subgraphs.victims.connection.collection<{ _id: string; identityHash: string }>('victims').findOne({ _id: id });
  return { id, hash: stored!.identityHash };
}

/** Every document of every collection of the victims database, as text. */
async function everything(): Promise<string> {
  const db = hub.subgraphs.victims.connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name);
  const docs = await Promise.all(names.map((name) => db.collection(name).find().toArray()));
  return JSON.stringify(docs);
}

function retentionCommand(): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'operations', 'retention.js')], {
    env: { PATH: process.env.PATH, MONGODB_URI: process.env.MONGODB_URI, DB_NAME: hub.subgraphs.victims.connection.name, ...hub.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status).toBe(0);
  return run.stdout.trim();
}

describe('closing a record starts its retention period', () => {
  let victim: { id: string; hash: string };
  let statsBefore: unknown;

  let placement: string;

  beforeAll(async () => {
    victim = await fullVictim('closed');
    const shelterInput = { name: 'Haus Retention', operator: 'DE-demo-org', city: 'Berlin', capacity: 2, services: ['PSYCHOLOGICAL'], accessibility: [], acceptsGenders: ['FEMALE'], acceptsUnaccompaniedMinors: false, acceptsFamilies: false, maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Weg 1', phone: '+49 30 1' };
    const shelter = (await hub.queryAs('registrar', 'DE', `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, { input: shelterInput })).body.data.registerShelter.id;
    const placed = await hub.queryAs('social_worker', 'DE', `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`, {
      s: shelter,
      v: victim.id,
      input: { from: new Date().toISOString().slice(0, 10), needs: ['PSYCHOLOGICAL'] },
    });
    placement = placed.body.data.requestPlacement.id;
  });

  it('closeVictimRecord: the social worker of the jurisdiction closes it; retainUntil is closedAt + RETENTION_DAYS', async () => {
    expect(errorCodes((await hub.queryAs('judge', 'DE', CLOSE, { id: victim.id, reason: 'x' })).body)).toEqual({ closeVictimRecord: 'FORBIDDEN' });
    const res = await hub.queryAs('social_worker', 'DE', CLOSE, { id: victim.id, reason: 'Reason-Erasable: returned home' });
    expect(res.body.errors).toBeUndefined();
    const { status, closedAt, retainUntil } = res.body.data.closeVictimRecord;
    expect(status).toBe('CLOSED');
    expect(Date.parse(retainUntil) - Date.parse(closedAt)).toBe(30 * DAY);
    const again = await hub.queryAs('social_worker', 'DE', CLOSE, { id: victim.id, reason: 'again' });
    expect(errorCodes(again.body)).toEqual({ closeVictimRecord: 'BAD_USER_INPUT' });
    statsBefore = (await hub.queryAs('judge', 'DE', STATS)).body.data;
  });

  it('npm run retention leaves it alone during the period', async () => {
    expect(retentionCommand()).toBe('anonymized 0 victim records whose retention period is over');
    expect(await everything()).toContain('Ludmila Petrenko-Erasable-closed');
  });

  it('after the period, retention removes every personal field and the identity hash, keeps the statistics, and the chain verifies', async () => {
    const models = victimModels(other, hub.env.IDENTITY_HASH_KEY);
    expect(await runRetention(models, hub.subgraphs.victims.audit, new Date(Date.now() + 31 * DAY))).toEqual([victim.id]);
    const all = await everything();
    for (const trace of ['Ludmila Petrenko-Erasable-closed', PERSON.contactPhone, PERSON.dateOfBirth, PERSON.currentLocality, 'hearing-loop-Erasable', 'Assessor-Erasable', 'Note-Erasable-closed', 'Reason-Erasable', victim.hash]) {
      expect({ trace, found: all.includes(trace) }).toEqual({ trace, found: false });
    }
    expect((await hub.queryAs('judge', 'DE', STATS)).body.data).toEqual(statsBefore);
    const chain = await hub.queryAs('auditor', 'DE', `{ auditChain(service: "victims") { verify { valid } } }`);
    expect(chain.body.data.auditChain.verify).toEqual({ valid: true });
    const trail = await hub.subgraphs.victims.audit.trail('Victim', victim.id);
    expect(trail.at(-1)).toMatchObject({ action: 'ANONYMIZED', actor: 'retention', bases: [expect.stringMatching(/^RETENTION:\d{4}-\d\d-\d\d$/)] });
  });

  it('is announced: the other subgraphs erase their part at their next read of the feed', async () => {
    const notice = await hub.subgraphs.victims.connection.collection<{ _id: string; legalBasis: string; requestedBy: object }>('erasureNotices').findOne({ victimId: victim.id });
    expect(notice).toMatchObject({ legalBasis: expect.stringMatching(/^RETENTION:\d{4}-\d\d-\d\d$/), requestedBy: { role: 'auditor', jurisdiction: 'none', org: 'justice hub retention' } });
    const position = Number(notice!._id.split('#')[1]);
    // No nudge came from the job (another process): the followers' poll finds it.
    for (const name of ['shelters', 'legal-aid', 'proceedings']) {
      const deadline = Date.now() + 20_000;
      while ((await hub.subgraphs[name].erasure!.position()) < position) {
        if (Date.now() > deadline) throw new Error(`${name} did not read the erasure feed within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const event = (await hub.subgraphs[name].audit.trail('Victim', victim.id)).find((e) => e.action === 'VICTIM_DATA_ERASED');
      expect({ name, bases: event?.bases }).toEqual({ name, bases: [`ERASURE_NOTICE:${position}`, `LEGAL_BASIS:${notice!.legalBasis}`, 'REQUESTED_BY:auditor/none'] });
    }
    expect(await hub.subgraphs.shelters.connection.collection('placements').findOne({ _id: placement } as never)).toMatchObject({ needs: [] });
  }, 90_000); // three bounded waits of 20 s on a loaded machine

  it('running retention again changes nothing (safe from cron)', async () => {
    expect(retentionCommand()).toBe('anonymized 0 victim records whose retention period is over');
  });
});

describe('eraseVictimData', () => {
  it('erases at once for a lawful request, audits the legal basis, and the person is no longer a possible duplicate', async () => {
    const victim = await fullVictim('erased');
    expect(errorCodes((await hub.queryAs('judge', 'AT', ERASE, { id: victim.id, basis: 'x' })).body)).toEqual({ eraseVictimData: 'NOT_FOUND' });
    const res = await hub.queryAs('judge', 'DE', ERASE, { id: victim.id, basis: 'GDPR Art. 17(1)(a)' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.eraseVictimData).toEqual({ status: 'CLOSED', legalName: null, ageGroup: 'AGE_30_38', gender: 'FEMALE', nationality: 'MD' });
    const all = await everything();
    for (const trace of ['Ludmila Petrenko-Erasable-erased', 'Note-Erasable-erased', victim.hash]) expect({ trace, found: all.includes(trace) }).toEqual({ trace, found: false });
    const trail = await hub.subgraphs.victims.audit.trail('Victim', victim.id);
    expect(trail.find((e) => e.action === 'ERASED')).toMatchObject({ role: 'judge', bases: ['LEGAL_BASIS:GDPR Art. 17(1)(a)'] });
    const again = await hub.queryAs('social_worker', 'DE', `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { possibleDuplicates { caseReference } } }`, {
      input: { ...PERSON, legalName: 'Ludmila Petrenko-Erasable-erased' },
    });
    expect(again.body.data.registerVictim.possibleDuplicates).toEqual([]);
  });
});
