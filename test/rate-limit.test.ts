import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { loadOrCreateIssuer } from '../scripts/development/dev-issuer';
import { startHub, type TestHub } from './support/hub';

// The gateway limits requests per caller: a verified token's issuer and subject, else the address.

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

it('counts a token that does not verify against its address, never against the caller it names', async () => {
  const real = await hub.token('judge', 'DE', { sub: 'real-judge' });
  // The same issuer's name and the same subject, signed with another key; and an issuer nobody trusts.
  const keys = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-forger-'));
  try {
    const forger = await loadOrCreateIssuer(path.join(keys, 'north'), hub.issuer.trusted.issuer, hub.issuer.trusted.audience, { jurisdictions: ['DE'] });
    const stranger = await loadOrCreateIssuer(path.join(keys, 'stranger'), 'https://idp.stranger.example', hub.issuer.trusted.audience, { jurisdictions: ['DE'] });
    const forged = await forger.sign({ role: 'judge', jurisdiction: 'DE', sub: 'real-judge' });
    expect(decodeJwt(forged)).toMatchObject({ iss: decodeJwt(real).iss, sub: 'real-judge' });
    const tokens = [forged, forged, forged, await stranger.sign({ role: 'judge', jurisdiction: 'DE', sub: 'real-judge' }), forged, forged];
    const statuses: number[] = [];
    for (const token of tokens) statuses.push((await hub.query(token, QUERY)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    // The caller they name has its whole quota; the address they came from has none left.
    const own: number[] = [];
    for (let i = 0; i < 5; i++) own.push((await hub.query(real, QUERY)).status);
    expect(own).toEqual([200, 200, 200, 200, 200]);
    expect((await hub.query(null, QUERY)).status).toBe(429);
  } finally {
    rmSync(keys, { recursive: true, force: true });
  }
});
