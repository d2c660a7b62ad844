import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../gateway/server';
import { ROOT, SCHEMA_DIR } from '../platform/paths';
import { freePort } from '../scripts/development/embedded-db';
import { startHub, type TestHub } from './support/hub';
import { setUpAccreditation } from './support/training';
import { registerVictim } from './support/victims';

// The partners' typed client examples (examples/README.md), each run as its own process from
// dist/ (built by `npm test`'s pretest) with its token and the URL of a gateway that
// enforces trusted documents: their registered operations are all they may send.

let hub: TestHub;
let enforcing: RunningGateway;
let closedProceeding: string;
let workDir: string;
let ordinal = 0;

interface Run {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `node dist/examples/<name>/main.js` against the enforcing gateway; stdout split in lines as they come. */
function start(name: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'examples', name, 'main.js')], {
    cwd: workDir,
    env: { PATH: process.env.PATH, HUB_URL: enforcing.url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

async function finished(run: Run): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const code = await run.exited;
  return { code, lines: run.lines, stderr: run.stderr() };
}

async function until<T>(what: () => T | undefined, ms = 15_000): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const value = what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('waited in vain');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const PUBLISH = `mutation($proceedingId: ID!, $input: PublishPrecedentInput!) { publishPrecedent(proceedingId: $proceedingId, input: $input) { ecli } }`;

/** A precedent published by a judge of DE: its ECLI. */
async function publish(): Promise<string> {
  const input = {
    ecli: `ECLI:DE:LGB:2026:EXAMPLE${++ordinal}`,
    courtType: 'FIRST_INSTANCE',
    decidedOn: '2026-03-02',
    legalSystem: 'CIVIL_LAW',
    language: 'de',
    summary: 'The defendant held two workers in debt bondage at a car wash.',
    significantFeatures: 'Debt bondage without confiscated documents.',
    legalIssues: ['COMPENSATION'],
    keywords: { purposes: ['FORCED_LABOUR'] },
  };
  const res = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: closedProceeding, input });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.publishPrecedent.ecli;
}

beforeAll(async () => {
  // The credentials name the hub's public address (their keys and status lists): this gateway's.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  hub = await startHub({ gatewayPort: port, env: { ACCREDITATION_PUBLIC_URL: origin, PUBLIC_ORIGIN: origin, WEBHOOK_MODE: 'development', WEBHOOK_POLL_MS: '100' } });
  enforcing = await startGateway({
    port: 0,
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    issuers: [hub.issuer.trusted, hub.secondIssuer.trusted],
    subgraphUrls: Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])),
    ratePerMinute: 100_000,
    trustedDocuments: { mode: 'enforce' },
  });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-examples-'));
  await setUpAccreditation(hub);
  const victims = [await registerVictim(hub, 'DE'), await registerVictim(hub, 'DE')];
  const opened = await hub.queryAs('prosecutor', 'DE', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, {
    input: { caseNumber: '61 KLs 1/26', court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['§ 232b StGB'], defendants: [{ alias: 'Defendant A', nationality: 'DE', gender: 'MALE' }], victimIds: victims },
  });
  closedProceeding = opened.body.data.openProceeding.id;
  const closed = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id: closedProceeding });
  expect(closed.body.errors).toBeUndefined();
}, 120_000);
afterAll(async () => {
  await enforcing?.stop();
  await hub?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

test('the gateway the examples use runs registered operations only', async () => {
  const res = await fetch(enforcing.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ precedentChanges { cursor } }' }) });
  expect(res.status).toBe(403);
});

test('court-sync: the first run fetches every precedent, the next only what was published in between, from the cursor it saved', async () => {
  const cursorFile = path.join(workDir, 'court.cursor');
  const sync = () => finished(start('court-sync', { CURSOR_FILE: cursorFile, PAGE_SIZE: '2' }));
  const first = [await publish(), await publish(), await publish()];

  const one = await sync();
  expect(one).toMatchObject({ code: 0 });
  expect(one.lines.map((l) => JSON.parse(l)).map((c) => [c.kind, c.ecli])).toEqual(first.map((ecli) => ['PUBLISHED', ecli]));
  expect(existsSync(cursorFile)).toBe(true);

  const later = await publish();
  const two = await sync();
  expect(two).toMatchObject({ code: 0 });
  expect(two.lines.map((l) => JSON.parse(l).ecli)).toEqual([later]);
  expect(two.stderr).toMatch(/1 change\(s\) since the saved cursor/);

  expect((await sync()).lines).toEqual([]);
}, 120_000);

test('accreditation-body: registers, records, issues, and the certificate verifies by its code and offline (signature and status lists)', async () => {
  const run = await finished(start('accreditation-body', { HUB_TOKEN: await hub.token('accreditation_officer', 'AL'), PROGRAM: 'WB-VA-101', PRACTITIONER_NAME: 'Arta Hoxha' }));
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const result = JSON.parse(run.lines[0]);
  expect(result).toMatchObject({
    code: expect.stringMatching(/^WB-/),
    online: { status: 'VALID', holderName: 'Arta Hoxha' },
    offline: { signature: 'valid', holder: 'Arta Hoxha', program: 'WB-VA-101', statuses: { revocation: false, suspension: false } },
  });
  expect(result.offline.types).toContain('OpenBadgeCredential');

  const record = await hub.queryAs('accreditation_officer', 'AL', `query($id: ID!) { practitioner(id: $id) { name completions { moduleCode passed } certificates { code status } } }`, { id: result.practitionerId });
  expect(record.body.data.practitioner).toEqual({
    name: 'Arta Hoxha',
    completions: [{ moduleCode: 'WB-VA-101-M1', passed: true }, { moduleCode: 'WB-VA-101-M2', passed: true }],
    certificates: [{ code: result.code, status: 'VALID' }],
  });
}, 120_000);

test('accreditation-body: without an officer’s token nothing is registered, and it exits non-zero naming why', async () => {
  const run = await finished(start('accreditation-body', { HUB_TOKEN: await hub.token('partner_system', 'AL', { org: 'not-a-body' }), PROGRAM: 'WB-VA-101' }));
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/FORBIDDEN/);
}, 120_000);

test('referral-partner: subscribes its own receiver, receives precedent.published signed, verifies it with standardwebhooks, fetches the precedent, and unsubscribes', async () => {
  const token = await hub.token('partner_system', 'DE', { org: 'referral-ngo' });
  const partner = start('referral-partner', { HUB_TOKEN: token, EVENTS: 'precedent.published', WAIT_SECONDS: '30' });
  // Started, it subscribes (or exits saying why).
  const line = await until(() => partner.lines.find((l) => l.includes('"subscribed"')) ?? (partner.child.exitCode !== null ? `exited: ${partner.stderr()}` : undefined), 60_000);
  const subscribed = JSON.parse(line);
  expect(subscribed).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/), events: ['precedent.published'] });

  const ecli = await publish();
  const run = await finished(partner);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const received = JSON.parse(run.lines[1]);
  expect(received).toMatchObject({ type: 'precedent.published', verified: true, webhookId: expect.stringMatching(/^proceedings:/), data: { source: 'proceedings', ecli, jurisdictions: ['DE'] } });
  expect(Object.keys(received.data).sort()).toEqual(['ecli', 'jurisdictions', 'precedentId', 'source']); // ids only
  expect(received.details).toMatchObject({ ecli, court: expect.any(String), jurisdiction: 'DE' });
  expect((await hub.query(token, `{ webhookSubscriptions { id } }`)).body.data.webhookSubscriptions).toEqual([]);
}, 120_000); // each example is its own node process: seconds to start on a shared machine
