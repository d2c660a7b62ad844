import { SUBGRAPHS } from '../../subgraphs/registry';
import { verifyAuditChain } from '../operations/audit-chain';
import type { FaultHub } from './fault-hub';
import { serviceUrl } from './fault-hub';
import type { GraphQLResponse } from './hub-client';
import { REGISTER_VICTIM, victimInput } from './load-records';
import { outcome, phasedLoad, waitFor, type PhasedAnswer, type PhasedLoad } from './fault-load';

/**
 * The fault scenarios of `npm run chaos` (chaos.ts), each under the same mixed load on the
 * hub in separate processes: a subgraph killed with SIGKILL and restarted, the database
 * killed with SIGKILL and started again, SIGTERM to a subgraph and to the gateway. The
 * behaviour is asserted by the tests (subgraph-down, db-restart, stopping); here it is
 * counted, and what must never happen is checked: an acknowledged write not found with
 * its audit event, an audit chain that does not verify.
 */
export type Phase = 'up' | 'fault' | 'down' | 'repair' | 'back';

export interface ScenarioResult {
  name: string;
  sent: number;
  whole: number;
  partial: number;
  failed: number;
  /** Failed by saying so (SERVICE_UNAVAILABLE), by other errors, or not answered within the bound. */
  failedHow: { unavailable: number; other: number; unanswered: number };
  /** The distinct errors of the failures counted as other (code and message). */
  otherErrors: string[];
  writesAcknowledged: number;
  writesFound: number;
  missing: string[];
  chains: Array<{ subgraph: string; valid: boolean; events: number }>;
  notes: string[];
}

/** What the scenarios need: the hub, a shelter to read, and the database to kill and start again. */
export interface ChaosContext {
  faults: FaultHub;
  shelterId: string;
  database: { kill(): void; restart(): Promise<void> };
}

const LOOPS = 6;
const ANSWERED_WITHIN_MS = 25_000; // as db-restart: five times the database client's server selection bound
const WAIT_MS = 120_000;
// Four subgraphs in one read (victims: me, iloIndicators, a page with protected fields; proceedings; shelters).
const READ = `query($s: ID!) { me { role jurisdiction } iloIndicators { code } victims(first: 5) { edges { node { id caseReference legalName } } } precedents(first: 1) { totalCount } shelter(id: $s) { name city } }`;

/** Reads and victim registrations (one in three), from LOOPS loops. */
async function mixedLoad(context: ChaosContext, label: string): Promise<PhasedLoad<Phase>> {
  const { client, output } = context.faults;
  const token = await client.token('social_worker', 'DE');
  let count = 0;
  // An internal error is a bug to find: what the services logged as errors when it was answered goes to the console.
  const explained = (answer: GraphQLResponse) => {
    if (JSON.stringify(answer.body).includes('INTERNAL_SERVER_ERROR')) {
      const logged = output().split('\n').filter((line) => /"level":(50|60)|internal error|Error/.test(line)).slice(-5);
      console.error(`INTERNAL_SERVER_ERROR in ${JSON.stringify(answer.body).slice(0, 500)}\nwhat the services logged last:\n${logged.join('\n')}`);
    }
    return answer;
  };
  return phasedLoad<Phase>({
    first: 'up',
    loops: LOOPS,
    answeredWithinMs: ANSWERED_WITHIN_MS,
    context: () => `output: ${output().slice(-1500)}`,
    next: () => {
      count += 1;
      if (count % 3 !== 0) return { kind: 'read', send: (signal) => client.query(token, READ, { s: context.shelterId }, { signal }).then(explained) };
      const legalName = `Chaos ${label} ${count}`;
      return { kind: 'write', note: { legalName }, send: (signal) => client.query(token, REGISTER_VICTIM, { input: victimInput(legalName) }, { signal }).then(explained) };
    },
  });
}

const services = (faults: FaultHub) => [faults.hub.gateway, ...Object.values(faults.hub.subgraphs)];
const readyStatus = (url: string) => fetch(serviceUrl(url, '/ready')).then((r) => r.status, () => 0);
const allReady = (faults: FaultHub, status: number) =>
  Promise.all(services(faults).map((s) => waitFor(`${s.name} /ready ${status}`, async () => (await readyStatus(s.url)) === status, WAIT_MS)));

/**
 * The shape every scenario shares: mixed load up, the fault, enough answers while it lasts
 * (`whileDown` checks more), the repair, enough answers once back. Resolves to the load
 * (its answers by phase) and what the fault returned.
 */
async function faultUnderLoad<R>(context: ChaosContext, label: string, steps: { fault: () => Promise<R>; downAnswers: number; whileDown?: () => Promise<unknown>; repair: () => Promise<unknown> }) {
  const load = await mixedLoad(context, label);
  await load.until('up', 20, WAIT_MS);
  load.set('fault');
  const result = await steps.fault();
  load.set('down');
  await load.until('down', steps.downAnswers, WAIT_MS);
  await steps.whileDown?.();
  load.set('repair');
  await steps.repair();
  load.set('back');
  await load.until('back', 20, WAIT_MS);
  await load.stop();
  return { load, result };
}

