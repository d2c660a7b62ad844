import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { newSecret, signature } from './secrets';
import { addressRefusal, urlRefusal, type UrlPolicy } from './urls';

const production: UrlPolicy = { mode: 'production', allowed: [] };
const development: UrlPolicy = { mode: 'development', allowed: [] };

test('production: https only, and loopback refused like any special address — a refused address is never called', async () => {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls++;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    expect(await urlRefusal(`http://127.0.0.1:${port}/hook`, production)).toBe('must be https');
    expect(await urlRefusal(`https://127.0.0.1:${port}/hook`, production)).toMatch(/loopback/);
    expect(await urlRefusal(`http://localhost:${port}/hook`, production)).toBe('must be https');
    expect(await urlRefusal(`http://127.0.0.1:${port}/hook`, development)).toBeNull();
    expect(calls).toBe(0);
  } finally {
    server.close();
  }
});

test('development: http to loopback only; private and link-local refused unless WEBHOOK_ALLOWED_NETWORKS names them', async () => {
  expect(await urlRefusal('http://10.0.0.8/hook', development)).toMatch(/https/);
  expect(await urlRefusal('https://10.0.0.8/hook', development)).toMatch(/private/);
  expect(await urlRefusal('https://10.0.0.8/hook', { mode: 'production', allowed: ['10.0.0.0/24'] })).toBeNull();
  expect(await urlRefusal('https://10.0.1.8/hook', { mode: 'production', allowed: ['10.0.0.0/24'] })).toMatch(/private/);
  expect(addressRefusal('169.254.169.254', development)).toMatch(/link-local/);
  expect(addressRefusal('::ffff:192.168.0.1', development)).toMatch(/private/);
  expect(addressRefusal('::ffff:a00:1', development)).toMatch(/10\.0\.0\.1 is a private/); // as new URL() writes [::ffff:10.0.0.1]
  expect(addressRefusal('::ffff:7f00:1', production)).toMatch(/loopback/);
  expect(await urlRefusal('https://[::ffff:169.254.169.254]/', development)).toMatch(/link-local/);
  expect(addressRefusal('93.184.215.14', production)).toBeNull();
  expect(addressRefusal('2001:db8::1', production)).toBeNull();
});

test('signatures are Standard Webhooks signatures (verified by its own library)', () => {
  const secret = newSecret();
  const id = 'legal-aid:7';
  const timestamp = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ type: 'handoff.offered', timestamp: new Date().toISOString(), data: { handoffId: 'x' } });
  const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature(secret, id, timestamp, body) };
  expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
});
