import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TrustedIssuer } from '../../platform/auth';
import type { RawEnv } from '../../platform/config';
import { ROOT } from '../../platform/paths';
import { GATEWAY_PORT } from '../../gateway/server';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { freePort } from './embedded-db';

/**
 * The hub with every service in its own Node process (`npm start -- --processes`,
 * `HUB_PROCESSES=separate`): each subgraph and the gateway runs its deployed entry point
 * (`dist/subgraphs/main.js <name>`, `dist/gateway/main.js`, as docker-compose does),
 * configured by environment only, so every service has a core's worth of JavaScript
 * thread instead of sharing one. Supervision, in this module only:
 * - each child's stdin is a pipe only this process holds, and `exit-with-parent.js` is
 *   preloaded into it: if this process dies, even by SIGKILL, every child stops;
 * - a child that exits while the hub is not stopping is reported by name, the others are
 *   stopped, then `onUnexpectedExit` runs (npm start: stops the database, exit code 1);
 * - except one stopped on purpose by `kill(name, signal)` (the fault tests,
 *   test/subgraph-down.test.ts): the others keep running, and `restart(name)` starts it
 *   again on the same port with the same environment.
 */

const DIST = path.join(ROOT, 'dist');
const PRELOAD = path.join(DIST, 'scripts', 'development', 'exit-with-parent.js');
const START_WITHIN_MS = 90_000; // five Node processes building their schemas at once on 2 cores
const KILL_AFTER_MS = 10_000;

export type Topology = 'single' | 'separate';

/** `--processes` or HUB_PROCESSES=separate: separate; HUB_PROCESSES=single or neither: one process. */
export function topologyOf(argv: string[], env: RawEnv): Topology {
  const value = env.HUB_PROCESSES;
  if (value !== undefined && value !== '' && value !== 'single' && value !== 'separate') {
    throw new Error(`HUB_PROCESSES must be single or separate (got "${value}")`);
  }
  if (argv.includes('--processes')) return 'separate';
  return value === 'separate' ? 'separate' : 'single';
}

export interface ChildService {
  name: string;
  url: string;
  pid: number;
}

export interface SeparateHubOptions {
  mongoUri: string;
  issuers: TrustedIssuer[];
  /** The subgraphs' own variables (secrets, key directories), as `startLocalHub` takes them. */
  env: RawEnv;
  /** Fixed ports (the registry's, gatewayPort or 4000) or free ones (tests, benchmark). */
  freePorts?: boolean;
  gatewayPort?: number;
  dbName?: (subgraph: string) => string;
  ratePerMinute?: number;
  logLevel?: string;
  /** Where the children's output goes (default: this process's stdout and stderr). */
  output?: (name: string, chunk: Buffer, stream: 'stdout' | 'stderr') => void;
  /** A child exited on its own: the others are already stopped. */
  onUnexpectedExit?: (name: string, how: string) => void;
}

export interface SeparateHub {
  gateway: ChildService;
  subgraphs: Record<string, ChildService>;
  /** Every child's pid (the subgraphs', then the gateway's). */
  pids(): number[];
  /** Sends `signal` to one service and waits for its exit, which it answers; the others keep running (a fault, not a failure of the hub). */
  kill(name: string, signal: NodeJS.Signals): Promise<ChildExit>;
  /** Starts a service stopped by `kill` again, same port and environment; resolves once it is ready. Its new pid is in `pids()` and its ChildService. */
  restart(name: string): Promise<ChildService>;
  stop(): Promise<void>;
}

/** How a child exited: its exit code, or the signal that ended it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Child extends ChildService {
  process: ChildProcess;
  exited: Promise<void>;
  tail(): string;
  /** How it was started, for `restart` (its port is in its url and env). */
  args: string[];
  env: RawEnv;
  /** Stopped by `kill`: its exit is not a failure of the hub. */
  killedOnPurpose: boolean;
}

