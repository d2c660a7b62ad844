import 'reflect-metadata';
import { writeReliabilitySection } from './reliability-report';
import { runSoak, soakMarkdown } from './soak-run';

/**
 * `npm run soak [-- --minutes N | --seconds N]` (10 minutes by default): mixed reads and
 * writes at half the measured capacity on the hub in separate processes, over loopback
 * (soak-run.ts); the report goes to docs/reliability.md between the soak markers. Exits 1
 * on any error.
 */
const MAX_MINUTES = 24 * 60; // bounded: a typo must not run for days

function durationSeconds(argv: string[]): number {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const n = Number(argv[at + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} takes a positive number (got "${argv[at + 1] ?? ''}")`);
    return n;
  };
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--minutes' && a !== '--seconds');
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}: usage: npm run soak -- [--minutes N | --seconds N]`);
  const seconds = value('--seconds') ?? (value('--minutes') ?? 10) * 60;
  if (seconds > MAX_MINUTES * 60) throw new Error(`a soak run is bounded to ${MAX_MINUTES} minutes`);
  return Math.round(seconds);
}

async function main() {
  const seconds = durationSeconds(process.argv.slice(2));
  const report = await runSoak({ seconds });
  const text = soakMarkdown(report);
  writeReliabilitySection('soak', text);
  console.log(`${text}\n\nwritten to docs/reliability.md (soak section)`);
  process.exitCode = report.errors ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
