import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { ServiceMetrics } from '../../../platform/metrics';
import { connectDatabase } from './';

// The database metric (platform/metrics.ts observeDatabase) on a real connection, as every
// subgraph opens it (no driver command monitoring): each kind of call it must time, named
// by its command, and a refused write counted as a failure.

let connection: Connection;
let metrics: ServiceMetrics;

beforeAll(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `db_metrics_test_${randomBytes(4).toString('hex')}`);
  metrics = new ServiceMetrics('db-test');
  metrics.observeDatabase(connection);
});
afterAll(async () => {
  metrics.stop();
  await connection.dropDatabase();
  await connection.close();
});

/** The count of one series of the database metric. */
async function counted(command: string, outcome: 'success' | 'failure'): Promise<number> {
  const { body } = await metrics.render();
  const line = body.split('\n').find((l) => l.startsWith('hub_db_command_duration_seconds_count{') && l.includes(`command="${command}"`) && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('the database metric', () => {
  it('times queries, cursors, writes through the collection, and names a refused write a failure', async () => {
    const Note = connection.model('Note', new Schema({ _id: String, text: String }));
    await Note.create({ _id: 'n1', text: 'one' }); // a document's save: insertOne
    await Note.collection.insertMany([{ _id: 'n2', text: 'two' } as never]); // a storage piece's own call
    expect(await counted('insert', 'success')).toBe(2);

    expect(await Note.findOne({ _id: 'n1' }).lean()).toEqual({ _id: 'n1', text: 'one', __v: 0 });
    expect(await Note.find({}).lean()).toHaveLength(2); // a cursor, timed until its last document
    expect(await counted('find', 'success')).toBe(2);
    // A cursor is timed to its end: the database refuses this filter only when it is read.
    await expect(Note.collection.find({ $bogus: 1 } as never).toArray()).rejects.toThrow(/bogus/);
    expect(await counted('find', 'failure')).toBe(1);
    expect(await counted('find', 'success')).toBe(2);

    expect(await Note.aggregate([{ $match: { _id: 'n2' } }])).toHaveLength(1);
    expect(await counted('aggregate', 'success')).toBe(1);

    await Note.updateOne({ _id: 'n1' }, { $set: { text: 'uno' } });
    expect(await counted('update', 'success')).toBe(1);

    await expect(Note.collection.insertOne({ _id: 'n1', text: 'again' } as never)).rejects.toThrow(/duplicate key/);
    expect(await counted('insert', 'failure')).toBe(1);
    expect(await counted('insert', 'success')).toBe(2);
  });
});
