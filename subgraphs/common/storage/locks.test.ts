import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection, mongo } from 'mongoose';
import { connectDatabase, Locks, STALE_LOCK_MS } from './';

// Locks (locks.ts) between separate connections, as separate processes would hold them.
// Contract tests: they run on whatever database MONGODB_URI names (the jest global setup
// starts the embedded one when it is unset), so they hold on MongoDB as well.

let dbName: string;
let connections: Connection[] = [];

/** Inserts of a lock the database refused (the lock was held), counted per connection. */
const refused = new WeakMap<Locks, number>();

async function locksOn(): Promise<Locks> {
  const connection = await connectDatabase(process.env.MONGODB_URI!, dbName, { monitorCommands: true });
  connections.push(connection);
  const locks = new Locks(connection);
  await locks.init();
  refused.set(locks, 0);
  connection.getClient().on('commandSucceeded', (event: mongo.CommandSucceededEvent) => {
    if (event.commandName === 'insert' && (event.reply as { writeErrors?: unknown[] }).writeErrors?.length) refused.set(locks, refused.get(locks)! + 1);
  });
  return locks;
}

beforeEach(() => {
  dbName = `locks_test_${randomBytes(4).toString('hex')}`;
  connections = [];
});
afterEach(async () => {
  await connections[0]?.dropDatabase();
  for (const c of connections) await c.close();
});

describe('a lock', () => {
  it('excludes a second holder until the first is done, in any process', async () => {
    const [a, b] = [await locksOn(), await locksOn()];
    const events: string[] = [];
    let finish!: () => void;
    const first = a.exclusive('case/1', async () => {
      events.push('a in');
      await new Promise<void>((resolve) => (finish = resolve));
      events.push('a out');
    });
    while (!(await b.isHeld('case/1'))) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = b.exclusive('case/1', async () => void events.push('b in'));
    // Not a timing guess: wait until the second holder has been refused the lock twice.
    while (refused.get(b)! < 2 && events.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['a in']);
    finish();
    await Promise.all([first, second]);
    expect(events).toEqual(['a in', 'a out', 'b in']);
    expect(await a.isHeld('case/1')).toBe(false);
  });

  it('lets holders of different names work at once', async () => {
    const [a, b] = [await locksOn(), await locksOn()];
    let finish!: () => void;
    const first = a.exclusive('case/1', () => new Promise<void>((resolve) => (finish = resolve)));
    while (!(await b.isHeld('case/1'))) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await b.exclusive('case/2', async () => 'done')).toBe('done');
    finish();
    await first;
  });

  it('serializes many concurrent read-then-write changes so none is lost', async () => {
    const [a, b] = [await locksOn(), await locksOn()];
    let counter = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).exclusive('counter', async () => {
          const seen = counter;
          await new Promise((resolve) => setTimeout(resolve, 1));
          counter = seen + 1;
        }),
      ),
    );
    expect(counter).toBe(20);
  });

  it('is released when its work fails, and the failure reaches the caller', async () => {
    const locks = await locksOn();
    await expect(locks.exclusive('case/1', async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await locks.isHeld('case/1')).toBe(false);
    expect(await locks.exclusive('case/1', async () => 'again')).toBe('again');
  });

  it('taken in bulk are only those free: one held elsewhere is left to its holder', async () => {
    const [a, b] = [await locksOn(), await locksOn()];
    expect(await a.holdAll(['bulk/1', 'bulk/2'])).toEqual(new Set(['bulk/1', 'bulk/2']));
    expect(await b.holdAll(['bulk/2', 'bulk/3', 'bulk/1'])).toEqual(new Set(['bulk/3']));
    await a.releaseAll(['bulk/1', 'bulk/2']);
    expect(await b.isHeld('bulk/1')).toBe(false);
    expect(await b.isHeld('bulk/3')).toBe(true);
  });

  it('left by a process that died is not held, and is taken over', async () => {
    const locks = await locksOn();
    await locks.model.collection.insertOne({ _id: 'case/1', at: new Date(Date.now() - STALE_LOCK_MS - 1_000) } as never);
    expect(await locks.isHeld('case/1')).toBe(false);
    const started = Date.now();
    expect(await locks.exclusive('case/1', async () => 'taken over')).toBe('taken over');
    expect(Date.now() - started).toBeLessThan(STALE_LOCK_MS);
    expect(await locks.model.findById('case/1').lean()).toBeNull();
  });
});
