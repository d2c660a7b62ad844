import { newId } from '../subgraphs/common/validate';
import type { TrainingModels } from '../subgraphs/training/models';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { COMPLETE, daysAgo, ISSUE, REGISTER, setUpAccreditation, today, trainingDesk, VISIT } from './support/training';

// Who writes to a practitioner's training record (the officers of her region; anyone else
// is answered as for an unknown practitioner), and who reads it as its owner (her own
// tokens: issuer, subject, jurisdiction and profession, never `sub` alone).

let hub: TestHub;
let models: TrainingModels;
const { register, complete } = trainingDesk(() => hub);

beforeAll(async () => {
  hub = await startHub();
  models = await setUpAccreditation(hub);
});
afterAll(async () => {
  await hub.stop();
});

/** What a practitioner's record holds, and her trail: nothing of it may change on a refused write. */
async function recordOf(practitionerId: string) {
  const db = hub.subgraphs.training.connection;
  const [completions, visits, certificates] = await Promise.all(
    ['completions', 'exchangeVisits', 'certificates'].map((c) => db.collection(c).countDocuments({ practitionerId })),
  );
  const trail = (await hub.subgraphs.training.audit.events({ subjectType: 'Practitioner', subjectId: practitionerId })).filter((e) => e.action !== 'READ').length;
  return { completions, visits, certificates, trail };
}

describe("training writes are regional: another region's practitioner answers exactly as an unknown one", () => {
  it('recordCompletion, issueCertificate and recordExchangeVisit by an officer of the body but not of her region', async () => {
    const judge = await register('AL', 'JUDGE');
    // Passing completions of CE's program, as a record kept before this rule could hold them: issuing would succeed but for the region.
    await models.completions.createMany(
      ['CE-JP-201-M1', 'CE-JP-201-M2', 'CE-JP-201-M3'].map((moduleCode) => ({
        _id: newId(), practitionerId: judge, programCode: 'CE-JP-201', moduleCode, bodyId: 'CE', hours: 8, competency: 'VICTIM_RIGHTS',
        completedOn: today(), score: 90, passed: true, assessor: 'Trainer One', recordedAt: new Date(), recordedBy: 'test',
      })),
    );
    const before = await recordOf(judge);
    const officer = await hub.token('accreditation_officer', 'DE'); // CE's officer: acts for CE, keeps no AL record
    const nobody = newId();
    const attempts: Array<[string, (id: string) => Record<string, unknown>]> = [
      [COMPLETE, (id) => ({ id, module: 'CE-JP-201-M1', input: { completedOn: today(), score: 90, assessor: 'X' } })],
      [ISSUE, (id) => ({ id, program: 'CE-JP-201', months: 12 })],
      [VISIT, (id) => ({ id, input: { hostCourt: 'Vienna Regional Court', hostJurisdiction: 'AT', from: daysAgo(5), to: daysAgo(4), hours: 8 } })],
    ];
    for (const [mutation, variables] of attempts) {
      const foreign = await hub.query(officer, mutation, variables(judge));
      const unknown = await hub.query(officer, mutation, variables(nobody));
      expect(foreign.body.errors).toHaveLength(1);
      expect(foreign.body.errors![0]).toMatchObject({ message: `Practitioner ${judge} was not found`, extensions: { code: 'NOT_FOUND' } });
      // Same code, path and data, and the same message but for the id asked about.
      expect(JSON.stringify(foreign.body).replaceAll(judge, '<id>')).toBe(JSON.stringify(unknown.body).replaceAll(nobody, '<id>'));
    }
    expect(await recordOf(judge)).toEqual(before);

    // The officers of her region keep it (RS is in the Western Balkans with AL).
    const kept = await hub.queryAs('accreditation_officer', 'RS', VISIT, { id: judge, input: { hostCourt: 'Vienna Regional Court', hostJurisdiction: 'AT', from: daysAgo(5), to: daysAgo(4), hours: 8 } });
    expect(kept.body.errors).toBeUndefined();
    expect(await recordOf(judge)).toEqual({ ...before, visits: 1, trail: before.trail + 1 });
  });
});

const READ = `query($id: ID!) { practitioner(id: $id) { id name email subject subjectIssuer completions { moduleCode } exchangeVisits { hostJurisdiction } } ownPractitionerRecord { id } }`;
const PROTECTED = ['email', 'subject', 'subjectIssuer', 'completions', 'exchangeVisits'];

