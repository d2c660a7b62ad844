import { createHmac, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { AUDIT_ENV, readEnv } from '../../platform/config';
import { randomSecrets } from '../../scripts/development/dev-env';
import { AuditLog, type AuditEntry } from './audit';
import { auditKeys } from './audit-checkpoints';
import { GENESIS } from './chain';
import { connectDatabase } from './storage';

// How the audit trail stores a request's events (audit.md, "Hash chain"): one link per
// append, its events in parts, each subject's trail listing its own event. Through the
// gateway: test/audit.test.ts.

const judge = { sub: 'judge-1', role: 'judge', jurisdiction: 'DE', org: 'court', issuer: 'https://idp.test' };
const read = (subjectId: string): AuditEntry => ({ action: 'READ', subjectType: 'Victim', subjectId, fields: ['legalName'], deniedFields: [], decision: 'ALLOW', bases: ['OWN_JURISDICTION'] });

let connection: Connection;
let log: AuditLog;
let chainKey: string;

beforeAll(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `audit_links_test_${randomBytes(4).toString('hex')}`);
  const env = readEnv(AUDIT_ENV, randomSecrets());
  chainKey = env.AUDIT_CHAIN_KEY;
  log = new AuditLog(connection, 'victims', auditKeys(env.AUDIT_CHAIN_KEY, env.AUDIT_SIGNING_KEY));
});
afterAll(async () => {
  log.stop();
  await connection.dropDatabase();
  await connection.close();
});

it('reads a link written before events had parts (one event at the top level) as it was, and verifies it', async () => {
  // The shape every link had before: the event's fields beside the link's, one hash.
  const at = new Date('2026-11-01T10:00:00Z');
  const event = { sequence: 1, at, ...judge, actor: judge.sub, purpose: 'ADJUDICATION', ...read('v-old'), prevHash: GENESIS };
  const hash = createHmac('sha256', chainKey)
    .update(JSON.stringify([1, at.toISOString(), 'judge-1', 'judge', 'DE', 'court', 'https://idp.test', 'ADJUDICATION', 'READ', 'Victim', 'v-old', ['legalName'], [], 'ALLOW', ['OWN_JURISDICTION'], GENESIS]))
    .digest('hex');
  const { sub: _sub, ...stored } = event;
  await log.model.collection.insertOne({ _id: 'chain#1', ...stored, hash } as never);
  await connection.collection('listEntries').insertOne({ _id: `auditEvents/subject=${encodeURIComponent('Victim:v-old')}#1`, ref: 'chain#1' } as never);

  // A new link after it, of two events.
  await log.append({ ...judge }, 'ADJUDICATION', [read('v-new'), read('v-old')]);

  expect(await log.verify()).toMatchObject({ valid: true, events: 2 });
  const trail = await log.trail('Victim', 'v-old');
  expect(trail.map((e) => [e.sequence, e.subjectId])).toEqual([
    [1, 'v-old'],
    [2, 'v-old'],
  ]);
  expect(trail[0].hash).toBe(hash);
  // The second event of link 2 hashes on the first, whose own hash is in v-new's trail.
  const [newer] = await log.trail('Victim', 'v-new');
  expect(newer.prevHash).toBe(hash);
  expect(trail[1].prevHash).toBe(newer.hash);
  expect((await log.events({ subjectId: 'v-old' })).map((e) => e.hash)).toEqual(trail.map((e) => e.hash));
});

it('an append with no events writes no link', async () => {
  const before = (await log.verify()).events;
  await log.append({ ...judge }, null, []);
  expect((await log.verify()).events).toBe(before);
});

it('a link of N events or more brings a signed checkpoint as N single events would (checkpoints every N events)', async () => {
  const env = readEnv(AUDIT_ENV, randomSecrets());
  const other = await connectDatabase(process.env.MONGODB_URI!, `audit_links_test_${randomBytes(4).toString('hex')}`);
  const everyFive = new AuditLog(other, 'victims', auditKeys(env.AUDIT_CHAIN_KEY, env.AUDIT_SIGNING_KEY), { every: 5, seconds: 3600 });
  try {
    await everyFive.append({ ...judge }, null, [read('v-1')]);
    expect((await everyFive.checkpoints.all()).map((c) => c.sequence)).toEqual([1]); // the first head is always signed
    await everyFive.append({ ...judge }, null, ['v-1', 'v-2', 'v-3', 'v-4', 'v-5', 'v-6'].map(read)); // a page: link 2, one link after the last checkpoint
    expect((await everyFive.checkpoints.all()).map((c) => c.sequence)).toEqual([1, 2]);
    await everyFive.append({ ...judge }, null, [read('v-7')]);
    expect((await everyFive.checkpoints.all()).map((c) => c.sequence)).toEqual([1, 2]);
  } finally {
    everyFive.stop();
    await other.dropDatabase();
    await other.close();
  }
});
