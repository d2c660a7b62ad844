import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { startHub, type TestHub } from './support/hub';

// The hub talks to loopback only here: its services, its database (over loopback TCP, or
// the embedded database's Unix socket: a path, on this machine). Every socket this
// process opens is seen by Node's `net.client.socket` channel; one to any other address
// (a vendor's telemetry, a cloud metadata probe: @apollo/gateway's usage reporting did
// both before gateway/server.ts turned it off) fails the test.

const LOOPBACK = /^(127\.|::1$|::ffff:127\.|localhost$)/;
const elsewhere: string[] = [];
const watch = ({ socket }: { socket: Socket }) => {
  socket.once('lookup', (_error, address) => {
    if (typeof address === 'string' && !LOOPBACK.test(address)) elsewhere.push(`${address} (looked up)`);
  });
  // Every address tried, whether it answers or not (a probe that times out never connects).
  socket.on('connectionAttempt', (address: string, port: number | undefined) => {
    const unixSocket = port === undefined && address.startsWith('/');
    if (!LOOPBACK.test(address) && !unixSocket) elsewhere.push(`${address}:${port}`);
  });
};

let hub: TestHub;
beforeAll(async () => {
  diagnostics.subscribe('net.client.socket', watch as (message: unknown) => void);
  hub = await startHub();
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  diagnostics.unsubscribe('net.client.socket', watch as (message: unknown) => void);
});

it('starting the hub and answering through the gateway opens no connection beyond loopback', async () => {
  const res = await hub.queryAs('social_worker', 'DE', `{ me { role } iloIndicators { code } }`);
  expect(res.body.errors).toBeUndefined();
  // The probes start with the gateway and give up after a few seconds: give them the time to try.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(elsewhere).toEqual([]);
});
