import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';
import { ROOT } from '../../platform/paths';
import { elapsed, runLongStep } from './long-step';

/**
 * The embedded database: FerretDB v1 (MongoDB wire protocol over SQLite), built from the
 * Go module proxy by our own small program in scripts/development/ferretdb, cached under
 * .cache/ferretdb/<hash of its sources> and rebuilt only when those change.
 *
 * FerretDB is built with a small patch of its SQLite backend (lookups by `_id` and
 * `_id: {$in}` use the unique _id index), applied with `go build -overlay` from
 * scripts/development/ferretdb/_overlay: edits.json (exact text edits of FerretDB files) and files/
 * (files added to the FerretDB module). No copy of a FerretDB file is kept in the repository;
 * the go command refuses overlays of files in the module cache, so the build uses a pristine
 * copy of the module under .cache (see prepareOverlay).
 */

const SOURCE = path.join(ROOT, 'scripts', 'development', 'ferretdb');
const SOURCE_FILES = ['main.go', 'go.mod', 'go.sum'];
const OVERLAY = path.join(SOURCE, '_overlay');
const OVERLAY_EDITS = path.join(OVERLAY, 'edits.json');
const OVERLAY_FILES = path.join(OVERLAY, 'files');
const CACHE = path.join(ROOT, '.cache', 'ferretdb');
const GO_ENV = { ...process.env, CGO_ENABLED: '0' };

/** Files under `dir`, as sorted paths relative to it (`/`-separated). */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Hash of every input of the build: main.go, go.mod, go.sum and everything under _overlay. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const add = (name: string, file: string) => {
    const content = readFileSync(file);
    hash.update(`${name}\0${content.length}\0`);
    hash.update(content);
  };
  for (const file of SOURCE_FILES) add(file, path.join(SOURCE, file));
  for (const file of listFiles(OVERLAY)) add(`_overlay/${file}`, path.join(OVERLAY, file));
  return hash.digest('hex').slice(0, 16);
}

export function ferretdbBinary(): string {
  return path.join(CACHE, sourcesHash(), 'ferretdb');
}

interface OverlayEdit {
  file: string;
  why?: string;
  find: string | string[];
  replace: string | string[];
}

interface OverlayEdits {
  module: string;
  version: string;
  edits: OverlayEdit[];
}

const joinLines = (text: string | string[]) => (Array.isArray(text) ? text.join('\n') : text);

/**
 * Applies the text edits of edits.json to FerretDB's sources in `moduleDir`; returns the
 * patched text of each edited file (module-relative path → text). Throws, naming the file and
 * the edit, when an edit's `find` text does not occur exactly once.
 */
export function applyOverlayEdits(moduleDir: string, edits: OverlayEdit[]): Map<string, string> {
  const patched = new Map<string, string>();
  edits.forEach((edit, index) => {
    const name = `edit #${index + 1} of ${path.relative(ROOT, OVERLAY_EDITS)} (${edit.file}${edit.why ? `: ${edit.why}` : ''})`;
    const original = path.join(moduleDir, edit.file);
    if (!patched.has(edit.file)) {
      if (!existsSync(original)) throw new Error(`Patching FerretDB: ${name}: ${original} does not exist.`);
      patched.set(edit.file, readFileSync(original, 'utf8'));
    }
    const text = patched.get(edit.file)!;
    const find = joinLines(edit.find);
    const replace = joinLines(edit.replace);
    const count = find === '' ? 0 : text.split(find).length - 1;
    if (count !== 1) {
      throw new Error(
        `Patching FerretDB: ${name}: the text to find occurs ${count} times in ${original} (it must occur exactly once); ` +
          `FerretDB's source changed, so update scripts/development/ferretdb/_overlay. Text:\n${find}`,
      );
    }
    const at = text.indexOf(find);
    patched.set(edit.file, text.slice(0, at) + replace + text.slice(at + find.length));
  });
  return patched;
}

/** A quick go command whose output is needed (locating a module); its stderr becomes the error. */
function run(command: string, args: string[], what: string): string {
  const result = spawnSync(command, args, { cwd: SOURCE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: GO_ENV });
  if (result.status !== 0) throw new Error(`${what} failed (${command} ${args.join(' ')} exited ${result.status ?? result.signal}):\n${result.stderr}`);
  return result.stdout.trim();
}

