import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../platform/paths';

/**
 * docs/reliability.md is written by the tools that measure (issue 25): each rewrites only
 * the part between its own markers (`<!-- chaos:start -->` … `<!-- chaos:end -->`), so a
 * section is always one run's whole result and the rest of the page is left as written.
 */
export const RELIABILITY_DOC = path.join(ROOT, 'docs', 'reliability.md');

export function writeReliabilitySection(section: 'chaos' | 'fuzz' | 'soak', text: string, file = RELIABILITY_DOC): void {
  const page = readFileSync(file, 'utf8');
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path.relative(ROOT, file)} has no ${start} … ${end} section to write`);
  writeFileSync(file, `${page.slice(0, from + start.length)}\n${text.trim()}\n${page.slice(to)}`);
}

/** A Markdown table from a header row and rows. */
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Where and when a run was made, for the line above a section's table; the load average says whether other work shared the machine. */
export function runContext(): string {
  const cpus = os.cpus();
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}, load average ${os.loadavg()[0].toFixed(1)} as the run ended), embedded database`;
}