describe("a practitioner's own record: her token's issuer, subject, jurisdiction and profession, never `sub` alone", () => {
  const sub = 'judge-rossi@idp.example';
  const NORTH = 'https://idp.north.example';
  const SOUTH = 'https://idp.south.example';
  let north: string;
  let south: string;

  beforeAll(async () => {
    expect([hub.issuer.trusted.issuer, hub.secondIssuer.trusted.issuer]).toEqual([NORTH, SOUTH]);
    // Two judges of IT whose issuers happen to give them the same `sub`: the registering officer's issuer, and one given.
    north = await register('IT', 'JUDGE', { subject: sub, email: 'rossi@tribunale-roma.example' });
    south = await register('IT', 'JUDGE', { subject: sub, subjectIssuer: SOUTH, email: 'rossi@tribunale-napoli.example' });
    await complete(north, 'SE-JP-201-M1', 90, today(), 'IT');
    await complete(south, 'SE-JP-201-M1', 80, today(), 'GR');
    expect((await hub.queryAs('accreditation_officer', 'GR', VISIT, { id: north, input: { hostCourt: 'Athens Court of Appeal', hostJurisdiction: 'GR', from: daysAgo(5), to: daysAgo(4), hours: 8 } })).body.errors).toBeUndefined();
  });

  async function read(token: string, id: string) {
    const res = await hub.query(token, READ, { id });
    expect(res.body.data.practitioner).toMatchObject({ id, name: expect.any(String) });
    return { record: res.body.data.practitioner, own: res.body.data.ownPractitionerRecord?.id ?? null, errors: errorCodes(res.body) };
  }

  const readsNothing = (seen: Awaited<ReturnType<typeof read>>) => {
    for (const field of PROTECTED) expect(seen.record[field]).toBeNull();
    expect(seen.errors).toEqual(Object.fromEntries(PROTECTED.map((field) => [`practitioner.${field}`, 'FORBIDDEN'])));
  };

  it('the right token reads all of her record and finds it', async () => {
    const mine = await read(await hub.token('judge', 'IT', { sub }), north);
    expect(mine).toEqual({
      record: { id: north, name: expect.any(String), email: 'rossi@tribunale-roma.example', subject: sub, subjectIssuer: NORTH, completions: [{ moduleCode: 'SE-JP-201-M1' }], exchangeVisits: [{ hostJurisdiction: 'GR' }] },
      own: north,
      errors: {},
    });
    const hers = await read(await hub.secondIssuer.sign({ role: 'judge', jurisdiction: 'IT', sub }), south);
    expect(hers).toMatchObject({ record: { email: 'rossi@tribunale-napoli.example', subjectIssuer: SOUTH, completions: [{ moduleCode: 'SE-JP-201-M1' }], exchangeVisits: [] }, own: south, errors: {} });
    // Officers of her region read who she signs in as; others do not.
    expect((await read(await hub.token('accreditation_officer', 'GR'), north)).record).toMatchObject({ subject: sub, subjectIssuer: NORTH });
    readsNothing(await read(await hub.token('accreditation_officer', 'DE'), north));
  });

  it('(a) the same sub from another issuer reads nothing of it', async () => {
    const southJudge = await hub.secondIssuer.sign({ role: 'judge', jurisdiction: 'IT', sub });
    const seen = await read(southJudge, north);
    readsNothing(seen);
    expect(seen.own).toBe(south); // hers, not the other judge's
    readsNothing(await read(await hub.token('judge', 'IT', { sub }), south));
  });

  it('(b) the same issuer and sub for another jurisdiction reads nothing of it', async () => {
    for (const token of [await hub.token('judge', 'GR', { sub }), await hub.secondIssuer.sign({ role: 'judge', jurisdiction: 'GR', sub })]) {
      for (const id of [north, south]) {
        const seen = await read(token, id);
        readsNothing(seen);
        expect(seen.own).toBeNull();
      }
    }
  });

  it('(c) the same issuer, sub and jurisdiction with another role reads nothing of it', async () => {
    const tokens = [
      await hub.token('prosecutor', 'IT', { sub }),
      await hub.token('partner_system', 'IT', { sub }),
      await hub.token('auditor', 'IT', { sub }),
      await hub.secondIssuer.sign({ role: 'prosecutor', jurisdiction: 'IT', sub }),
    ];
    for (const token of tokens) {
      const seen = await read(token, tokens.indexOf(token) === 3 ? south : north);
      readsNothing(seen);
      expect(seen.own).toBeNull();
    }
  });

  it('one record per sign-in and jurisdiction: registering the same issuer and subject again is BAD_USER_INPUT', async () => {
    const again = await hub.queryAs('accreditation_officer', 'IT', REGISTER, { input: { name: 'M. Rossi', role: 'JUDGE', organization: 'Court', email: 'r@court.example', subject: sub } });
    expect(errorCodes(again.body)).toEqual({ registerPractitioner: 'BAD_USER_INPUT' });
    expect(again.body.errors![0].extensions?.field).toBe('input.subject');
    // The same subject in another jurisdiction is another record.
    expect((await hub.queryAs('accreditation_officer', 'GR', REGISTER, { input: { name: 'M. Rossi', role: 'JUDGE', organization: 'Court', email: 'r@court.example', subject: sub } })).body.errors).toBeUndefined();
  });
});
