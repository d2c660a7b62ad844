import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { emitEvent, Outbox, SETTLE_MS } from './outbox';
import { connectDatabase } from './storage';

// The feed serves an event only once the change it announces is written (decision 118):
// a receiver told of a change fetches it at once.

let connection: Connection;
let outbox: Outbox;
const at = new Date('2026-06-01T10:00:00Z');
const event = (id: string) => ({ ids: { recordId: id }, jurisdictions: ['DE'] });
const types = async () => (await outbox.read(0, 10)).events.map((e) => [e.type, e.void]);

beforeEach(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `outbox_test_${randomBytes(4).toString('hex')}`);
  outbox = new Outbox(connection);
});
afterEach(async () => {
  await connection.dropDatabase();
  await connection.close();
});

test('while its change is being written, the feed stops before the event; once written, it serves it and what follows', async () => {
  let release!: () => void;
  const written = new Promise<void>((resolve) => (release = resolve));
  const writing = emitEvent({ outbox, now: at }, 'precedent.published', event('A'), async () => {
    await written;
    return 'A';
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await emitEvent({ outbox, now: at }, 'bed.freed', event('B'), async () => 'B');
  expect(await outbox.read(0, 10)).toEqual({ head: 0, events: [] });
  release();
  await writing;
  expect(await types()).toEqual([['precedent.published', false], ['bed.freed', false]]);
});

test('a failed write voids its event; an event left pending (its process stopped) is served after SETTLE_MS', async () => {
  await expect(emitEvent({ outbox, now: at }, 'bed.freed', event('C'), async () => Promise.reject(new Error('write failed')))).rejects.toThrow('write failed');
  expect(await types()).toEqual([['bed.freed', true]]);
  await outbox.append({ type: 'bed.freed', ids: { recordId: 'D' }, jurisdictions: [], organisations: [], at, pending: true, appended: new Date() });
  expect((await outbox.read(0, 10)).head).toBe(1);
  await outbox.log.model.updateOne({ 'ids.recordId': 'D' }, { $set: { appended: new Date(Date.now() - SETTLE_MS - 1000) } });
  expect(await types()).toEqual([['bed.freed', true], ['bed.freed', false]]);
});
