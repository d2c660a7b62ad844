import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { connectDatabase } from './';
import { Slots } from './';

// Places in pools (slots.ts) when their holdings are ended by two parties at once —
// a discharge and the clean-up of ended placements both giving back one bed, a transfer
// handing the victim's place over while a discharge releases it. Not a timing lottery:
// one party talks to the database through a gate that stops it after its n-th command,
// for every n, while the other party and a new claimant run to the end; then it goes on.
// Contract tests: they run on whatever database MONGODB_URI names (the jest global setup
// starts the embedded one when it is unset), so they hold on MongoDB as well.

/** A TCP relay to the database that can hold one client's commands after the n-th (wire messages are length-prefixed). */
class Gate {
  private server!: Server;
  private allowance = Infinity;
  private held: Array<() => void> = [];
  private onHold: (() => void) | null = null;
  commands: string[] = [];

  async open(target: URL): Promise<string> {
    this.server = createServer((client: Socket) => {
      // The embedded database's Unix socket is named by its path in the host part (test/global-setup.ts).
      const host = decodeURIComponent(target.hostname);
      const upstream = host.startsWith('/') ? connect(host) : connect(Number(target.port), target.hostname);
      upstream.on('data', (chunk) => client.write(chunk));
      let pending = Buffer.alloc(0);
      client.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
          const message = pending.subarray(0, pending.readInt32LE(0));
          pending = pending.subarray(message.length);
          this.forward(message, () => upstream.write(message));
        }
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as { port: number }).port;
    // The target's credentials and options carried over, so a MongoDB with users works too (not TLS or SRV: the gate reads plain wire messages).
    const relayed = new URL(`mongodb://127.0.0.1:${port}/`);
    relayed.username = target.username;
    relayed.password = target.password;
    for (const [name, value] of target.searchParams) relayed.searchParams.set(name, value);
    relayed.searchParams.delete('replicaSet');
    relayed.searchParams.set('directConnection', 'true');
    relayed.searchParams.set('heartbeatFrequencyMS', '60000');
    return relayed.toString();
  }

  /** OP_MSG: header (16), flags (4), kind-0 section: a document whose first key is the command. */
  private forward(message: Buffer, send: () => void) {
    const command = message.readInt32LE(12) === 2013 ? message.toString('latin1', 26, message.indexOf(0, 26)) : 'legacy';
    const data = ['insert', 'find', 'update', 'delete', 'findAndModify'].includes(command);
    if (this.held.length > 0 || (data && this.allowance <= 0)) {
      this.held.push(send);
      this.onHold?.();
      return;
    }
    if (data) {
      this.allowance--;
      this.commands.push(command);
    }
    send();
  }

  /** Lets `n` more data commands through, then holds; resolves when something is held. */
  holdAfter(n: number): Promise<void> {
    this.allowance = n;
    this.commands = [];
    return new Promise((resolve) => (this.onHold = resolve));
  }

  release() {
    this.allowance = Infinity;
    this.onHold = null;
    for (const send of this.held.splice(0)) send();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let dbName: string;
let direct: Connection;
let gated: Connection;
let gate: Gate;

beforeAll(async () => {
  dbName = `slots_test_${randomBytes(4).toString('hex')}`;
  direct = await connectDatabase(process.env.MONGODB_URI!, dbName);
  gate = new Gate();
  gated = await mongoose.createConnection(await gate.open(new URL(process.env.MONGODB_URI!)), { dbName, maxPoolSize: 1 }).asPromise();
  await new Slots(direct).model.init();
});
afterAll(async () => {
  await direct.dropDatabase();
  await Promise.all([direct.close(), gated.close()]);
  await gate.close();
});

type Ender = (slots: Slots, pool: string, to: string) => Promise<string | null>;
/** Two ways to end holder A's holding of place 1; each answers who then believes to hold the place. */
const enders: Record<string, Ender> = {
  'release A': async (slots, pool) => (await slots.release(pool, 1, 'A'), null),
  'hand A over': async (slots, pool, to) => ((await slots.handOver(pool, 1, 'A', to)) ? to : null),
};

describe.each(Object.keys(enders))('%s, stopped after each of its commands', (stopped) => {
  it.each(Object.keys(enders))('while "%s" runs, and C claims: the place is held by exactly who believes it holds it', async (other) => {
    const [slow, fast] = [new Slots(gated), new Slots(direct)];
    for (let n = 1; ; n++) {
      const pool = `race/${randomBytes(6).toString('hex')}`;
      expect(await fast.claim(pool, 1, 'A', new Date())).toBe(1);
      const holding = gate.holdAfter(n);
      const slowEnd = enders[stopped](slow, pool, 'N');
      const stoppedEarly = await Promise.race([holding.then(() => true), slowEnd.then(() => false)]);
      const fastEnd = await enders[other](fast, pool, 'M');
      const claimed = (await fast.claim(pool, 1, 'C', new Date())) === 1 ? 'C' : null;
      const before = gate.commands.join(' ');
      gate.release();
      const believers = [await slowEnd, fastEnd, claimed].filter((b): b is string => b !== null);
      const holder = (await fast.taken([{ pool, capacity: 1 }])).get(pool)![0]?.holder ?? null;
      // Said with the stopped one's commands before the stop, to show where it went wrong.
      expect({ n, before, believers, holder }).toEqual({ n, before, believers: believers.slice(0, 1), holder: believers[0] ?? null });
      if (!stoppedEarly) break; // it ran to its end: every point was tried
    }
  });
});

it('an ending left by a process that died is taken over once stale; a fresh one is left to its ender', async () => {
  const slots = new Slots(direct);
  const pool = `race/${randomBytes(6).toString('hex')}`;
  await slots.claim(pool, 1, 'A', new Date());
  await slots.model.collection.insertOne({ _id: `end:${pool}#1:A`, holder: 'A', at: new Date() } as never);
  await slots.release(pool, 1, 'A');
  expect((await slots.taken([{ pool, capacity: 1 }])).get(pool)!.map((p) => p.holder)).toEqual(['A']);
  expect(await slots.handOver(pool, 1, 'A', 'N')).toBe(false);
  await slots.model.updateOne({ _id: `end:${pool}#1:A` }, { $set: { at: new Date(Date.now() - 60_000) } });
  await slots.release(pool, 1, 'A');
  expect((await slots.taken([{ pool, capacity: 1 }])).get(pool)).toEqual([]);
  expect(await slots.model.countDocuments({ _id: `end:${pool}#1:A` })).toBe(0);
});

it('never gives a place twice to claimants racing from two connections', async () => {
  const [a, b] = [new Slots(direct), new Slots(await connectDatabase(process.env.MONGODB_URI!, dbName))];
  const pool = `race/${randomBytes(6).toString('hex')}`;
  try {
    const granted = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).claim(pool, 3, `H${i}`, new Date())));
    const places = granted.filter((p): p is number => p !== null);
    expect(places.sort()).toEqual([1, 2, 3]);
    const holders = (await a.taken([{ pool, capacity: 3 }])).get(pool)!.map((p) => p.holder);
    expect(holders.sort()).toEqual(granted.flatMap((p, i) => (p === null ? [] : [`H${i}`])).sort());
  } finally {
    await b.model.db.close();
  }
});
