import { createHmac, randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { HashChains } from './chain';
import { connectDatabase } from './storage';

// The platform's hash chains on their own (the audit trail is one; an evidence item's
// chain of custody will be another): many chains in one collection, linear under
// concurrent writers of separate connections, and every edit, removal or reordering found.

interface Custody {
  action: string;
  custodian: string;
}

const schema = new Schema({ _id: String, action: String, custodian: String, sequence: Number, prevHash: String, hash: String }, { collection: 'custody', versionKey: false });
const KEY = randomBytes(32).toString('hex');
let connections: Connection[];
const chainsOf = (c: Connection) => new HashChains<Custody>(c.models.Custody ?? (c.model('Custody', schema) as never), KEY, (e) => [e.action, e.custodian]);

beforeAll(async () => {
  const name = `chain_test_${randomBytes(4).toString('hex')}`;
  connections = [await connectDatabase(process.env.MONGODB_URI!, name), await connectDatabase(process.env.MONGODB_URI!, name)];
});
afterAll(async () => {
  await connections[0].dropDatabase();
  for (const c of connections) await c.close();
});

it('keeps each chain linear under concurrent writers in two connections', async () => {
  const [a, b] = connections.map(chainsOf);
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append(`item-${i % 3}`, [{ action: 'TRANSFERRED', custodian: `officer-${i}` }])),
  );
  for (const item of ['item-0', 'item-1', 'item-2']) {
    const check = await a.verify(item);
    expect(check).toMatchObject({ valid: true, firstBrokenAt: null });
  }
  const counts = await Promise.all(['item-0', 'item-1', 'item-2'].map(async (item) => (await a.verify(item)).entries));
  expect(counts.reduce((x, y) => x + y, 0)).toBe(20);
});

describe('tampering with one chain is found where it starts, and leaves the others valid', () => {
  const model = () => connections[0].models.Custody;
  const chain = 'item-tamper';
  beforeAll(async () => {
    await chainsOf(connections[0]).append(chain, ['COLLECTED', 'SEALED', 'TRANSFERRED', 'ANALYZED', 'PRESENTED'].map((action) => ({ action, custodian: 'lab-1' })));
  });

  it('an edited entry', async () => {
    await model().updateOne({ _id: `${chain}#3` }, { $set: { custodian: 'someone-else' } });
    expect(await chainsOf(connections[0]).verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 3 });
    await model().updateOne({ _id: `${chain}#3` }, { $set: { custodian: 'lab-1' } });
    expect((await chainsOf(connections[0]).verify(chain)).valid).toBe(true);
    expect((await chainsOf(connections[0]).verify('item-0')).valid).toBe(true);
  });

  it('a removed entry', async () => {
    const removed = await model().findById(`${chain}#2`).lean();
    await model().deleteOne({ _id: `${chain}#2` });
    expect(await chainsOf(connections[0]).verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 2 });
    await model().collection.insertOne(removed as never);
  });

  it('two entries swapped', async () => {
    const [second, fourth] = await Promise.all([model().findById(`${chain}#2`).lean(), model().findById(`${chain}#4`).lean()]);
    const { _id: _a, ...secondContent } = second as Record<string, unknown>;
    const { _id: _b, ...fourthContent } = fourth as Record<string, unknown>;
    await model().replaceOne({ _id: `${chain}#2` }, fourthContent);
    await model().replaceOne({ _id: `${chain}#4` }, secondContent);
    expect(await chainsOf(connections[0]).verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 2 });
  });
});

describe('an entry of several parts (the audit trail: one entry per request, a part per subject)', () => {
  interface Request {
    actor: string;
    subjects: string[];
  }
  const requestSchema = new Schema({ _id: String, actor: String, subjects: [String], sequence: Number, prevHash: String, partHashes: [String], hash: String }, { collection: 'requests', versionKey: false });
  const requestsOf = (c: Connection) =>
    new HashChains<Request>(c.models.Request ?? (c.model('Request', requestSchema) as never), KEY, { parts: (e) => e.subjects.map((subject) => [e.actor, subject]) });
  const model = () => connections[0].models.Request;
  const chain = 'audit';

  beforeAll(async () => {
    await requestsOf(connections[0]).append(chain, [
      { actor: 'judge', subjects: ['victim-1'] },
      { actor: 'prosecutor', subjects: ['victim-1', 'victim-2', 'victim-3'] },
      { actor: 'auditor', subjects: ['victim-2'] },
    ]);
  });

  it('hashes each part on the one before it, so each checks with the one-part recipe', async () => {
    const [first, second] = await Promise.all([model().findById(`${chain}#1`).lean(), model().findById(`${chain}#2`).lean()]);
    const one = (sequence: number, subject: string, prevHash: string) => createHmac('sha256', KEY).update(JSON.stringify([sequence, 'prosecutor', subject, prevHash])).digest('hex');
    const h1 = one(2, 'victim-1', first!.hash);
    const h2 = one(2, 'victim-2', h1);
    expect(second!.partHashes).toEqual([h1, h2, one(2, 'victim-3', h2)]);
    expect(second!.hash).toBe(second!.partHashes[2]);
    expect(first!.partHashes).toBeUndefined(); // one part: its hash is the entry's
    expect(await requestsOf(connections[0]).verify(chain)).toMatchObject({ valid: true, entries: 3 });
  });

  it.each([
    ['a part removed', (subjects: string[]) => subjects.slice(1)],
    ['two parts swapped', (subjects: string[]) => [subjects[1], subjects[0], subjects[2]]],
    ['a part edited', (subjects: string[]) => [subjects[0], 'victim-9', subjects[2]]],
  ])('%s breaks the chain at its entry', async (_name, tamper) => {
    const stored = (await model().findById(`${chain}#2`).lean())!;
    await model().updateOne({ _id: `${chain}#2` }, { $set: { subjects: tamper(stored.subjects) } });
    try {
      expect(await requestsOf(connections[0]).verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 2 });
    } finally {
      await model().replaceOne({ _id: `${chain}#2` }, stored);
    }
    expect((await requestsOf(connections[0]).verify(chain)).valid).toBe(true);
  });

  it('a part hash rewritten alone breaks it too', async () => {
    const stored = (await model().findById(`${chain}#2`).lean())!;
    await model().updateOne({ _id: `${chain}#2` }, { $set: { 'partHashes.0': '0'.repeat(64) } });
    try {
      expect(await requestsOf(connections[0]).verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 2 });
    } finally {
      await model().replaceOne({ _id: `${chain}#2` }, stored);
    }
  });
});
