import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { connectDatabase, DenseLog } from './';

// Feeds (dense-log.ts `DenseLog`: the erasure feed, the audit and custody hash chains) from
// separate connections, as separate processes would write them.
// Contract tests: they run on whatever database MONGODB_URI names (the jest global setup
// starts the embedded one when it is unset), so they hold on MongoDB as well.

interface NoticeDoc {
  _id: string;
  body: string;
}

const noticeSchema = new Schema<NoticeDoc>({ _id: String, body: String }, { collection: 'notices', versionKey: false });

let dbName: string;
let connections: Connection[] = [];

async function feedOn(): Promise<DenseLog<NoticeDoc>> {
  const connection = await connectDatabase(process.env.MONGODB_URI!, dbName);
  connections.push(connection);
  const model = connection.models.Notice ?? connection.model<NoticeDoc>('Notice', noticeSchema);
  await model.init();
  return new DenseLog(model);
}

beforeEach(() => {
  dbName = `feed_test_${randomBytes(4).toString('hex')}`;
  connections = [];
});
afterEach(async () => {
  await connections[0]?.dropDatabase();
  for (const c of connections) await c.close();
});

const bodies = (docs: NoticeDoc[]) => docs.map((d) => d.body);

describe('a feed', () => {
  it('gives concurrent appends of two connections distinct, gap-free positions from 1', async () => {
    const [a, b] = [await feedOn(), await feedOn()];
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append('erasures', [{ body: `n${i}` }])));
    const positions = ids.flat().map((id) => Number(id.slice(id.lastIndexOf('#') + 1)));
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const all = (await a.readAll(['erasures'])).get('erasures')!;
    expect(all.map((d) => d._id)).toEqual(positions.map((_, i) => `erasures#${i + 1}`));
    expect(new Set(bodies(all))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `n${i}`)));
    // a fresh reader, with nothing cached, finds the same length
    expect(await (await feedOn()).length('erasures')).toBe(40);
  });

  it('keeps a batch in order, and reads back in order from any position', async () => {
    const feed = await feedOn();
    const written = Array.from({ length: 30 }, (_, i) => `n${i + 1}`);
    await feed.append('f', written.slice(0, 5).map((body) => ({ body })));
    await feed.append('f', written.slice(5).map((body) => ({ body })));
    for (let after = 0; after <= 30; after++) {
      expect(bodies(await feed.read('f', after, 7))).toEqual(written.slice(after, after + 7));
    }
    expect(await feed.read('f', 30, 5)).toEqual([]);
    expect(await feed.read('none', 0, 5)).toEqual([]);
    expect(await feed.length('none')).toBe(0);
  });

  it('bulk-appends to many logs while another writer appends to them, each document once and in order', async () => {
    const [bulk, other] = [await feedOn(), await feedOn()];
    const logs = Array.from({ length: 12 }, (_, i) => `log-${i}`);
    const groups = new Map(logs.map((log) => [log, ['a', 'b', 'c'].map((x) => ({ body: `${log}-${x}` }))]));
    await Promise.all([bulk.appendAll(groups), Promise.all(logs.map((log) => other.append(log, [{ body: `${log}-other` }])))]);
    const lengths = await (await feedOn()).lengths(logs);
    const stored = await other.readAll(logs);
    for (const log of logs) {
      expect(lengths.get(log)).toBe(4);
      expect(bodies(stored.get(log)!).filter((b) => b !== `${log}-other`)).toEqual([`${log}-a`, `${log}-b`, `${log}-c`]);
    }
  });

  it('finds the length of a long log, whatever a reader knew before', async () => {
    const [writer, reader] = [await feedOn(), await feedOn()];
    await writer.append('long', Array.from({ length: 700 }, (_, i) => ({ body: `n${i}` })));
    expect(await reader.length('long')).toBe(700);
    await writer.append('long', [{ body: 'late' }]);
    expect(await reader.length('long')).toBe(701);
    expect(bodies(await reader.read('long', 699, 5))).toEqual(['n699', 'late']);
  });
});
