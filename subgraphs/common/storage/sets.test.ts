import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase, KeyedSets } from './';

// Keyed sets (sets.ts) from separate connections, as separate processes would change them.
// Contract tests: they run on whatever database MONGODB_URI names (the jest global setup
// starts the embedded one when it is unset), so they hold on MongoDB as well.

let dbName: string;
let connections: Connection[] = [];

async function setsOn(): Promise<KeyedSets> {
  const connection = await connectDatabase(process.env.MONGODB_URI!, dbName);
  connections.push(connection);
  const sets = new KeyedSets(connection);
  await Promise.all(Object.values(connection.models).map((m) => m.init()));
  return sets;
}

beforeEach(() => {
  dbName = `sets_test_${randomBytes(4).toString('hex')}`;
  connections = [];
});
afterEach(async () => {
  await connections[0]?.dropDatabase();
  for (const c of connections) await c.close();
});

const membersOf = async (sets: KeyedSets, set: string) => [...(await sets.members([set])).get(set)!].sort();

describe('a keyed set', () => {
  it('adds and removes idempotently', async () => {
    const sets = await setsOn();
    await sets.add('victims/identity=h1', ['v1', 'v2']);
    await sets.add('victims/identity=h1', ['v2', 'v1']);
    expect(await membersOf(sets, 'victims/identity=h1')).toEqual(['v1', 'v2']);
    await sets.remove('victims/identity=h1', 'v1');
    await sets.remove('victims/identity=h1', 'v1');
    await sets.remove('victims/identity=h1', 'nobody');
    expect(await membersOf(sets, 'victims/identity=h1')).toEqual(['v2']);
    await sets.remove('victims/identity=none', 'v1');
    expect(await membersOf(sets, 'victims/identity=none')).toEqual([]);
  });

  it('leaves no trace of its value once its last member leaves', async () => {
    const sets = await setsOn();
    await sets.add('victims/identity=h1', ['v1']);
    await sets.remove('victims/identity=h1', 'v1');
    expect(await membersOf(sets, 'victims/identity=h1')).toEqual([]);
    expect(await sets.model.findById('victims/identity=h1').lean()).toBeNull();
  });

  it('loses no member when two connections add to one set at once', async () => {
    const [a, b] = [await setsOn(), await setsOn()];
    const ids = Array.from({ length: 16 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).add('s', [id])));
    expect(await membersOf(a, 's')).toEqual(ids);
    await Promise.all(ids.slice(0, 8).map((id, i) => (i % 2 ? a : b).remove('s', id)));
    expect(await membersOf(b, 's')).toEqual(ids.slice(8));
  });

  it('bulk-loads new sets and merges into existing ones, reading many in one call', async () => {
    const sets = await setsOn();
    await sets.add('old', ['x']);
    await sets.addAll(new Map([['old', ['y']], ['new', ['z', 'w']]]));
    const all = await sets.members(['old', 'new', 'missing']);
    expect([...all.get('old')!].sort()).toEqual(['x', 'y']);
    expect([...all.get('new')!].sort()).toEqual(['w', 'z']);
    expect(all.get('missing')).toEqual([]);
  });
});
