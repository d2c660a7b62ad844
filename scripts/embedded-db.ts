import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { ROOT } from './paths';

/**
 * The embedded database: FerretDB v1 (MongoDB wire protocol over SQLite), built from the
 * Go module proxy by our own small program in scripts/ferretdb, cached under
 * .cache/ferretdb/<hash of its sources> and rebuilt only when those change.
 */

const SOURCE = path.join(ROOT, 'scripts', 'ferretdb');
const SOURCE_FILES = ['main.go', 'go.mod', 'go.sum'];

export function ferretdbBinary(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) hash.update(readFileSync(path.join(SOURCE, file)));
  return path.join(ROOT, '.cache', 'ferretdb', hash.digest('hex').slice(0, 16), 'ferretdb');
}

/** Builds the binary if this version of its sources was never built. */
export function ensureFerretDB(log: (line: string) => void = console.log): string {
  const binary = ferretdbBinary();
  if (existsSync(binary)) return binary;
  // `go` on PATH, else the standard install location (a login shell's PATH may miss it).
  const goBinary = [process.env.GO, 'go', '/usr/local/go/bin/go'].find(
    (candidate) => candidate && spawnSync(candidate, ['version']).status === 0,
  );
  const go = goBinary ? spawnSync(goBinary, ['version'], { encoding: 'utf8' }) : null;
  if (!goBinary || !go) {
    throw new Error(
      'The embedded database needs the Go toolchain (go 1.24 or newer on PATH, or named by GO) to build FerretDB; install Go, or set MONGODB_URI to a MongoDB 6+ server.',
    );
  }
  log(`Building the embedded database (FerretDB) with ${go.stdout.trim()}; first time only, about a minute…`);
  mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.partial`;
  const build = spawnSync(goBinary, ['build', '-trimpath', '-buildvcs=false', '-o', partial, '.'], {
    cwd: SOURCE,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  if (build.status !== 0) throw new Error(`Building FerretDB failed (go build exited ${build.status}); see the output above.`);
  renameSync(partial, binary); // atomic: a half-built binary is never taken for a good one
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface EmbeddedDatabase {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts FerretDB on 127.0.0.1 with its SQLite files in `dataDir`; resolves once it accepts connections. */
export async function startEmbeddedDatabase(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const binary = ensureFerretDB(options.log);
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-data', options.dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`The embedded database exited at start:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The embedded database did not accept connections on port ${port} within 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

if (require.main === module) {
  // `npm run db:build`: build (or find) the binary and print its path.
  console.log(ensureFerretDB());
}
