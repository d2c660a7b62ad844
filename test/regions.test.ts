import { startHub, type TestHub } from './support/hub';

// The regions the hub reports on (platform/regions.ts, issue 26): configuration, public,
// the entity each subgraph adds its indicators to.

let hub: TestHub;
let configured: TestHub;
const BALTIC = [{ code: 'NB', name: 'Baltic', jurisdictions: ['LT', 'LV', 'EE'] }];

beforeAll(async () => {
  [hub, configured] = await Promise.all([startHub(), startHub({ env: { REGIONS: JSON.stringify(BALTIC) } })]);
}, 90_000);
afterAll(async () => {
  await Promise.all([hub?.stop(), configured?.stop()]);
});

const REGIONS = `{ regions { code name jurisdictions } }`;

it('by default the three regions of the first deployment, to anyone, without a token', async () => {
  const res = await hub.query(null, REGIONS);
  expect(res.body).toEqual({
    data: {
      regions: [
        { code: 'WB', name: 'Western Balkans', jurisdictions: ['AL', 'BA', 'ME', 'MK', 'RS'] },
        { code: 'CE', name: 'Central Europe', jurisdictions: ['AT', 'CZ', 'DE', 'HU', 'PL', 'SI', 'SK'] },
        { code: 'SE', name: 'Southern Europe', jurisdictions: ['CY', 'ES', 'GR', 'HR', 'IT', 'MT', 'PT'] },
      ],
    },
  });
});

it('one region by its code; a code the hub does not report on is null, not an error', async () => {
  const one = `query($code: String!) { region(code: $code) { code name } }`;
  expect((await hub.query(null, one, { code: 'SE' })).body).toEqual({ data: { region: { code: 'SE', name: 'Southern Europe' } } });
  for (const code of ['XX', 'se', '', '{"$ne":null}']) expect((await hub.query(null, one, { code })).body).toEqual({ data: { region: null } });
});

it("a deployment's own REGIONS replace the default", async () => {
  expect((await configured.query(null, REGIONS)).body).toEqual({ data: { regions: BALTIC } });
});
