import { startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { ISSUE, setUpAccreditation, trainingDesk } from './support/training';

// The training subgraph's `Region.accreditation` (issue 26): practitioners certified in
// the period, all roles and per role, and valid certificates ending within 90 days after
// it, counted from certificates issued through the API. Practitioners are no victims:
// their counts are shown as they are. CE (default REGIONS) holds DE and AT.

let hub: TestHub;
const desk = trainingDesk(() => hub);
/** The hub's clock for this file: in December, so a month's certificate ends within 90 days after the year. */
const NOW = new Date('2026-12-10T10:00:00Z');
const year = 2026;
const ACCREDITATION = `query($period: PeriodInput!, $by: Boolean) { region(code: "CE") { name accreditation(period: $period, byJurisdiction: $by) { indicator jurisdiction value suppressed unit note } } }`;

async function certify(jurisdiction: string, role: string, validMonths: number): Promise<string> {
  const id = await desk.register(jurisdiction, role);
  for (const module of ['CE-JP-201-M1', 'CE-JP-201-M2', 'CE-JP-201-M3']) await desk.complete(id, module, 90, '2026-12-01', 'DE');
  const res = await hub.queryAs('accreditation_officer', 'DE', ISSUE, { id, program: 'CE-JP-201', months: validMonths });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.issueCertificate.code;
}

beforeAll(async () => {
  hub = await startHub();
  hub.clock.set(NOW);
  await setUpAccreditation(hub);
  // Two judges of DE and a prosecutor of AT; one certificate ends within 90 days of the year's end (a month's validity), the others in a year.
  await certify('DE', 'JUDGE', 12);
  await certify('DE', 'JUDGE', 1);
  await certify('AT', 'PROSECUTOR', 12);
}, 120_000);
afterAll(() => hub.stop());

const cells = (res: GraphQLResponse) => {
  expect(res.body.errors).toBeUndefined();
  return (res.body.data.region.accreditation as Array<{ indicator: string; jurisdiction: string | null; value: number; note: string }>).map((v) => `${v.indicator}${v.jurisdiction ? ` ${v.jurisdiction}` : ''} (${v.note}): ${v.value}`);
};

it("the region's year, public: practitioners certified, all and per role, shown as they are (counts under 11 are not suppressed: no victims)", async () => {
  const shown = cells(await hub.query(null, ACCREDITATION, { period: { granularity: 'YEAR', year } }));
  expect(shown).toEqual(expect.arrayContaining(['PRACTITIONERS_CERTIFIED (all roles): 3', 'PRACTITIONERS_CERTIFIED (role: JUDGE): 2', 'PRACTITIONERS_CERTIFIED (role: PROSECUTOR): 1', 'PRACTITIONERS_CERTIFIED (role: POLICE): 0']));
});

it('per jurisdiction, for a partner system of the region; nothing in another year', async () => {
  const token = await hub.token('partner_system', 'AT');
  expect(cells(await hub.query(token, ACCREDITATION, { period: { granularity: 'YEAR', year }, by: true }))).toEqual(
    expect.arrayContaining(['PRACTITIONERS_CERTIFIED DE (all roles): 2', 'PRACTITIONERS_CERTIFIED AT (all roles): 1', 'PRACTITIONERS_CERTIFIED PL (all roles): 0']),
  );
  expect(cells(await hub.query(null, ACCREDITATION, { period: { granularity: 'YEAR', year: year - 1 } }))).toContain('PRACTITIONERS_CERTIFIED (all roles): 0');
});

it('valid certificates ending within 90 days after the period; a revoked one is not counted', async () => {
  const expiring = () => hub.query(null, ACCREDITATION, { period: { granularity: 'YEAR', year } }).then((res) => cells(res).find((c) => c.startsWith('CERTIFICATES_EXPIRING_90_DAYS')));
  expect(await expiring()).toMatch(/: 1$/);
  const code = await certify('DE', 'POLICE', 1);
  const revoked = await hub.queryAs('accreditation_officer', 'DE', `mutation($code: String!) { revokeCertificate(code: $code, reason: "Issued in error") { status } }`, { code });
  expect(revoked.body.errors).toBeUndefined();
  expect(await expiring()).toMatch(/: 1$/); // 2 had the revoked one counted
});

it('a social worker of the region may not read the quarter; an auditor may', async () => {
  const quarter = { granularity: 'QUARTER', year, quarter: 4 };
  expect((await hub.query(await hub.token('social_worker', 'DE'), ACCREDITATION, { period: quarter })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(cells(await hub.query(await hub.token('auditor', 'DE'), ACCREDITATION, { period: quarter }))).toContain('PRACTITIONERS_CERTIFIED (all roles): 4');
});