/** (1) A subgraph killed with SIGKILL under mixed load, then restarted. */
export async function subgraphKilled(context: ChaosContext, name = 'shelters'): Promise<ScenarioResult> {
  const { hub } = context.faults;
  const { load } = await faultUnderLoad(context, 'kill', { fault: () => hub.kill(name, 'SIGKILL'), downAnswers: 30, repair: () => hub.restart(name) });
  return counted(context, `${name} killed (SIGKILL) and restarted`, load.answers, [
    `while ${name} was down: ${describe(load.within('down'))}; once back: ${describe(load.within('back'))}`,
  ]);
}

/** (2) The database killed with SIGKILL under write load, started again on the same folder and port. */
export async function databaseKilled(context: ChaosContext): Promise<ScenarioResult> {
  const { load } = await faultUnderLoad(context, 'db', {
    fault: async () => context.database.kill(),
    downAnswers: 6,
    whileDown: () => allReady(context.faults, 503),
    repair: async () => {
      await context.database.restart();
      await allReady(context.faults, 200); // no service restarted: each reconnects by itself
    },
  });
  return counted(context, 'database killed (SIGKILL) and started again', load.answers, [
    `every service's /ready was 503 while it was gone and 200 again without a restart; while down: ${describe(load.within('down'))}; once back: ${describe(load.within('back'))}`,
  ]);
}

/** (3) SIGTERM to one service under mixed load: it drains what it accepted and exits; then it is started again. */
export async function terminated(context: ChaosContext, name: string): Promise<ScenarioResult> {
  const { hub } = context.faults;
  const { load, result: exit } = await faultUnderLoad(context, `term-${name}`, { fault: () => hub.kill(name, 'SIGTERM'), downAnswers: 10, repair: () => hub.restart(name) });
  const inFlight = load.answers.filter((a) => a.sent === 'up' && a.answered !== 'up');
  return counted(context, `SIGTERM to ${name}, then started again`, load.answers, [
    `exit ${exit.signal ?? `code ${exit.code}`}; in flight at the signal: ${describe(inFlight)}; while stopped: ${describe(load.within('down'))}`,
  ]);
}

function tally(answers: Array<PhasedAnswer<Phase>>) {
  const by = { whole: 0, partial: 0, failed: 0 };
  for (const a of answers) by[outcome(a)] += 1;
  return by;
}

/** The answers, reads and writes apart: `reads 20 (0 whole, 20 partial, 0 failed), writes 10 (…)`. */
function describe(answers: Array<PhasedAnswer<Phase>>): string {
  return ['read', 'write']
    .map((kind) => {
      const of = answers.filter((a) => a.kind === kind);
      const { whole, partial, failed } = tally(of);
      return `${kind}s ${of.length} (${whole} whole, ${partial} partial, ${failed} failed)`;
    })
    .join(', ');
}

/** Counts the answers, then checks every acknowledged write and every audit chain. */
async function counted(context: ChaosContext, name: string, answers: Array<PhasedAnswer<Phase>>, notes: string[]): Promise<ScenarioResult> {
  const { faults } = context;
  const failedHow = { unavailable: 0, other: 0, unanswered: 0 };
  const otherErrors = new Set<string>();
  for (const a of answers.filter((x) => outcome(x) === 'failed')) {
    if (a.status === 0) failedHow.unanswered += 1;
    else if (a.body.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) failedHow.unavailable += 1;
    else {
      failedHow.other += 1;
      for (const e of a.body.errors ?? []) if (e.extensions?.code !== 'SERVICE_UNAVAILABLE') otherErrors.add(`${e.extensions?.code}: ${e.message}`.slice(0, 200));
    }
  }
  const acknowledged = answers.filter((a) => a.kind === 'write' && outcome(a) === 'whole' && a.body.data?.registerVictim?.victim?.id);
  const missing: string[] = [];
  const token = await faults.client.token('social_worker', 'DE');
  const auditor = await faults.client.token('auditor', 'DE');
  for (const write of acknowledged) {
    const id = write.body.data.registerVictim.victim.id as string;
    const found = await faults.client.query(token, `query($id: ID!) { victim(id: $id) { id legalName } }`, { id });
    const trail = await faults.client.query(auditor, `query($id: ID!) { auditTrail(subjectType: "Victim", subjectId: $id) { events(first: 100) { edges { node { action } } } } }`, { id });
    const actions: string[] = trail.body.data?.auditTrail?.events.edges.map((e: { node: { action: string } }) => e.node.action) ?? [];
    if (found.body.data?.victim?.legalName !== write.note?.legalName || !actions.includes('REGISTER')) {
      missing.push(`${id} (${JSON.stringify(found.body).slice(0, 200)}; audit: ${actions.join(',') || JSON.stringify(trail.body.errors)})`);
    }
  }
  const chains = [];
  for (const { definition } of SUBGRAPHS) {
    const status = await verifyAuditChain({ mongoUri: faults.mongoUri, dbName: faults.dbName(definition.name), subgraph: definition.name, keys: { AUDIT_CHAIN_KEY: faults.env.AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY: faults.env.AUDIT_SIGNING_KEY } });
    chains.push({ subgraph: definition.name, valid: status.valid, events: status.events });
  }
  const unexpected = faults.output().includes('UNEXPECTED EXIT') ? ['a service exited that the scenario did not stop (see the output)'] : [];
  return { name, sent: answers.length, ...tally(answers), failedHow, otherErrors: [...otherErrors], writesAcknowledged: acknowledged.length, writesFound: acknowledged.length - missing.length, missing, chains, notes: [...notes, ...unexpected] };
}
