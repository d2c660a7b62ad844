import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/development/embedded-db';
import { ROOT } from '../../platform/paths';
import type { TestHub } from './hub';

/**
 * A subgraph as deployed: its own Node process from the built entry point
 * (`node dist/subgraphs/main.js <name>`, built by `npm test`'s pretest), configured by
 * environment only, on the test hub's database.
 */
export async function startSubgraphProcess(hub: TestHub, name: string): Promise<{ url: string; stop(): Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'subgraphs', 'main.js'), name], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: process.env.MONGODB_URI,
      DB_NAME: hub.subgraphs[name].connection.name,
      TRUSTED_ISSUERS: JSON.stringify([hub.issuer.trusted, hub.secondIssuer.trusted]),
      ...hub.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 20_000; ; ) {
    if (child.exitCode !== null) throw new Error(`${name} process exited at start:\n${output}`);
    const ready = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} process not ready within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `${base}/graphql`,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Whether `pid` is a live process (a zombie, exited but not yet reaped, counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; comm may contain spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return existsSync(`/proc/${pid}`) || process.platform !== 'linux';
  }
}

/** Polls `condition` until it holds, or fails naming `what` after `ms` (a bound, not a timing). */
export { waitFor as waitUntil } from '../../scripts/development/fault-load';
