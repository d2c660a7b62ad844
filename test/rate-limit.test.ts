import { startHub, type TestHub } from './support/hub';

// The gateway limits requests per caller: a token's issuer and subject, else the address.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ ratePerMinute: 5 });
});
afterAll(() => hub.stop());

const QUERY = `{ iloIndicators { code } }`;

it('refuses a caller past its limit with 429 and RATE_LIMITED, and counts every other caller apart', async () => {
  const busy = await hub.token('partner_system', 'DE', { sub: 'busy-client' });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await hub.query(busy, QUERY)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

  const refused = await fetch(hub.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${busy}` },
    body: JSON.stringify({ query: QUERY }),
  });
  expect(refused.status).toBe(429);
  expect(refused.headers.get('ratelimit-policy')).toMatch(/q=5/);
  expect(await refused.json()).toEqual({ errors: [{ message: 'Too many requests: at most 5 a minute per caller', extensions: { code: 'RATE_LIMITED' } }] });

  // Another subject of the same organisation, and a fresh token of the busy one, are counted as themselves.
  const other = await hub.token('partner_system', 'DE', { sub: 'other-client' });
  expect((await hub.query(other, QUERY)).status).toBe(200);
  expect((await hub.query(await hub.token('partner_system', 'DE', { sub: 'busy-client' }), QUERY)).status).toBe(429);
});
