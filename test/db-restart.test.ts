import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_UNAVAILABLE } from '../platform/http';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from '../scripts/development/embedded-db';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { GraphQLResponse } from './support/hub';
import { waitUntil } from './support/process';
import { serviceUrl, startFaultHub, type FaultHub } from './support/separate-hub';

/**
 * Issue 25, "the database restarted": the hub in separate processes on an embedded
 * database of this test's own (its own folder and port: other test files share the
 * globalSetup's), victims registered by a few concurrent writers while the database is
 * killed with SIGKILL and started again on the same folder and port. While it is gone,
 * every service's /ready answers 503 and each write fails saying so (SERVICE_UNAVAILABLE,
 * HTTP 200 with the error, never INTERNAL_SERVER_ERROR, never a hang: the writers only move
 * on once answered); the services reconnect by themselves (none restarted); every write
 * that was acknowledged is found afterwards with its audit event, and every audit chain
 * verifies. The services log one warning per failed write, and never the database's address.
 */

let dataDir: string;
let port: number;
let db: EmbeddedDatabase;
let faults: FaultHub;
const output = () => faults.output();
const WRITERS = 3;
/**
 * A bound, not a timing: a write not answered by then is counted as unanswered (status 0)
 * and fails the test. Five times the database client's server selection bound (5 s,
 * subgraphs/common/storage/db.ts), above a record lock's wait (15 s); with the driver's
 * default (30 s) writes would wait past it. A failed write stops at its first database
 * call that fails, and what tidies up after it goes on without it (decision 103): before
 * that, its five tidy-up calls each waited out the 5 s and one run in ten passed 25 s.
 */
const ANSWERED_WITHIN_MS = 25_000;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-dbrestart-db-'));
  port = await freePort();
  db = await startEmbeddedDatabase({ dataDir, port });
  faults = await startFaultHub('dbrestart', { mongoUri: db.uri });
}, 200_000);
afterAll(async () => {
  await faults?.stop();
  await db?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Phase = 'up' | 'killing' | 'down' | 'restarting' | 'back';
type Answer = GraphQLResponse & { legalName: string; requestId: string; sent: Phase; answered: Phase; internal?: string[] };

const REGISTER = `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id } } }`;
const input = { legalName: 'Restart Person', // with a number per write: identical registrations would be reported as possible duplicates
 dateOfBirth: '1990-05-17', nationality: 'UA', gender: 'FEMALE', languages: ['uk'], contactPhone: '+380501234567' };

const services = () => [faults.hub.gateway, ...Object.values(faults.hub.subgraphs)];
const readyStatus = (url: string) => fetch(serviceUrl(url, '/ready')).then((r) => r.status, () => 0);

describe('the database killed with SIGKILL under write load, then started again', () => {
  it('/ready is 503 while it is gone and writes fail saying so; services reconnect by themselves; every acknowledged write is found with its audit event; the chains verify', async () => {
    const { hub, client } = faults;
    const token = await client.token('social_worker', 'DE');
    let phase: Phase = 'up';
    let running = true;
    const answers: Answer[] = [];
    let sentCount = 0;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (running) {
        const sent = phase;
        const legalName = `Restart Person ${(sentCount += 1)}`;
        const requestId = `restart-write-${sentCount}`; // the services' log lines name it
        const answer = await client.query(token, REGISTER, { input: { ...input, legalName } }, { signal: AbortSignal.timeout(ANSWERED_WITHIN_MS), headers: { 'x-request-id': requestId } }).catch((error: Error): GraphQLResponse => ({ status: 0, body: { errors: [{ message: `no answer: ${error.message}` }] } }));
        const internal = JSON.stringify(answer.body).includes('INTERNAL_SERVER_ERROR') ? output().split('\n').filter((l) => /internal error/.test(l)).slice(-3) : undefined;
        answers.push({ ...answer, legalName, requestId, sent, answered: phase, internal });
      }
    });
    const within = (p: Phase) => answers.filter((a) => a.sent === p && a.answered === p);
    const until = (p: Phase, count: number, what = 'answers') =>
      waitUntil(`${count} ${what} in phase ${p} (${within(p).length}; output: ${output().slice(-2000)})`, () => within(p).length >= count, 90_000);

    await until('up', 10);
    phase = 'killing';
    process.kill(db.pid, 'SIGKILL');
    phase = 'down';
    await until('down', 6);
    for (const service of services()) {
      await waitUntil(`${service.name} /ready 503 while the database is gone`, async () => (await readyStatus(service.url)) === 503, 60_000);
    }

    phase = 'restarting';
    db = await startEmbeddedDatabase({ dataDir, port });
    // No service restarted: each reconnects by itself.
    for (const service of services()) {
      await waitUntil(`${service.name} /ready 200 again (output: ${output().slice(-2000)})`, async () => (await readyStatus(service.url)) === 200, 90_000);
    }
    phase = 'back';
    await until('back', 10);
    running = false;
    await Promise.all(writers);

    const acknowledged = answers.filter((a) => a.status === 200 && !a.body.errors && a.body.data?.registerVictim?.victim?.id);
    const failed = answers.filter((a) => !acknowledged.includes(a));

    for (const a of [...within('up'), ...within('back')]) expect(acknowledged).toContain(a);
    for (const a of within('down')) expect(failed).toContain(a);
    // An internal error, with what the services logged about it when it was answered.
    expect(answers.filter((a) => a.internal !== undefined).map((a) => a.internal)).toEqual([]);
    for (const a of failed) {
      expect({ status: a.status, body: a.body }).toEqual({ status: 200, body: { data: null, errors: [{ message: DATABASE_UNAVAILABLE, path: ['registerVictim'], extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'victims' } }] } });
    }

    const auditor = await client.token('auditor', 'DE');
    for (const { legalName, body } of acknowledged) {
      const id = body.data.registerVictim.victim.id as string;
      const found = await client.query(token, `query($id: ID!) { victim(id: $id) { id legalName } }`, { id });
      expect(found.body).toEqual({ data: { victim: { id, legalName } } });
      const trail = await client.query(auditor, `query($id: ID!) { auditTrail(subjectType: "Victim", subjectId: $id) { events(first: 100) { edges { node { action } } } } }`, { id });
      expect(trail.body.errors).toBeUndefined();
      expect(trail.body.data.auditTrail.events.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['REGISTER', 'READ']); // its registration, then the read above
    }
    const chains = await client.query(auditor, `{ auditChains { service verify { valid } } }`);
    expect(chains.body).toEqual({ data: { auditChains: SUBGRAPHS.map(({ definition }) => ({ service: definition.name, verify: { valid: true } })) } });
    expect(output()).not.toContain('UNEXPECTED EXIT'); // no service stopped or was restarted
    // For the operator: a warning naming the cause, not an internal error; one line per failed write (not one
    // more for an audit event it could not write), and never the database's address (the driver's messages name it).
    expect(output()).toMatch(/"cause":"Mongo\w+Error","path":\["registerVictim"\],"msg":"database did not answer"/);
    expect(output()).not.toContain('"msg":"internal error"');
    for (const a of failed) {
      const lines = output().split('\n').filter((line) => line.includes(`"${a.requestId}"`));
      expect({ requestId: a.requestId, lines }).toEqual({ requestId: a.requestId, lines: [expect.stringMatching(/"level":"warn".*"msg":"database did not answer"/)] });
    }
    expect(output()).not.toContain(`127.0.0.1:${port}`);
  }, 400_000);
});
