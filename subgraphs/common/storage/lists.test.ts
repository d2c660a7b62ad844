import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type mongo } from 'mongoose';
import { connectDatabase } from './';
import { Lists } from './';
import { pageOf, type Page, type Segment } from './';
import { ListedCollection, listedField } from './';

// The platform's lists (lists.ts) and listed collections (store.ts) on the
// real database: dense positions under concurrent writers of separate connections (as
// separate processes would be), exact sizes, records moving between lists, pages.
// Contract tests: they run on whatever database MONGODB_URI names (the jest global setup
// starts the embedded one when it is unset), so they hold on MongoDB as well.

interface CaseRecord {
  _id: unknown;
  region: string;
  stage: string;
  reference: string;
  tags: string[];
  _listed?: string[];
}

const caseSchema = new Schema<CaseRecord>(
  {
    _id: String,
    region: { type: String, required: true },
    stage: { type: String, required: true },
    reference: { type: String, required: true, unique: true },
    tags: { type: [String], default: [] },
    _listed: listedField,
  },
  { collection: 'cases', versionKey: false },
);

const KEYS = {
  region: (c: CaseRecord) => [c.region],
  regionStage: (c: CaseRecord) => [`${c.region}:${c.stage}`],
  tag: (c: CaseRecord) => c.tags,
};

let dbName: string;
let connections: Connection[] = [];
let finds: Array<Record<string, unknown>> = [];

async function connect(): Promise<Connection> {
  const connection = await connectDatabase(process.env.MONGODB_URI!, dbName, { monitorCommands: true });
  connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') finds.push({ collection: event.command.find, filter: event.command.filter });
  });
  connections.push(connection);
  return connection;
}

async function casesOn(connection: Connection) {
  const cases = new ListedCollection(connection.models.Case ?? connection.model<CaseRecord>('Case', caseSchema), KEYS);
  await Promise.all(Object.values(connection.models).map((m) => m.init()));
  return cases;
}

beforeEach(() => {
  dbName = `lists_test_${randomBytes(4).toString('hex')}`;
  connections = [];
});
afterEach(async () => {
  await connections[0]?.dropDatabase();
  for (const c of connections) await c.close();
});

