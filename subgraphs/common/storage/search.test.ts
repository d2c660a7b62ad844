import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { connectDatabase } from './';
import { changesSince } from './';
import { SearchIndex } from './';
import { ListedCollection, listedField } from './';

// The platform's search index (search.ts) and change feeds (store.ts `feeds`,
// pagination.ts `changesSince`) on the real database, written from separate connections
// as separate processes would.
// Contract tests: they run on whatever database MONGODB_URI names (the jest global setup
// starts the embedded one when it is unset), so they hold on MongoDB as well.

let connections: Connection[] = [];
let dbName: string;

async function connect(): Promise<Connection> {
  const connection = await connectDatabase(process.env.MONGODB_URI!, dbName);
  connections.push(connection);
  return connection;
}

beforeEach(() => {
  dbName = `search_test_${randomBytes(4).toString('hex')}`;
});
afterEach(async () => {
  await connections[0]?.dropDatabase();
  await Promise.all(connections.map((c) => c.close()));
  connections = [];
});

const doc = (text: string, order: number, facets: string[] = []) => ({ text: [{ text, weight: 1 }], facets, order });

describe('SearchIndex', () => {
  it('ranks by term frequency and rarity, filters by facets and order, and pages by its cursors', async () => {
    const index = new SearchIndex(await connect(), 'cases');
    await index.put('a', doc('Forced labour on farms; the farm workers were held in forced labour for years.', 20200101, ['region=N']));
    await index.put('b', doc('Sexual exploitation in bars; forced prostitution.', 20210101, ['region=S']));
    await index.put('c', doc('Labor exploitation in construction.', 20220101, ['region=N']));
    await index.put('d', doc('A case about recruitment agencies.', 20230101, ['region=S']));

    // a has both words, twice; b and c one each, equally rare: the later decision first.
    const labour = await index.search({ text: 'forced OR labor' });
    expect(labour.hits.map((h) => h.id)).toEqual(['a', 'c', 'b']);
    expect(labour.totalCount).toBe(3);
    expect(labour.hits[0].score!).toBeGreaterThan(labour.hits[1].score!);
    expect(labour.terms).toEqual(['forc', 'labor']);

    expect((await index.search({ text: 'forced OR labour', facets: ['region=N'] })).hits.map((h) => h.id)).toEqual(['a', 'c']);
    expect((await index.search({ facets: ['region=S'] })).hits.map((h) => h.id)).toEqual(['d', 'b']);
    expect((await index.search({ orderFrom: 20210101, orderTo: 20221231 })).hits.map((h) => h.id)).toEqual(['c', 'b']);

    const first = await index.search({ text: 'exploitation OR labour OR forced', first: 2 });
    const rest = await index.search({ text: 'exploitation OR labour OR forced', first: 2, after: first.endCursor });
    expect([...first.hits, ...rest.hits].map((h) => h.id)).toEqual((await index.search({ text: 'exploitation OR labour OR forced' })).hits.map((h) => h.id));
    expect(rest.hasNextPage).toBe(false);
  });

  it('a changed document is found by its new words only; a removed one not at all', async () => {
    const index = new SearchIndex(await connect(), 'cases');
    await index.put('a', doc('fishing vessel crew', 1, ['region=N']));
    await index.put('a', doc('garment factory', 2, ['region=S']));
    expect((await index.search({ text: 'fishing' })).totalCount).toBe(0);
    expect((await index.search({ facets: ['region=N'] })).totalCount).toBe(0);
    expect((await index.search({ text: 'factory', facets: ['region=S'] })).hits.map((h) => h.id)).toEqual(['a']);
    await index.remove('a');
    expect((await index.search({})).totalCount).toBe(0);
    const left = await connections[0].collection('searchIndex').countDocuments();
    expect(left).toBe(0);
  });

  it('concurrent writers of separate connections lose no entry of a shared term', async () => {
    const indexes = [new SearchIndex(await connect(), 'cases'), new SearchIndex(await connect(), 'cases')];
    await Promise.all(Array.from({ length: 24 }, (_, i) => indexes[i % 2].put(`doc${i}`, doc(`trafficking case number ${i}`, i))));
    const found = await indexes[0].search({ text: 'trafficking', first: 100 });
    expect(found.totalCount).toBe(24);
  });

  it('a bulk load is searched like documents put one by one', async () => {
    const index = new SearchIndex(await connect(), 'cases');
    await index.put('x', doc('organ removal at a clinic', 5));
    await index.putAll([
      { id: 'y', doc: doc('organ trafficking network', 6) },
      { id: 'z', doc: doc('clinic staff', 7) },
    ]);
    expect((await index.search({ text: 'organ OR clinic' })).hits.map((h) => h.id)).toEqual(['x', 'z', 'y']);
  });

  it('a bulk load keeps the blocks of a change interrupted before its heads were written', async () => {
    const connection = await connect();
    const index = new SearchIndex(connection, 'cases');
    await index.putAll([{ id: 'y', doc: doc('organ trafficking network', 6) }]);
    // The heads of y's postings gone, their first blocks left: as a change that stopped after its blocks.
    const stored = connection.collection('searchIndex');
    const blocks = await stored.find({ _id: { $regex: '#0$' } as never }).toArray();
    expect(blocks.length).toBeGreaterThan(0);
    await stored.deleteMany({ _id: { $in: blocks.map((b) => String(b._id).slice(0, -'#0'.length)) } as never });
    // The load finds no head for 'organ' but reads its first block as it is, and writes it with what it held.
    await index.putAll([{ id: 'w', doc: doc('organ dealers', 8) }]);
    expect((await index.search({ text: 'organ' })).hits.map((h) => h.id)).toEqual(['w', 'y']);
  });

  it('words side by side must all be there; a phrase, in its order; an excluded word, not at all', async () => {
    const index = new SearchIndex(await connect(), 'cases');
    await index.put('a', doc('Held in debt bondage and forced labour.', 1));
    await index.put('b', doc('Forced into begging; the labour inspectorate found no debt.', 2));
    await index.put('c', doc('A debt of honour.', 3));
    const ids = async (text: string) => (await index.search({ text })).hits.map((h) => h.id).sort();
    expect(await ids('debt zzzqqq')).toEqual([]);
    expect(await ids('debt labour')).toEqual(['a', 'b']);
    expect(await ids('"forced labour"')).toEqual(['a']);
    expect(await ids('forced labour')).toEqual(['a', 'b']);
    expect(await ids('debt -bondage')).toEqual(['b', 'c']);
    expect(await ids('debt -"forced labour"')).toEqual(['b', 'c']);
    expect(await ids('honour OR bondage')).toEqual(['a', 'c']);
    expect(await ids('(honour OR begging) debt')).toEqual(['b', 'c']);
    await expect(index.search({ text: 'debt (bondage' })).rejects.toThrow(/search: has an unclosed parenthesis at position 6/);
    await expect(index.search({ text: 'the -debt' })).rejects.toThrow(/search: has no words to search for/);
  });

  it('a document is read in its language, a query in each of its languages; parts in another language are found in that one', async () => {
    const index = new SearchIndex(await connect(), 'cases');
    await index.put('de', { language: 'de', text: [{ text: 'Die Opfer wurden in Schuldknechtschaft gehalten.', weight: 1 }, { text: 'servitù per debiti', weight: 2, language: 'it' }], facets: [], order: 1 });
    await index.put('en', doc('The victims were held in debt bondage.', 2));
    const ids = async (text: string, languages?: string[]) => (await index.search({ text, languages })).hits.map((h) => h.id);
    expect(await ids('Schuldknechtschaften', ['de'])).toEqual(['de']);
    expect(await ids('Schuldknechtschaften')).toEqual([]);
    expect(await ids('debiti', ['en', 'it'])).toEqual(['de']);
    expect(await ids('"servitu per debiti"', ['it'])).toEqual(['de']);
    expect(await ids('bondage Opfer', ['en', 'de'])).toEqual([]);
    expect(await ids('victims', ['en', 'de'])).toEqual(['en']);
  });

  it('a search without words is refused, naming it', async () => {
    const index = new SearchIndex(await connect(), 'cases');
    await expect(index.search({ text: 'the and of' })).rejects.toThrow(/search: has no words/);
  });
});