const how = (child: ChildProcess) => (child.signalCode ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`);
const upperName = (name: string) => name.toUpperCase().replace(/-/g, '_');

export async function startSeparateHub(options: SeparateHubOptions): Promise<SeparateHub> {
  const children: Child[] = [];
  let started = false; // until then a child's exit is a failed start (whenReady reports it)
  let stopping = false;
  const logLevel = options.logLevel ?? process.env.LOG_LEVEL; // as startLocalHub: default LOG_LEVEL, else info
  const base: RawEnv = { PATH: process.env.PATH, HOST: '127.0.0.1', ...(logLevel ? { LOG_LEVEL: logLevel } : {}) };
  const trustedIssuers = JSON.stringify(options.issuers);

  const stopAll = async () => {
    stopping = true;
    // The gateway first: no request reaches a subgraph that is going away.
    for (const group of [children.filter((c) => c.name === 'gateway'), children.filter((c) => c.name !== 'gateway')]) {
      await Promise.all(group.map((c) => stopChild(c)));
    }
  };

  const spawnChild = (entry: Child) => {
    const child = spawn(process.execPath, ['--require', PRELOAD, ...entry.args], { cwd: ROOT, env: entry.env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.on('error', () => {}); // EPIPE once the child has exited
    let tail = '';
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]!.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString()).slice(-4000);
        if (options.output) options.output(entry.name, chunk, stream);
        else process[stream].write(chunk);
      });
    }
    Object.assign(entry, { process: child, pid: child.pid!, tail: () => tail, killedOnPurpose: false });
    entry.exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.once('exit', () => {
      if (stopping || !started || entry.killedOnPurpose) return;
      const description = how(child);
      console.error(`${entry.name} exited unexpectedly (${description}); stopping the other services.`);
      void stopAll().then(() => options.onUnexpectedExit?.(entry.name, description));
    });
  };

  const launch = (name: string, args: string[], env: RawEnv, port: number): Child => {
    const entry = { name, url: `http://127.0.0.1:${port}/graphql`, args, env } as Child; // the rest is set by spawnChild
    spawnChild(entry);
    children.push(entry);
    return entry;
  };

  const childNamed = (name: string): Child => {
    const child = children.find((c) => c.name === name);
    if (!child) throw new Error(`no service named ${name} (services: ${children.map((c) => c.name).join(', ')})`);
    return child;
  };

  try {
    const ports: Record<string, number> = {};
    for (const { definition, port } of SUBGRAPHS) ports[definition.name] = options.freePorts ? await freePort() : port;
    const urls = Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}/graphql`]));
    for (const { definition } of SUBGRAPHS) {
      const name = definition.name;
      // The others read victims' erasure feed as they start: victims (first in the registry) is ready before them.
      if (children.length === 1) await whenReady(children[0]);
      const peers = Object.entries(urls).filter(([other]) => other !== name);
      launch(name, [path.join(DIST, 'subgraphs', 'main.js'), name], {
        ...base,
        ...options.env,
        PORT: String(ports[name]),
        MONGODB_URI: options.mongoUri,
        ...(options.dbName ? { DB_NAME: options.dbName(name) } : {}),
        TRUSTED_ISSUERS: trustedIssuers,
        CONSENT_SERVICE_URL: urls.victims,
        // Asked on a caller's behalf, and nudged after an erasure (subgraphs/main.ts).
        ...Object.fromEntries(peers.map(([other, url]) => [`${upperName(other)}_SERVICE_URL`, url])),
      }, ports[name]);
    }
    await Promise.all(children.slice(1).map((c) => whenReady(c)));

    const gatewayPort = options.freePorts ? await freePort() : options.gatewayPort ?? GATEWAY_PORT;
    const gateway = launch('gateway', [path.join(DIST, 'gateway', 'main.js')], {
      ...base, // never the subgraphs' secrets: the gateway holds none
      PORT: String(gatewayPort),
      TRUSTED_ISSUERS: trustedIssuers,
      EXPLORER: 'on',
      ...(options.ratePerMinute ? { RATE_LIMIT_PER_MINUTE: String(options.ratePerMinute) } : {}),
      ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${upperName(name)}_URL`, url])),
    }, gatewayPort);
    await whenReady(gateway);

    started = true;
    const services = new Map(children.map(({ name, url, pid }) => [name, { name, url, pid } as ChildService]));
    return {
      gateway: services.get('gateway')!,
      subgraphs: Object.fromEntries([...services].filter(([name]) => name !== 'gateway')),
      pids: () => children.map((c) => c.pid),
      async kill(name, signal) {
        const child = childNamed(name);
        if (!isRunning(child)) throw new Error(`${name} is not running`);
        child.killedOnPurpose = true;
        child.process.kill(signal);
        await child.exited;
        return { code: child.process.exitCode, signal: child.process.signalCode };
      },
      async restart(name) {
        const child = childNamed(name);
        if (isRunning(child)) throw new Error(`${name} is still running: kill it first`);
        if (stopping) throw new Error('the hub is stopping');
        spawnChild(child);
        await whenReady(child);
        return Object.assign(services.get(name)!, { pid: child.pid });
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Resolves once the child answers 200 at /ready; fails, with its last output, if it exits first or takes too long. */
async function whenReady(child: Child): Promise<void> {
  const ready = child.url.replace(/\/graphql$/, '/ready');
  for (const deadline = Date.now() + START_WITHIN_MS; ; ) {
    if (!isRunning(child)) {
      throw new Error(`${child.name} exited at start (${how(child.process)}):\n${child.tail()}`);
    }
    if (await fetch(ready).then((r) => r.status === 200, () => false)) return;
    if (Date.now() > deadline) throw new Error(`${child.name} was not ready within ${START_WITHIN_MS / 1000} s:\n${child.tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const isRunning = ({ process: proc }: Child) => proc.exitCode === null && proc.signalCode === null;

/** SIGTERM (the service's graceful stop), SIGKILL if it is still running after 10 s. */
async function stopChild(child: Child): Promise<void> {
  const { process: proc } = child;
  if (!isRunning(child)) return;
  proc.kill('SIGTERM');
  proc.stdin!.end();
  const timer = setTimeout(() => proc.kill('SIGKILL'), KILL_AFTER_MS);
  await child.exited;
  clearTimeout(timer);
}
