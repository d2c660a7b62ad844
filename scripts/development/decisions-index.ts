import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../platform/paths';

/**
 * The index of docs/decisions/: one file per decision, `NNN-title.md`, whose first line
 * is `# N. Title`. A decision a later one replaces says so in a line
 * `**Superseded by N.**` and is marked in the index. Written by `npm run compose`; a test
 * fails when it drifts from the files.
 */

export const DECISIONS_DIR = 'docs/decisions';
const DECISION_FILE = /^(\d{3})-[a-z0-9-]+\.md$/;

export function decisionIndex(dir = path.join(ROOT, DECISIONS_DIR)): string {
  const rows = readdirSync(dir)
    .filter((file) => DECISION_FILE.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const heading = /^# (\d+)\. (.+)$/m.exec(text);
      if (!heading || Number(heading[1]) !== Number(file.slice(0, 3))) throw new Error(`${DECISIONS_DIR}/${file}: the first line must be "# ${Number(file.slice(0, 3))}. <title>"`);
      const superseded = /^\*\*Superseded by (\d+)\.\*\*/m.exec(text);
      const status = superseded ? `superseded by ${superseded[1]}` : '';
      return `| ${heading[1]} | [${heading[2].replace(/\|/g, '\\|')}](${file}) | ${status} |`;
    });
  return [
    '# Decisions',
    '',
    'Short records of the choices visible in the code: what was decided, why, and what it',
    'costs; one file each. When the code changes one of them, change its record; when a later',
    'decision replaces one, add a line `**Superseded by N.**` to the old one. This index is',
    'written by `npm run compose` (a test fails when it drifts from the files).',
    '',
    '| # | decision | status |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
