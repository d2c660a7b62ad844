import mongoose, { type Connection } from 'mongoose';
import type { GraphQLResponse } from './support/hub';
import { waitUntil } from './support/process';
import { accepts, requestsInFlight, startFaultHub, type FaultHub } from './support/separate-hub';
import { registerVictim } from './support/victims';

/**
 * Issue 25, "stopping": SIGTERM under load drains the requests in flight, in the hub of
 * separate processes (as deployed; the one-process shape: security.test.ts "graceful
 * shutdown"). Requests are held in flight without timing luck: each screening waits for
 * its victim's record lock, which the test holds in the victims database, and SIGTERM is
 * sent once the service's own /metrics count them in flight. Then the stopping service
 * refuses new connections, the locks are released, and every request it had accepted is
 * answered whole; it exits 0.
 */

let faults: FaultHub;
let locks: Connection;
const HELD = 4; // screenings held in flight
const SCREEN = `mutation($id: ID!) { recordScreening(victimId: $id, input: { observedIndicators: ["CR_VIOLENCE"], assessor: "A", formVersion: "1" }) { id } }`;
const ILO = `{ iloIndicators { code } }`; // answered by victims alone

beforeAll(async () => {
  faults = await startFaultHub('stop');
  locks = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName: faults.dbName('victims') }).asPromise();
}, 200_000);
afterAll(async () => {
  await locks?.close();
  await faults?.stop();
});

const victimsUnavailable = {
  data: null,
  errors: [{ message: 'The victims service is unavailable: its fields are null in this answer; ask again later', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'victims' } }],
};

/**
 * HELD screenings of HELD victims, each waiting for its victim's record lock (held here,
 * dated ahead so that it is never taken as stale), counted in flight by the victims
 * subgraph. `release` lets them finish; `answered` counts those answered so far.
 */
async function screeningsInFlight() {
  const { hub, client } = faults;
  const token = await client.token('social_worker', 'DE');
  const victims = await Promise.all(Array.from({ length: HELD }, () => registerVictim(client, 'DE')));
  const held = victims.map((id) => ({ _id: `victims/${id}`, at: new Date(Date.now() + 10 * 60_000) }));
  await locks.collection<{ _id: string; at: Date }>('recordLocks').insertMany(held);
  let answered = 0;
  const answers = victims.map((id) =>
    client.query(token, SCREEN, { id }).then(
      (answer) => ((answered += 1), answer),
      (error: Error): GraphQLResponse => ((answered += 1), { status: 0, body: { errors: [{ message: `no answer: ${error.message}` }] } }),
    ),
  );
  await waitUntil(`${HELD} screenings in flight at victims`, async () => (await requestsInFlight(hub.subgraphs.victims.url)) >= HELD, 30_000);
  return {
    victims,
    answers,
    answered: () => answered,
    release: () => locks.collection('recordLocks').deleteMany({ _id: { $in: held.map((lock) => lock._id) } as never }),
  };
}

describe('SIGTERM under load, each service its own process', () => {
  it('the victims subgraph stops accepting, answers every request it had accepted whole, exits 0; meanwhile and after, its fields are SERVICE_UNAVAILABLE; restarted, it answers again', async () => {
    const { hub, client } = faults;
    const token = await client.token('social_worker', 'DE');
    const whole = (await client.query(token, ILO)).body;
    expect(whole.errors).toBeUndefined();
    const held = await screeningsInFlight();

    const exit = hub.kill('victims', 'SIGTERM');
    await waitUntil('victims refuses new connections', async () => !(await accepts(hub.subgraphs.victims.url)), 30_000);
    // Stopping: a new request through the gateway does not reach it, and says which service is missing.
    expect((await client.query(token, ILO)).body).toEqual(victimsUnavailable);
    expect(held.answered()).toBe(0); // still in flight across SIGTERM

    await held.release();
    const answers = await Promise.all(held.answers);
    expect(answers).toEqual(held.victims.map((id) => ({ status: 200, body: { data: { recordScreening: { id } } } })));
    expect(await exit).toEqual({ code: 0, signal: null });

    // Stopped: the same, once per answer.
    expect((await client.query(token, ILO)).body).toEqual(victimsUnavailable);
    await hub.restart('victims');
    expect((await client.query(token, ILO)).body).toEqual(whole);
    expect(faults.output()).not.toContain('UNEXPECTED EXIT');
  }, 200_000);

  it('the gateway stops accepting, answers every request it had accepted whole, exits 0; restarted, it answers again', async () => {
    const { hub, client } = faults;
    const held = await screeningsInFlight();
    expect(await requestsInFlight(hub.gateway.url)).toBeGreaterThanOrEqual(HELD);

    const exit = hub.kill('gateway', 'SIGTERM');
    await waitUntil('the gateway refuses new connections', async () => !(await accepts(hub.gateway.url)), 30_000);
    expect(held.answered()).toBe(0);

    await held.release();
    const answers = await Promise.all(held.answers);
    expect(answers).toEqual(held.victims.map((id) => ({ status: 200, body: { data: { recordScreening: { id } } } })));
    expect(await exit).toEqual({ code: 0, signal: null });

    await hub.restart('gateway');
    const token = await client.token('social_worker', 'DE');
    expect((await client.query(token, ILO)).body.errors).toBeUndefined();
    expect(faults.output()).not.toContain('UNEXPECTED EXIT');
  }, 200_000);
});