/** Writes `text` to `file` by rename, so that a concurrent build never reads half a file. */
function writeAtomically(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/** Copies the files of `from` into `to` (a fresh folder), as ordinary writable files. */
function copyTree(from: string, to: string) {
  rmSync(to, { recursive: true, force: true });
  for (const file of listFiles(from)) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    writeFileSync(path.join(to, file), readFileSync(path.join(from, file)));
  }
}

/**
 * Prepares the patched build in .cache/ferretdb/overlay-<hash>/ and returns the extra
 * `go build` arguments. The go command refuses an overlay of files in the module cache, so:
 * - module/: a pristine copy of the FerretDB module (downloaded first if the module cache
 *   lacks it, as on a fresh machine), which go.mod/go.sum there (ours plus a `replace` of
 *   FerretDB by that copy, used with -modfile) build instead of the module cache's;
 * - edited/: FerretDB's files with the edits of _overlay/edits.json applied, and
 *   overlay.json, which puts them (and the files under _overlay/files/) over the copy.
 */
async function prepareOverlay(goBinary: string, hash: string, log: (line: string) => void): Promise<string[]> {
  const spec = JSON.parse(readFileSync(OVERLAY_EDITS, 'utf8')) as OverlayEdits;
  log(`  1/3 FerretDB's source (${spec.module} ${spec.version}): downloading it unless Go's module cache has it, then patching a copy…`);
  await runLongStep(`downloading ${spec.module}`, goBinary, ['mod', 'download', spec.module], { cwd: SOURCE, env: GO_ENV, log });
  const [version, moduleDir] = run(goBinary, ['list', '-m', '-f', '{{.Version}}\n{{.Dir}}', spec.module], `Locating ${spec.module}`).split('\n');
  if (version !== spec.version) {
    throw new Error(
      `Patching FerretDB: ${path.relative(ROOT, OVERLAY_EDITS)} was written for ${spec.module} ${spec.version}, but go.mod uses ${version}; review the edits for that version and update its "version".`,
    );
  }
  if (!moduleDir || !existsSync(moduleDir)) throw new Error(`Patching FerretDB: ${spec.module} ${version} is not in the module cache (go list gave "${moduleDir}").`);

  const dir = path.join(CACHE, `overlay-${hash}`);
  const copy = path.join(dir, 'module');
  const patches = applyOverlayEdits(moduleDir, spec.edits); // fails before anything is written
  copyTree(moduleDir, copy);

  const replace: Record<string, string> = {};
  for (const [file, text] of patches) {
    const patched = path.join(dir, 'edited', file);
    writeAtomically(patched, text);
    replace[path.join(copy, file)] = patched;
  }
  for (const file of listFiles(OVERLAY_FILES)) {
    // An added file must not silently replace one of FerretDB's.
    if (existsSync(path.join(moduleDir, file))) {
      throw new Error(`Patching FerretDB: _overlay/files/${file} would replace FerretDB's ${file}; rename it.`);
    }
    replace[path.join(copy, file)] = path.join(OVERLAY_FILES, file);
  }
  const overlay = path.join(dir, 'overlay.json');
  writeAtomically(overlay, `${JSON.stringify({ Replace: replace }, null, 2)}\n`);

  const modfile = path.join(dir, 'go.mod');
  const goMod = readFileSync(path.join(SOURCE, 'go.mod'), 'utf8');
  writeAtomically(modfile, `${goMod.trimEnd()}\n\n// Added by scripts/development/embedded-db.ts: build the patched copy.\nreplace ${spec.module} => ${copy}\n`);
  writeAtomically(path.join(dir, 'go.sum'), readFileSync(path.join(SOURCE, 'go.sum'), 'utf8'));
  return ['-modfile', modfile, '-overlay', overlay];
}

