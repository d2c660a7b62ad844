import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../platform/paths';
import { VERDICTS, type FuzzResult, type Verdict } from './fuzz-run';

/**
 * The fuzz run's part of docs/reliability.md: what was sent, answers by verdict for every
 * root field, and every failure with its operation, values and answer. Only the text
 * between `<!-- fuzz:start -->` and `<!-- fuzz:end -->` is replaced.
 */

export const RELIABILITY_DOC = path.join(ROOT, 'docs', 'reliability.md');
const START = '<!-- fuzz:start -->';
const END = '<!-- fuzz:end -->';
const VALUE_CHARS = 300;

/** JSON, with long strings and lists cut (a value of 60,000 characters is shown by its start and length). */
export function shown(value: unknown, max = VALUE_CHARS): string {
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} characters)`;
    if (Array.isArray(v) && v.length > 10) return [...v.slice(0, 3), `…(${v.length} items)`];
    return v;
  }) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ');

export function renderFuzzReport(result: FuzzResult, startedAt: Date): string {
  const totals = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const counts of Object.values(result.perField)) for (const v of VERDICTS) totals[v] += counts[v];
  const { seed, count, seconds } = result.options;
  const lines = [
    `Run of ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: \`npm run fuzz -- --seed ${seed} --count ${count} --seconds ${seconds}\`, ` +
      `${result.fields} root fields, ${count} cases each, every case sent without a token and with ${result.options.tokensPerCase ?? 2} callers' tokens ` +
      `(each role in DE and FR, in turn)${result.options.ids ? ', on the demo data (ids of records of DE)' : ', on an empty database'}: ${result.sent} requests in ${result.seconds.toFixed(0)} s${result.cutShort ? ' (cut short by the time bound or a stopped service: not every case was sent)' : ''}.`,
    '',
    `| answers | count |`,
    `| --- | ---: |`,
    `| accepted (no error) | ${totals.accepted} |`,
    `| refused, naming the argument, input field or variable | ${totals.refused} |`,
    `| denied (UNAUTHENTICATED or FORBIDDEN only) | ${totals.denied} |`,
    `| **failures** | **${totals.failure}** |`,
    '',
    result.processProblems.length === 0
      ? 'No service exited or restarted during the run.'
      : `Services that stopped during the run: ${result.processProblems.join('; ')}.`,
    '',
  ];
  if (result.failures.length === 0) lines.push('No failures: no HTTP 5xx, no INTERNAL_SERVER_ERROR, no refusal that names nothing of the call.', '');
  else {
    lines.push(`### Failures (${result.failures.length})`, '', '| operation | value at | kind | caller | variables | why | answer |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const f of result.failures) {
      const c = f.fuzzCase;
      lines.push(`| \`${c.field}\` | ${cell(c.target)} | ${c.kind} | ${f.caller} | ${cell(shown(c.variables))} | ${cell(f.why)} | ${cell(shown(f.answer.body ?? f.answer.error))} |`);
    }
    lines.push('');
  }
  lines.push('<details><summary>Answers by root field</summary>', '', '| root field | accepted | refused | denied | failures |', '| --- | ---: | ---: | ---: | ---: |');
  for (const [field, counts] of Object.entries(result.perField)) {
    lines.push(`| \`${field}\` | ${counts.accepted} | ${counts.refused} | ${counts.denied} | ${counts.failure} |`);
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

/** Replaces the fuzz part of docs/reliability.md (or another file, for tests). */
export function writeFuzzReport(markdown: string, file = RELIABILITY_DOC): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} … ${END} markers`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`);
}
