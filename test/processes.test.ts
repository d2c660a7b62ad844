import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyDirectoriesUnder, randomSecrets } from '../scripts/development/dev-env';
import { loadOrCreateIssuer, type Issuer } from '../scripts/development/dev-issuer';
import { ROOT } from '../platform/paths';
import { isRunning, waitUntil } from './support/process';

/**
 * The hub with every service in its own process (scripts/development/processes.ts, `npm
 * start -- --processes`): started by a launcher process as `npm start` would, on free
 * ports, asked through the gateway, and stopped every way it can stop — SIGTERM, its
 * launcher killed with SIGKILL, one of its services dying — without leaving a process.
 */

const MODULE = path.join(ROOT, 'dist', 'scripts', 'development', 'processes.js');


interface Launched {
  launcher: ChildProcess;
  gateway: string;
  pids: number[];
  exited: Promise<number | null>;
  output(): string;
}

describe('the hub in separate processes (npm start -- --processes)', () => {
  let workDir: string;
  let issuer: Issuer;
  const pids = new Set<number>(); // every process started here, killed at the end if still running

  beforeAll(async () => {
    if (!existsSync(MODULE)) throw new Error(`${MODULE} is missing: run \`npm run build\` first (npm test does)`);
    workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-processes-'));
    issuer = await loadOrCreateIssuer(path.join(workDir, 'issuer'));
  });
  afterAll(() => {
    for (const pid of pids) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A Node process that starts the hub as `npm start -- --processes` does, prints the gateway and the pids, and stops it on SIGTERM. */
  async function launch(): Promise<Launched> {
    const config = { mongoUri: process.env.MONGODB_URI, issuers: [issuer.trusted], env: { ...randomSecrets(), ...keyDirectoriesUnder(workDir) }, suffix: randomBytes(3).toString('hex') };
    const launcher = spawn(
      process.execPath,
      [
        '-e',
        `const { startSeparateHub } = require(${JSON.stringify(MODULE)});
         const config = JSON.parse(process.env.HUB_CONFIG);
         (async () => {
           const hub = await startSeparateHub({
             mongoUri: config.mongoUri, issuers: config.issuers, env: config.env, freePorts: true, logLevel: 'warn',
             dbName: (name) => name + '_processes_' + config.suffix,
             output: (name, chunk) => process.stderr.write(chunk),
             onUnexpectedExit: () => process.exit(1),
           });
           process.once('SIGTERM', () => hub.stop().then(() => process.exit(0)));
           process.stdout.write(JSON.stringify({ gateway: hub.gateway.url, pids: hub.pids() }) + '\\n');
         })().catch((e) => { console.error(e); process.exit(2); });`,
      ],
      { cwd: ROOT, env: { PATH: process.env.PATH, HUB_CONFIG: JSON.stringify(config) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    pids.add(launcher.pid!);
    let stdout = '';
    let output = '';
    launcher.stdout!.on('data', (chunk) => ((stdout += chunk), (output += chunk)));
    launcher.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
    await waitUntil(`the hub starts (output: ${output})`, () => stdout.includes('\n') || launcher.exitCode !== null, 150_000);
    if (!stdout.includes('\n')) throw new Error(`the launcher exited (${launcher.exitCode}):\n${output}`);
    const started = JSON.parse(stdout.split('\n')[0]) as { gateway: string; pids: number[] };
    for (const pid of started.pids) pids.add(pid);
    return { launcher, ...started, exited, output: () => output };
  }

  it('answers a query across subgraphs through the gateway, and SIGTERM stops every service', async () => {
    const hub = await launch();
    expect(hub.pids).toHaveLength(7); // six subgraphs and the gateway
    for (const pid of hub.pids) expect(isRunning(pid)).toBe(true);
    expect(new Set([hub.launcher.pid, ...hub.pids, process.pid]).size).toBe(9); // each service is a process of its own

    const token = await issuer.sign({ role: 'social_worker', jurisdiction: 'DE' });
    const res = await fetch(hub.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'CASE_MANAGEMENT' },
      // iloIndicators from the victims subgraph, precedents from the proceedings subgraph.
      body: JSON.stringify({ query: '{ iloIndicators { code } precedents(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.iloIndicators.length).toBeGreaterThan(0);
    expect(typeof body.data.precedents.totalCount).toBe('number');

    hub.launcher.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    // The launcher waited for each child's exit before its own: none is left, not even briefly.
    expect(hub.pids.filter(isRunning)).toEqual([]);
  }, 200_000);

  it('every service stops by itself when its launcher is killed with SIGKILL', async () => {
    const hub = await launch();
    hub.launcher.kill('SIGKILL');
    await hub.exited;
    await waitUntil(`every service exits after its launcher was killed (left: ${hub.pids.filter(isRunning)})`, () => hub.pids.every((pid) => !isRunning(pid)), 30_000);
  }, 200_000);

  it('a service that dies is named, the others are stopped and the launcher fails', async () => {
    const hub = await launch();
    const victims = hub.pids[0]; // the registry's order: victims first
    process.kill(victims, 'SIGKILL');
    expect(await hub.exited).toBe(1);
    expect(hub.output()).toContain('victims exited unexpectedly (killed by SIGKILL)');
    expect(hub.pids.filter(isRunning)).toEqual([]);
  }, 200_000);
});
