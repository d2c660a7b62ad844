#!/usr/bin/env node
// Runs before every operator command (`npm run token`, `seed`, `start`, …): compiles the
// TypeScript into dist/ only when something tsc reads changed since the last good build.
// Plain JavaScript on purpose: it must run before anything is compiled.
//
// Why not just `tsc --incremental` (tsconfig has it): with nothing changed it still parses
// every source and declaration file (about 8 s here), so a token took 10 s to mint.
//
// "Changed" is decided by a fingerprint of the path, size and modification time of every
// file tsc reads from this repository (the sources under tsconfig's `include`, tsconfig.json,
// package.json) and of the installed packages' lock (node_modules/.package-lock.json, rewritten
// by every `npm ci`/`npm install`). The fingerprint is taken BEFORE tsc runs and written to
// dist/.build-fingerprint only when tsc succeeds, so a file saved during a build, a failed
// build, an added, removed or renamed file, or a missing output all lead to a new build.
// `npm run build` (and `npm test`'s pretest, and CI, and the Dockerfile) always run tsc.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist');
const STAMP = path.join(OUT_DIR, '.build-fingerprint');
const SOURCE_FILE = /\.(ts|tsx|mts|cts|json)$/;
const EXTRA_INPUTS = ['tsconfig.json', 'package.json', 'node_modules/.package-lock.json'];

/** tsconfig's include/exclude as plain folders; null when they are anything else (then: always build). */
function sourceFolders() {
  let config;
  try {
    config = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
  } catch {
    return null; // comments, or no tsconfig: tsc decides, every time
  }
  const plain = (list) => Array.isArray(list) && list.every((entry) => typeof entry === 'string' && !/[*?{]/.test(entry));
  if (!plain(config.include) || !plain(config.exclude ?? [])) return null;
  if (config.extends || config.files || config.references) return null;
  const buildInfo = config.compilerOptions && config.compilerOptions.tsBuildInfoFile;
  return {
    include: config.include,
    exclude: new Set((config.exclude ?? []).map((entry) => path.normalize(entry))),
    buildInfo: typeof buildInfo === 'string' ? path.join(ROOT, buildInfo) : null,
  };
}

/** Repository-relative paths of the source files under `folder`, skipping excluded folders. */
function walk(folder, exclude, into) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true });
  } catch {
    return; // a folder in `include` that does not exist: tsc reads nothing from it either
  }
  for (const entry of entries) {
    const relative = path.join(folder, entry.name);
    if (exclude.has(relative)) continue;
    if (entry.isDirectory()) walk(relative, exclude, into);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name)) into.push(relative);
  }
}

/** The fingerprint of the inputs, and whether an output is missing (then: build anyway). */
function fingerprint(folders) {
  const sources = [];
  for (const folder of folders.include) walk(path.normalize(folder), folders.exclude, sources);
  sources.sort();
  const hash = createHash('sha256');
  for (const file of [...EXTRA_INPUTS, ...sources]) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, file));
    } catch {
      hash.update(`${file}\0missing\n`);
      continue;
    }
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  // A deleted output (dist/scripts/development/token.js) must be compiled again even if no source changed.
  const outputMissing = sources.some(
    (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !fs.existsSync(path.join(OUT_DIR, file.replace(/\.tsx?$/, '.js'))),
  );
  return { hash: hash.digest('hex'), outputMissing };
}

function main() {
  const folders = sourceFolders();
  const inputs = folders && fingerprint(folders);
  const before = inputs && inputs.hash;
  let last = null;
  try {
    last = fs.readFileSync(STAMP, 'utf8').trim();
  } catch {
    // never built here
  }
  if (before && before === last && !inputs.outputMissing) return 0;

  // An incremental tsc trusts its build info and does not write a deleted output again.
  if (inputs && inputs.outputMissing && folders.buildInfo) fs.rmSync(folders.buildInfo, { force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    fs.rmSync(STAMP, { force: true });
    return result.status ?? 1;
  }
  if (before) {
    const partial = `${STAMP}.${process.pid}`;
    fs.writeFileSync(partial, `${before}\n`);
    fs.renameSync(partial, STAMP); // two commands building at once never leave half a stamp
  }
  return 0;
}

process.exitCode = main();