describe('a list', () => {
  it('gives concurrent writers of two connections distinct, gap-free positions', async () => {
    const [a, b] = [new Lists(await connect()), new Lists(await connect())];
    await Promise.all([a.init(), b.init()]);
    const refs = Array.from({ length: 60 }, (_, i) => `r${i}`);
    const ids = await Promise.all(refs.map((ref, i) => (i % 2 ? a : b).append('cases/region=X', [ref])));
    const positions = ids.flat().map((id) => Number(id.split('#')[1]));
    expect([...positions].sort((x, y) => x - y)).toEqual(refs.map((_, i) => i + 1));
    const entries = (await a.readAll(['cases/region=X'])).get('cases/region=X')!;
    expect(entries.map((e) => e.position)).toEqual(refs.map((_, i) => i + 1));
    expect(new Set(entries.map((e) => e.ref))).toEqual(new Set(refs));
    expect(await b.size('cases/region=X')).toBe(60);
    // a fresh reader, with nothing cached, probes its way to the same length
    expect(await new Lists(await connect()).size('cases/region=X')).toBe(60);
  });

  it('appends a batch in order and reads ranges of it', async () => {
    const lists = new Lists(await connect());
    await lists.init();
    await lists.append('l', ['a', 'b', 'c']);
    await lists.append('l', Array.from({ length: 1000 }, (_, i) => `n${i}`));
    expect(await lists.size('l')).toBe(1003);
    expect((await lists.read('l', 2, 3)).map((e) => e.ref)).toEqual(['c', 'n0', 'n1']);
    expect((await lists.read('l', 1000, 10)).map((e) => e.ref)).toEqual(['n997', 'n998', 'n999']);
    expect(await lists.read('empty', 0, 10)).toEqual([]);
    expect(await lists.size('empty')).toBe(0);
  });

  it('bulk-appends to many lists while another writer appends to them, each ref at its own entry', async () => {
    const [bulk, other] = [new Lists(await connect()), new Lists(await connect())];
    await Promise.all([bulk.init(), other.init()]);
    const names = Array.from({ length: 20 }, (_, i) => `bulk-${i}`);
    const refs = new Map(names.map((name) => [name, [`${name}-a`, `${name}-b`, `${name}-c`]]));
    const [ids] = await Promise.all([bulk.appendAll(refs), Promise.all(names.map((name) => other.append(name, [`${name}-other`])))]);
    const stored = await other.readAll(names);
    for (const name of names) {
      const byId = new Map(stored.get(name)!.map((e) => [e.id, e.ref]));
      expect(ids.get(name)!.map((id) => byId.get(id))).toEqual(refs.get(name));
      expect(stored.get(name)!.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    }
  });

  it('counts an entry removed twice, concurrently, once', async () => {
    const [a, b] = [new Lists(await connect()), new Lists(await connect())];
    await Promise.all([a.init(), b.init()]);
    const ids = await a.append('l', ['a', 'b', 'c', 'd']);
    await Promise.all([a.remove([ids[1]]), b.remove([ids[1]]), a.remove([ids[2]]), b.remove([ids[1], ids[2]])]);
    expect(await a.size('l')).toBe(2);
    expect(await new Lists(await connect()).size('l')).toBe(2);
  });
});

describe('a listed collection', () => {
  const seed = (cases: ListedCollection<CaseRecord, keyof typeof KEYS>, n: number, region: string) =>
    cases.createMany(
      Array.from({ length: n }, (_, i) => ({ region, stage: i % 3 ? 'OPEN' : 'CLOSED', reference: `${region}-${i}`, tags: i % 4 ? [] : ['urgent', 'minor'] })),
    );

  it('lists each record under each of its keys, array values included', async () => {
    const cases = await casesOn(await connect());
    await seed(cases, 12, 'N');
    expect(await cases.lists.size(cases.list('region', 'N'))).toBe(12);
    expect(await cases.lists.size(cases.list('regionStage', 'N:CLOSED'))).toBe(4);
    const urgent = await cases.loaderBy('tag').load('urgent');
    expect(urgent.map((c) => c.reference)).toEqual(['N-0', 'N-4', 'N-8']);
    expect((await cases.loaderBy('tag').load('none')).length).toBe(0);
  });

  it('moves a record between lists when a key changes, and the counts stay exact', async () => {
    const cases = await casesOn(await connect());
    const [first] = await seed(cases, 6, 'N');
    const moved = await cases.update(first.id, { stage: 'OPEN', tags: ['urgent'] });
    expect(moved).toMatchObject({ stage: 'OPEN', tags: ['urgent'] });
    expect(await cases.lists.size(cases.list('regionStage', 'N:CLOSED'))).toBe(1);
    expect(await cases.lists.size(cases.list('regionStage', 'N:OPEN'))).toBe(5);
    expect(await cases.lists.size(cases.list('tag', 'minor'))).toBe(1);
    const open = await pageOf([{ records: cases, list: cases.list('regionStage', 'N:OPEN') }], { first: 10 });
    expect(open.edges.map((e) => e.node.reference)).toEqual(['N-1', 'N-2', 'N-4', 'N-5', 'N-0']);
    expect(await open.totalCount).toBe(5);
    // moving back makes a new entry; the old one in that list stays dead
    await cases.update(first.id, { stage: 'CLOSED' });
    await cases.update(first.id, { stage: 'OPEN' });
    const again = await pageOf([{ records: cases, list: cases.list('regionStage', 'N:OPEN') }], { first: 10 });
    expect(again.edges.map((e) => e.node.reference)).toEqual(['N-1', 'N-2', 'N-4', 'N-5', 'N-0']);
    expect(await again.totalCount).toBe(5);
    expect(await cases.update('0123456789abcdef01234567', { stage: 'OPEN' })).toBeNull();
  });

  it('keeps concurrent updates of one record from two connections consistent with the lists', async () => {
    const [a, b] = [await casesOn(await connect()), await casesOn(await connect())];
    const [record] = await seed(a, 1, 'N');
    await Promise.all(['S1', 'S2', 'S3', 'S4'].map((stage, i) => (i % 2 ? a : b).update(record.id, { stage })));
    const stored = (await a.model.findById(record.id).lean())!;
    for (const stage of ['S1', 'S2', 'S3', 'S4', 'CLOSED']) {
      expect(await a.lists.size(a.list('regionStage', `N:${stage}`))).toBe(stage === stored.stage ? 1 : 0);
    }
  });

  it('leaves nothing listed when writing the record fails', async () => {
    const cases = await casesOn(await connect());
    await seed(cases, 2, 'N');
    await expect(cases.create({ region: 'N', stage: 'OPEN', reference: 'N-0', tags: [] })).rejects.toThrow(/duplicate key/);
    expect(await cases.lists.size(cases.list('region', 'N'))).toBe(2);
    const page = await pageOf([{ records: cases, list: cases.list('region', 'N') }], { first: 10 });
    expect(page.edges.map((e) => e.node.reference)).toEqual(['N-0', 'N-1']);
  });

  it('relists records written before a key was declared, once, while another writer changes them', async () => {
    const connection = await connect();
    const model = connection.models.Case ?? connection.model<CaseRecord>('Case', caseSchema);
    const before = new ListedCollection(model, { region: KEYS.region }); // the deployment before the new key
    await model.init();
    await before.createMany(Array.from({ length: 7 }, (_, i) => ({ region: 'N', stage: i < 3 ? 'CLOSED' : 'OPEN', reference: `N-${i}`, tags: [] })));
    const after = await casesOn(await connect());
    expect(await after.lists.size(after.list('regionStage', 'N:CLOSED'))).toBe(0);
    const [relisted] = await Promise.all([after.relist(), after.update((await model.findOne({ reference: 'N-6' }).lean())!._id as string, { stage: 'CLOSED' })]);
    expect(relisted.records).toBe(7);
    expect(await after.lists.size(after.list('regionStage', 'N:CLOSED'))).toBe(4);
    expect(await after.lists.size(after.list('regionStage', 'N:OPEN'))).toBe(3);
    expect(await after.lists.size(after.list('region', 'N'))).toBe(7); // no record listed twice
    expect(await after.relist()).toEqual({ records: 7, relisted: 0, entries: 0 });
    const closed = await pageOf([{ records: after, list: after.list('regionStage', 'N:CLOSED') }], { first: 10 });
    expect(closed.edges.map((e) => e.node.reference).sort()).toEqual(['N-0', 'N-1', 'N-2', 'N-6']);
  });
});

describe('pages over list segments', () => {
  it('walks every record once across segments, with an exact total, for any page size', async () => {
    const cases = await casesOn(await connect());
    await seed3(cases);
    const segments: Array<Segment<CaseRecord>> = [
      { records: cases, list: cases.list('region', 'N') },
      { records: cases, list: cases.list('region', 'S'), where: (c) => c.stage === 'OPEN' },
      { records: cases, list: cases.list('region', 'E') },
    ];
    const expected = [...range('N', 7), ...range('S', 9).filter((_, i) => i % 3), ...range('E', 0)];
    for (const first of [1, 2, 5, 100]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const page: Page<CaseRecord> = await pageOf<CaseRecord>(segments, { first, after });
        expect(await page.totalCount).toBe(expected.length);
        seen.push(...page.edges.map((e) => e.node.reference));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(first);
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('reads a page of a 2,000-record list with two finds, each by _id only', async () => {
    const cases = await casesOn(await connect());
    await cases.createMany(range('N', 2000).map((reference) => ({ region: 'N', stage: 'OPEN', reference, tags: [] })));
    const lists = cases.list('region', 'N');
    const first = await pageOf([{ records: cases, list: lists }], { first: 20 });
    finds = [];
    const page = await pageOf([{ records: cases, list: lists }], { first: 20, after: first.pageInfo.endCursor });
    expect(page.edges.map((e) => e.node.reference)).toEqual(range('N', 40).slice(20));
    expect(finds.map((f) => f.collection)).toEqual(['listEntries', 'cases']);
    for (const { filter } of finds) expect(Object.keys(filter as object)).toEqual(['_id']);
    finds = [];
    expect(await page.totalCount).toBe(2000);
    for (const { filter } of finds) expect(Object.keys(filter as object)).toEqual(['_id']);
    expect(finds.length).toBeLessThanOrEqual(12);
  });

  async function seed3(cases: ListedCollection<CaseRecord, keyof typeof KEYS>) {
    // interleaved writes, so list order (not insertion batches) decides page order
    for (let i = 0; i < 9; i++) {
      const writes = [cases.create({ region: 'S', stage: i % 3 ? 'OPEN' : 'CLOSED', reference: `S-${i}`, tags: [] })];
      if (i < 7) writes.push(cases.create({ region: 'N', stage: 'OPEN', reference: `N-${i}`, tags: [] }));
      for (const w of writes) await w;
    }
  }
});

function range(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
}
