import { newId } from '../subgraphs/common/validate';
import type { TrainingModels } from '../subgraphs/training/models';
import { startHub, type TestHub } from './support/hub';
import { COMPLETE, daysAgo, ISSUE, setUpAccreditation, today, trainingDesk, VISIT } from './support/training';

// Who writes to a practitioner's training record: the officers of her region; anyone else
// is answered as for an unknown practitioner.

let hub: TestHub;
let models: TrainingModels;
const { register } = trainingDesk(() => hub);

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
  const trail = await hub.subgraphs.training.audit.model.countDocuments({ subjectType: 'Practitioner', subjectId: practitionerId, action: { $ne: 'READ' } });
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
