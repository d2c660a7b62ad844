import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../platform/paths';

/**
 * scripts/build-if-changed.cjs, which every operator command (`npm run token`, `start`, …)
 * runs first: it compiles only when a source changed, and a changed source is always
 * compiled before the command runs. Checked on a one-file project in a temporary folder
 * (the same script, the real tsc), so that each build takes a second, not the hub's 10 s.
 */

let project: string;
const source = () => path.join(project, 'src', 'answer.ts');
const output = () => path.join(project, 'dist', 'src', 'answer.js');

/** Runs the check the way package.json does; returns its exit status and whether tsc wrote the output. */
function buildIfChanged(): { status: number | null; compiled: boolean; stderr: string } {
  const before = existsSync(output()) ? statSync(output()).mtimeMs : null;
  const run = spawnSync(process.execPath, [path.join(project, 'scripts', 'build-if-changed.cjs')], { cwd: project, encoding: 'utf8', timeout: 60_000 });
  const after = existsSync(output()) ? statSync(output()).mtimeMs : null;
  return { status: run.status, compiled: after !== null && after !== before, stderr: run.stdout + run.stderr };
}

/** Saves the source with a modification time later than anything before (a save in the same millisecond is not the point). */
let saves = 0;
function save(text: string) {
  writeFileSync(source(), text);
  const later = new Date(Date.now() + ++saves * 2000);
  utimesSync(source(), later, later);
}

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'build-if-changed-'));
  mkdirSync(path.join(project, 'scripts'));
  mkdirSync(path.join(project, 'src'));
  copyFileSync(path.join(ROOT, 'scripts', 'build-if-changed.cjs'), path.join(project, 'scripts', 'build-if-changed.cjs'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', outDir: 'dist', rootDir: '.', strict: true, types: [], incremental: true, tsBuildInfoFile: 'dist/.tsbuildinfo' }, include: ['src'], exclude: ['node_modules', 'dist'] }),
  );
  save('export const answer: number = 1;\n');
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

test('compiles on the first run, then not again while nothing changed', () => {
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: true });
  expect(readFileSync(output(), 'utf8')).toContain('answer = 1');
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: false });
});

test('a changed source is compiled before the command runs', () => {
  save('export const answer: number = 42;\n');
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: true });
  expect(readFileSync(output(), 'utf8')).toContain('answer = 42');
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: false });
});

test('a type error stops the command, and the next run tries again instead of trusting the last build', () => {
  save('export const answer: number = "forty-two";\n');
  const failed = buildIfChanged();
  expect(failed.status).not.toBe(0);
  expect(failed.stderr).toContain('answer.ts');
  expect(buildIfChanged().status).not.toBe(0);
  save('export const answer: number = 43;\n');
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: true });
});

test('an added file, a deleted output and a changed tsconfig each lead to a build', () => {
  writeFileSync(path.join(project, 'src', 'added.ts'), 'export const added = true;\n');
  expect(buildIfChanged()).toMatchObject({ status: 0 });
  expect(existsSync(path.join(project, 'dist', 'src', 'added.js'))).toBe(true);

  rmSync(output());
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: true });

  const config = path.join(project, 'tsconfig.json');
  writeFileSync(config, readFileSync(config, 'utf8').replace('"ES2022"', '"ES2021"'));
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: true });
  expect(buildIfChanged()).toMatchObject({ status: 0, compiled: false });
});
