import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase, KeptAnswers } from './';

// Answers kept under a key (kept-answers.ts), from separate connections as separate
// processes would claim them. Contract tests: they run on whatever database MONGODB_URI
// names (the jest global setup starts the embedded one when it is unset).

let dbName: string;
let connections: Connection[] = [];

async function answersOn(): Promise<KeptAnswers> {
  const connection = await connectDatabase(process.env.MONGODB_URI!, dbName);
  connections.push(connection);
  const answers = new KeptAnswers(connection);
  await answers.model.init();
  return answers;
}

beforeEach(() => {
  dbName = `kept_answers_test_${randomBytes(4).toString('hex')}`;
  connections = [];
});
afterEach(async () => {
  await connections[0]?.dropDatabase();
  for (const c of connections) await c.close();
});

const T0 = new Date('2026-12-02T10:00:00Z');
const later = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe('answers kept under a key', () => {
  it('a key is claimed once; its answer is then given back for the same request, refused for another', async () => {
    const answers = await answersOn();
    expect(await answers.claim('k1', 'request A', T0, later(24))).toEqual({ outcome: 'CLAIMED' });
    expect(await answers.claim('k1', 'request A', T0, later(24))).toEqual({ outcome: 'RUNNING', at: T0 });
    await answers.keep('k1', '{"data":1}');
    expect(await answers.claim('k1', 'request A', later(1), later(25))).toEqual({ outcome: 'ANSWERED', answer: '{"data":1}', at: T0 });
    expect(await answers.claim('k1', 'request B', later(1), later(25))).toEqual({ outcome: 'OTHER_REQUEST', at: T0 });
  });

  it('a released key is free again; an expired one is claimed anew', async () => {
    const answers = await answersOn();
    await answers.claim('k1', 'request A', T0, later(24));
    await answers.release('k1');
    expect(await answers.claim('k1', 'request B', T0, later(24))).toEqual({ outcome: 'CLAIMED' });
    await answers.keep('k1', '{"data":"B"}');
    expect(await answers.claim('k1', 'request A', later(24), later(48))).toEqual({ outcome: 'CLAIMED' });
    expect(await answers.claim('k1', 'request A', later(25), later(49))).toEqual({ outcome: 'RUNNING', at: later(24) });
  });

  it('concurrent claimants of one key from several connections: exactly one claims it', async () => {
    const all = await Promise.all([answersOn(), answersOn(), answersOn()]);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => all[i % 3].claim('k-race', 'request A', T0, later(24))));
    expect(outcomes.filter((o) => o.outcome === 'CLAIMED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'RUNNING')).toHaveLength(11);
  });

  it('withholding makes every answer kept so far unreadable, and a running claim keeps none; the keys stay claimed, new answers are kept', async () => {
    const [answers, other] = [await answersOn(), await answersOn()];
    await answers.claim('kept', 'A', T0, later(24));
    await answers.keep('kept', '{"legalName":"Withheld Person"}');
    await answers.claim('running', 'A', T0, later(24));
    await other.withholdAll();
    await answers.keep('running', '{"legalName":"Withheld Person"}');
    await answers.claim('after', 'A', later(2), later(26));
    await answers.keep('after', '{"after":true}');
    expect(await answers.claim('kept', 'A', later(3), later(27))).toEqual({ outcome: 'WITHHELD', at: T0 });
    expect(await answers.claim('running', 'A', later(3), later(27))).toEqual({ outcome: 'WITHHELD', at: T0 });
    expect(await other.claim('after', 'A', later(3), later(27))).toEqual({ outcome: 'ANSWERED', answer: '{"after":true}', at: later(2) });
  });

  it('an answer is kept encrypted: its text is nowhere in the collection', async () => {
    const answers = await answersOn();
    await answers.claim('k1', 'A', T0, later(24));
    await answers.keep('k1', '{"legalName":"Sealed Person"}');
    expect(JSON.stringify(await answers.model.find().lean())).not.toContain('Sealed Person');
    expect(await answers.claim('k1', 'A', T0, later(24))).toEqual({ outcome: 'ANSWERED', answer: '{"legalName":"Sealed Person"}', at: T0 });
  });

  it('the sweep deletes expired keys only', async () => {
    const answers = await answersOn();
    await answers.claim('old', 'A', T0, later(24));
    await answers.claim('new', 'A', later(20), later(44));
    expect(await answers.sweep(later(30))).toBe(1);
    expect((await answers.model.find().lean()).map((d) => d._id).filter((id) => id !== '~answer-key')).toEqual(['new']);
  });
});
