import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { mongo, Types, type Connection } from 'mongoose';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '../scripts/development/embedded-db';
import { ROOT } from '../platform/paths';
import { isRunning, waitUntil } from './support/process';

/**
 * The embedded database (scripts/development/embedded-db.ts, scripts/development/ferretdb): FerretDB built with our
 * `_id` pushdown patch (scripts/development/ferretdb/_overlay), and its lifecycle (no orphan FerretDB
 * when the launcher is killed). FerretDB-specific: skipped when MONGODB_URI is another server.
 */

/** What answers at MONGODB_URI, asked synchronously so that the suites can be skipped. */
function databaseKind(): { ferretdb: boolean; reason: string } {
  const uri = process.env.MONGODB_URI;
  if (!uri) return { ferretdb: true, reason: 'MONGODB_URI is not set (the global setup sets it)' }; // let the tests fail loudly
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const mongoose = require('mongoose');
       (async () => {
         const c = await mongoose.createConnection(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 5000 }).asPromise();
         const info = await c.db.admin().command({ buildInfo: 1 });
         await c.close();
         process.stdout.write(JSON.stringify({ ferretdb: info.ferretdbVersion ?? info.ferretdb ?? null, version: info.version }));
       })().catch((e) => { process.stdout.write(JSON.stringify({ error: String(e) })); });`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 20_000 },
  );
  let answer: { ferretdb?: unknown; version?: string; error?: string } = {};
  try {
    answer = JSON.parse(probe.stdout);
  } catch {
    answer = { error: `no answer (${probe.stderr || probe.error})` };
  }
  if (answer.error) return { ferretdb: true, reason: `buildInfo failed: ${answer.error}` }; // run, and fail with the real error
  if (answer.ferretdb == null) {
    return { ferretdb: false, reason: `MONGODB_URI is not FerretDB (buildInfo has no ferretdbVersion; server ${answer.version})` };
  }
  return { ferretdb: true, reason: `FerretDB ${String(answer.ferretdb)}` };
}

/** A collection of documents with any kind of _id (the driver's types assume ObjectIds). */
type Filter = Record<string, unknown>;
const anyIdCollection = (connection: Connection, name: string) => connection.db!.collection(name) as unknown as mongo.Collection<any>;

const kind = databaseKind();
const describeFerretDB = kind.ferretdb ? describe : describe.skip;
if (!kind.ferretdb) console.warn(`test/embedded-db.test.ts: FerretDB-specific tests skipped: ${kind.reason}`);

describeFerretDB(`_id lookups use the _id index (FerretDB patch in scripts/development/ferretdb/_overlay)${kind.ferretdb ? '' : ` [skipped: ${kind.reason}]`}`, () => {
  let connection: Connection;
  const ids = Array.from({ length: 5 }, () => new Types.ObjectId());
  const missing = new Types.ObjectId();
  const docs = [
    ...ids.map((_id, i) => ({ _id, n: i, group: i % 2 === 0 ? 'even' : 'odd' })),
    { _id: 'case-a<&>"é', n: 10, group: 'even' },
    { _id: 'case-b', n: 11, group: 'odd' },
    { _id: 7, n: 12, group: 'odd' },
  ];
  const docsColl = () => anyIdCollection(connection, 'docs');
  const ns = async (filter: Filter) =>
    (await docsColl().find(filter).sort({ n: 1 }).toArray()).map((d) => d.n as number);
  const explain = async (filter: Filter) => {
    const res = await connection.db!.command({ explain: { find: 'docs', filter } });
    const plan: string[] = res.queryPlanner?.Plan ?? [];
    return { plan: plan.join('\n'), filterPushdown: res.filterPushdown as boolean };
  };
  const expectIndexed = async (filter: Filter) => {
    const { plan, filterPushdown } = await explain(filter);
    expect(plan).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
    expect(plan).not.toMatch(/\bSCAN\b/);
    expect(filterPushdown).toBe(true);
  };

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI!, { dbName: `embedded_db_${randomBytes(4).toString('hex')}`, serverSelectionTimeoutMS: 5_000 })
      .asPromise();
    await docsColl().insertMany(docs);
  });
  afterAll(async () => {
    if (!connection) return;
    await connection.dropDatabase();
    await connection.close();
  });

  it('finds by _id (ObjectId and string) through the index', async () => {
    await expectIndexed({ _id: ids[1] });
    await expectIndexed({ _id: 'case-b' });
    expect(await ns({ _id: ids[1] })).toEqual([1]);
    expect(await ns({ _id: 'case-a<&>"é' })).toEqual([10]);
    expect(await ns({ _id: missing })).toEqual([]);
    expect(await ns({ _id: 'case-missing' })).toEqual([]);
  });

  it('finds by _id $in (also with another condition) through the index', async () => {
    const list = [ids[0], missing, ids[3], 'case-b', 'case-missing', ids[0]];
    await expectIndexed({ _id: { $in: list } });
    await expectIndexed({ _id: { $in: list }, group: 'odd' });
    await expectIndexed({ group: 'even', _id: ids[2] });
    expect(await ns({ _id: { $in: list } })).toEqual([0, 3, 11]);
    expect(await ns({ _id: { $in: list }, group: 'odd' })).toEqual([3, 11]);
    expect(await ns({ group: 'odd', _id: ids[2] })).toEqual([]);
    expect(await ns({ group: 'even', _id: ids[2] })).toEqual([2]);
    expect(await ns({ _id: { $in: [missing, 'case-missing'] } })).toEqual([]);
    expect(await ns({ _id: { $in: [] } })).toEqual([]);
    expect(await docsColl().countDocuments({ _id: { $in: list }, group: 'odd' })).toBe(2);
  });

  it('answers other _id filters as before, without the index', async () => {
    for (const filter of <Filter[]>[{ _id: { $in: [ids[4], 7] } }, { _id: { $in: [ids[1]], $nin: [ids[1]] } }, { $or: [{ _id: ids[4] }, { n: 11 }] }]) {
      const { plan, filterPushdown } = await explain(filter);
      expect(plan).toMatch(/\bSCAN\b/);
      expect(filterPushdown).toBe(false);
    }
    expect(await ns({ _id: { $in: [ids[4], 7] } })).toEqual([4, 12]);
    expect(await ns({ _id: { $in: [ids[1]], $nin: [ids[1]] } })).toEqual([]);
    expect(await ns({ $or: [{ _id: ids[4] }, { n: 11 }] })).toEqual([4, 11]);
    expect(await ns({ _id: 7 })).toEqual([12]);
  });

  it('updates and deletes by _id and _id $in with extra conditions', async () => {
    const coll = anyIdCollection(connection, 'writes');
    await coll.insertMany(docs);
    expect((await coll.updateOne({ _id: ids[1] }, { $set: { seen: true } })).modifiedCount).toBe(1);
    expect((await coll.updateMany({ _id: { $in: [ids[0], ids[1], missing] }, group: 'even' }, { $inc: { n: 100 } })).matchedCount).toBe(1);
    expect((await coll.deleteMany({ _id: { $in: [ids[2], ids[3], 'case-b', 'case-missing'] }, group: 'odd' })).deletedCount).toBe(2);
    expect((await coll.findOneAndUpdate({ _id: 'case-a<&>"é' }, { $set: { seen: true } }, { returnDocument: 'after' }))?.seen).toBe(true);
    const left = await coll.find().sort({ n: 1 }).toArray();
    expect(left.map((d) => [d.n, d.seen ?? false])).toEqual([
      [1, true],
      [2, false],
      [4, false],
      [10, true],
      [12, false],
      [100, false],
    ]);
  });

  it('answers an update command of more statements than the pool has connections (the patched update)', async () => {
    // Unpatched, each statement's query stayed open until the command's end, one of the
    // pool's 100 connections each: the 100th statement waited for a connection forever.
    const coll = anyIdCollection(connection, 'many_updates');
    await coll.insertMany(Array.from({ length: 250 }, (_, i) => ({ _id: `u${i}`, n: i })));
    const result = await coll.bulkWrite(
      Array.from({ length: 250 }, (_, i) => ({ updateOne: { filter: { _id: `u${i}` }, update: { $set: { n: i + 1000 } } } })),
      { ordered: false },
    );
    expect(result.modifiedCount).toBe(250);
    expect((await coll.find({ _id: 'u249' }).toArray())[0].n).toBe(1249);
  }, 20_000);

  it('reads back every kind of string as written (the patched string decoding)', async () => {
    const strings = ['plain', '', 'quote " inside', 'back\\slash', 'tab\tnew\nline', '\u0001control', 'é ü ß 漢字 🙂', '\u2028 \u2029', '</script>', ' '.repeat(3)];
    const coll = anyIdCollection(connection, 'strings');
    await coll.insertMany(strings.map((value, i) => ({ _id: `s${i}`, value, nested: { list: [value, { value }] } })));
    const stored = await coll.find({ _id: { $in: strings.map((_, i) => `s${i}`) } }).toArray();
    const byId = new Map(stored.map((d) => [d._id, d]));
    strings.forEach((value, i) => expect(byId.get(`s${i}`)).toEqual({ _id: `s${i}`, value, nested: { list: [value, { value }] } }));
  });

  it('reads back documents of every shape as written (the one-pass decoding, with its schemas shared by shape)', async () => {
    const { Binary, BSONRegExp, Double, Int32, Long, Timestamp } = mongo.BSON;
    const at = new Date('2026-12-02T16:30:00.123Z');
    // One shape, other values: the documents share a parsed schema, never a value.
    const sameShape = Array.from({ length: 4 }, (_, i) => ({ _id: `same${i}`, n: i, name: `n${i}`, tags: [`t${i}`, `u${i}`], at: new Date(at.getTime() + i), sub: { ok: i % 2 === 0 } }));
    const shapes = [
      { _id: 'victim-like', caseReference: 'DE-1', ageGroup: null, languages: ['uk', 'de'], disabilityNeeds: [], screenings: [{ at, codes: ['A', 'B'], by: { who: 'x' } }], none: {}, flag: false },
      { _id: 'numbers', int: new Int32(-2147483648), long: Long.fromString('-9007199254740993'), double: new Double(1.5e-300), whole: new Double(3), zero: new Double(-0), max: Number.MAX_VALUE },
      { _id: 'ids', oid: new Types.ObjectId('6256c5ba0badc0ffeebabe01'), mixed: ['a', 1, null, true, { deep: [{ deeper: 'yes' }] }] },
      // Left to FerretDB's own decoding (binary, regex, timestamp), also inside a document and an array.
      { _id: 'others', bin: new Binary(Buffer.from([1, 2, 3])), re: new BSONRegExp('^a', 'i'), ts: new Timestamp({ t: 5, i: 1 }), inner: { re: new BSONRegExp('b') }, list: [new Binary(Buffer.from([4]))] },
    ];
    const coll = anyIdCollection(connection, 'shapes');
    await coll.insertMany([...sameShape, ...shapes]);
    // As the driver gives them back by default: numbers as numbers (a Long beyond 2^53 stays a Long), regexes as RegExp.
    const expected = [
      ...sameShape,
      shapes[0],
      { ...shapes[1], int: -2147483648, double: 1.5e-300, whole: 3, zero: 0 }, // -0 comes back as 0 from FerretDB v1, with or without the patch
      shapes[2],
      { ...shapes[3], re: /^a/i, inner: { re: /b/ } },
    ];
    const stored = await coll.find({ _id: { $in: expected.map((d) => d._id) } }).toArray();
    const byId = new Map(stored.map((d) => [d._id, d]));
    for (const doc of expected) expect(byId.get(doc._id)).toEqual(doc);
    // Each number keeps its BSON type.
    const numbers = await coll.findOne({ _id: 'numbers' }, { promoteValues: false });
    expect(Object.fromEntries(['int', 'long', 'double', 'whole', 'zero'].map((k) => [k, numbers?.[k]?._bsontype]))).toEqual({ int: 'Int32', long: 'Long', double: 'Double', whole: 'Double', zero: 'Double' });
    expect(await coll.countDocuments({ 'sub.ok': true })).toBe(2); // filters on the decoded documents still match
  });
});


describeFerretDB(`embedded database lifecycle${kind.ferretdb ? '' : ` [skipped: ${kind.reason}]`}`, () => {
  const launcherScript = path.join(ROOT, 'dist', 'scripts', 'development', 'embedded-db.js');
  let dataDir: string;
  const pids = new Set<number>(); // every process started here, killed at the end if still running
  const databases: EmbeddedDatabase[] = [];
  let launcher: ChildProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-lifecycle-'));
  });
  afterAll(async () => {
    launcher?.kill('SIGKILL');
    for (const db of databases) await db.stop().catch(() => {});
    for (const pid of pids) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function documents(uri: string): Promise<string[]> {
    const connection = await mongoose.createConnection(uri, { dbName: 'lifecycle', serverSelectionTimeoutMS: 5_000 }).asPromise();
    try {
      return (await connection.db!.collection<{ _id: string }>('docs').find().sort({ _id: 1 }).toArray()).map((d) => d._id);
    } finally {
      await connection.close();
    }
  }

  it('FerretDB stops by itself when its launcher is killed with SIGKILL, and a restart on the same folder and port keeps the data', async () => {
    if (!existsSync(launcherScript)) throw new Error(`${launcherScript} is missing: run \`npm run build\` first (npm test does)`);
    const port = await freePort();

    // The launcher: a Node process that starts the embedded database and writes a document.
    launcher = spawn(
      process.execPath,
      [
        '-e',
        `const mongoose = require('mongoose');
         const { startEmbeddedDatabase } = require(${JSON.stringify(launcherScript)});
         (async () => {
           const db = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, log: () => {} });
           process.stdout.write(JSON.stringify({ pid: db.pid }) + '\\n');
           const c = await mongoose.createConnection(db.uri, { dbName: 'lifecycle' }).asPromise();
           await c.db.collection('docs').insertOne({ _id: 'before-launcher-kill' });
           await c.close();
           process.stdout.write('written\\n');
         })().catch((e) => { console.error(e); process.exit(1); });`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    pids.add(launcher.pid!);
    let output = '';
    launcher.stdout!.on('data', (chunk) => (output += chunk));
    launcher.stderr!.on('data', (chunk) => (output += chunk));
    const launcherExited = new Promise<void>((resolve) => launcher!.once('exit', () => resolve()));
    await waitUntil(`launcher writes its document (output: ${output})`, () => output.includes('written\n') || launcher!.exitCode !== null, 40_000);
    expect(output).toContain('written\n');
    const ferretPid = (JSON.parse(output.split('\n')[0]) as { pid: number }).pid;
    pids.add(ferretPid);
    expect(isRunning(ferretPid)).toBe(true);

    launcher.kill('SIGKILL');
    await launcherExited;
    await waitUntil('FerretDB exits after its launcher was killed', () => !isRunning(ferretPid), 5_000);

    // Same folder and port: starts (the port is free) and has the document.
    const second = await startEmbeddedDatabase({ dataDir, port, log: () => {} });
    databases.push(second);
    pids.add(second.pid);
    expect(await documents(second.uri)).toEqual(['before-launcher-kill']);

    // SQLite data survives FerretDB itself being killed.
    const connection = await mongoose.createConnection(second.uri, { dbName: 'lifecycle' }).asPromise();
    await connection.db!.collection<{ _id: string }>('docs').insertOne({ _id: 'before-ferretdb-kill' });
    await connection.close();
    process.kill(second.pid, 'SIGKILL');
    await waitUntil('FerretDB exits on SIGKILL', () => !isRunning(second.pid), 5_000);

    const third = await startEmbeddedDatabase({ dataDir, port, log: () => {} });
    databases.push(third);
    pids.add(third.pid);
    expect(await documents(third.uri)).toEqual(['before-ferretdb-kill', 'before-launcher-kill']);
    // Its socket too, though the killed one left its socket file behind.
    expect(third.localUri).toBe(`mongodb://${encodeURIComponent(path.join(dataDir, 'mongodb.sock'))}/`);
    expect(await documents(third.localUri)).toEqual(['before-ferretdb-kill', 'before-launcher-kill']);
    await third.stop();
    expect(isRunning(third.pid)).toBe(false);
  }, 90_000);

  it('answers over loopback TCP alone when the data folder is too long a path for a socket', async () => {
    const deep = path.join(dataDir, 'a-folder-name-long-enough-that-a-socket-path-in-it-passes-the-limit-of-unix-sockets');
    const db = await startEmbeddedDatabase({ dataDir: deep, log: () => {} });
    databases.push(db);
    pids.add(db.pid);
    expect(db.localUri).toBe(db.uri);
    expect(existsSync(path.join(deep, 'mongodb.sock'))).toBe(false);
    expect(await documents(db.uri)).toEqual([]);
  }, 60_000);
});