/** Builds the binary if this version of its sources was never built. */
export async function ensureFerretDB(log: (line: string) => void = console.log): Promise<string> {
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
  const started = Date.now();
  log(
    `Building the embedded database (FerretDB) with ${go.stdout.trim()}: first start only. It downloads FerretDB's Go modules ` +
      `and compiles a few hundred packages: several minutes (5 or more on 2 cores; less with Go's build cache warm). ` +
      `Progress every 15 s. Later starts reuse ${path.relative(ROOT, path.dirname(binary))}.`,
  );
  const patch = await prepareOverlay(goBinary, path.basename(path.dirname(binary)), log);

  // Listing the packages first downloads every module the build needs (go build would too,
  // silently) and tells how many packages there are to compile.
  log('  2/3 downloading the Go modules FerretDB needs…');
  let downloaded = 0;
  const listed = await runLongStep('downloading Go modules', goBinary, ['list', '-deps', ...patch, '-f', '{{.ImportPath}}', '.'], {
    cwd: SOURCE,
    env: GO_ENV,
    log,
    onLine: (line) => {
      if (line.startsWith('go: downloading ')) downloaded += 1;
    },
    progress: () => `${downloaded} modules downloaded so far`,
  });
  const packages = listed.split('\n').filter(Boolean).length;

  log(`  3/3 compiling FerretDB (${packages} packages, those already in Go's build cache are skipped)…`);
  mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  let compiled = 0;
  try {
    // -v names each package as it is compiled (and changes nothing else): the progress count.
    await runLongStep('compiling FerretDB', goBinary, ['build', '-v', '-trimpath', '-buildvcs=false', ...patch, '-o', partial, '.'], {
      cwd: SOURCE,
      env: GO_ENV,
      log,
      onLine: (line) => {
        if (!line.includes(' ')) compiled += 1;
      },
      progress: () => `${compiled} of at most ${packages} packages compiled`,
    });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, binary); // atomic: a half-built binary is never taken for a good one
  log(`Embedded database built in ${elapsed(Date.now() - started)}.`);
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
  /** Over loopback TCP (any client on this machine, e.g. mongosh). */
  uri: string;
  /**
   * Over its Unix domain socket in the data folder, for the hub's own services: a command
   * costs both sides less CPU than over loopback TCP (the same as `uri` where a socket
   * cannot be made: a data folder path too long for one).
   */
  localUri: string;
  pid: number;
  stop(): Promise<void>;
}

const MAX_SOCKET_PATH = 100;

/** Starts FerretDB on 127.0.0.1 (and a Unix socket in `dataDir`) with its SQLite files in `dataDir`; resolves once it accepts connections. */
export async function startEmbeddedDatabase(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const binary = await ensureFerretDB(options.log);
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  // Otherwise the wait below would take whatever answers there (an older FerretDB) for ours.
  // A FerretDB whose launcher just died may still be stopping (up to its 10 s grace): wait for it.
  const portFreeBy = Date.now() + 15_000;
  while (await portAnswers(port)) {
    if (Date.now() > portFreeBy) throw new Error(`The embedded database cannot start: port ${port} on 127.0.0.1 is already in use.`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // FerretDB's stdin is a pipe that only this process holds: when this process ends, even by
  // SIGKILL, the pipe closes and `-exit-with-stdin` makes FerretDB stop (no orphan keeping the
  // port and the data folder). Nothing is ever written to it.
  // A socket path is at most 107 bytes on Linux (fewer elsewhere): a longer folder gets TCP only.
  const socket = path.resolve(options.dataDir, 'mongodb.sock');
  const unix = Buffer.byteLength(socket) <= MAX_SOCKET_PATH && process.platform !== 'win32';
  if (unix) rmSync(socket, { force: true }); // left by a database that was killed
  const child: ChildProcess = spawn(binary, ['-listen', `127.0.0.1:${port}`, ...(unix ? ['-listen-unix', socket] : []), '-data', options.dataDir, '-exit-with-stdin'], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin!.on('error', () => {}); // EPIPE once FerretDB has exited
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The embedded database exited at start:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The embedded database did not accept connections on port ${port} within 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const uri = `mongodb://127.0.0.1:${port}/`;
  return {
    uri,
    localUri: unix ? `mongodb://${encodeURIComponent(socket)}/` : uri,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

if (require.main === module) {
  // `node dist/scripts/development/embedded-db.js`: build (or find) the binary and print its path.
  ensureFerretDB().then(
    (binary) => console.log(binary),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