interface NoteRecord {
  _id: string;
  body: string;
  _listed?: string[];
}

const noteSchema = new Schema<NoteRecord>({ _id: String, body: String, _listed: listedField }, { collection: 'notes', versionKey: false });

describe('change feeds', () => {
  async function notesOn(connection: Connection) {
    const notes = new ListedCollection(connection.models.Note ?? connection.model<NoteRecord>('Note', noteSchema), { changes: () => ['all'] }, { feeds: ['changes'] });
    await Promise.all(Object.values(connection.models).map((m) => m.init()));
    return notes;
  }

  it('gives each record once, at its latest change, and moves a changed record to the end', async () => {
    const notes = await notesOn(await connect());
    const feed = notes.list('changes', 'all');
    await notes.createMany([1, 2, 3, 4].map((n) => ({ _id: `n${n}`, body: `note ${n}` })));
    const first = await changesSince(notes, feed, { first: 2 });
    expect(first.changes.map((c) => c.record.id)).toEqual(['n1', 'n2']);
    expect(first.hasMore).toBe(true);
    await notes.update('n3', { body: 'changed' });
    await notes.update('n1', { body: 'changed' });
    const rest = await changesSince(notes, feed, { since: first.cursor, first: 10 });
    expect(rest.changes.map((c) => `${c.record.id}:${c.record.body}`)).toEqual(['n4:note 4', 'n3:changed', 'n1:changed']);
    expect(rest.hasMore).toBe(false);
    expect(await changesSince(notes, feed, { since: rest.cursor })).toEqual({ changes: [], cursor: rest.cursor, hasMore: false });
  });

  it('refuses a `since` that is not a cursor of the feed by that name (it was named `after`, an argument feeds do not have)', async () => {
    const notes = await notesOn(await connect());
    await expect(changesSince(notes, notes.list('changes', 'all'), { since: 'not-a-cursor' })).rejects.toMatchObject({
      message: 'since: is not a cursor of this list (use an endCursor or cursor from it)',
      extensions: { code: 'BAD_USER_INPUT', field: 'since' },
    });
  });

  it('stops before a change that is being written, and steps over it once its writer is gone', async () => {
    const notes = await notesOn(await connect());
    const feed = notes.list('changes', 'all');
    await notes.createMany([{ _id: 'n1', body: 'one' }]);
    // An entry appended by a writer that still holds the record's lock (its write not yet done).
    let release!: () => void;
    const writer = notes.lists.exclusive('notes/n9', () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await notes.lists.append(feed, ['n9']);
    await notes.createMany([{ _id: 'n2', body: 'two' }]);
    const waiting = await changesSince(notes, feed, {});
    expect(waiting.changes.map((c) => c.record.id)).toEqual(['n1']);
    expect(waiting.hasMore).toBe(true);
    release();
    await writer;
    const after = await changesSince(notes, feed, { since: waiting.cursor });
    expect(after.changes.map((c) => c.record.id)).toEqual(['n2']);
    expect(after.hasMore).toBe(false);
  });
});
