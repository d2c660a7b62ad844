import { readFileSync, writeFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import type { Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import { KINDS } from './import/kinds';
import { importCsv, ImportRefused, reportLines } from './import/run';

/**
 * `npm run --silent import -- <kind> <file.csv> --token <jwt> [--url …] [--report report.json]`:
 * loads a region's directory (accreditation bodies, programs, legal-aid providers,
 * attorneys, shelters) through the API, row by row, and prints what was accepted and what
 * was refused and why. Exit 0 when every row was accepted, 1 when any was refused or the
 * import stopped, 2 when nothing could be sent (usage, an unreadable file, a wrong header).
 */

const USAGE = `usage: npm run --silent import -- <${Object.keys(KINDS).join('|')}> <file.csv> --token <jwt> [--url http://127.0.0.1:4000/graphql] [--purpose …] [--report report.json]`;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<number> {
  const [kindName, file] = process.argv.slice(2);
  const token = option('token') ?? process.env.TOKEN;
  const kind = KINDS[kindName];
  if (!kind || !file || file.startsWith('--') || !token) {
    console.error(kind || !kindName ? USAGE : `unknown kind "${kindName}"; ${USAGE}`);
    return 2;
  }
  const { role } = decodeJwt(token) as { role?: Role };
  const hub = { url: option('url') ?? 'http://127.0.0.1:4000/graphql', token, purpose: option('purpose') ?? (role ? PURPOSES_BY_ROLE[role]?.[0] : undefined) ?? '' };
  try {
    const report = await importCsv(kind, readFileSync(file, 'utf8'), hub);
    for (const line of reportLines(kind, report)) console.log(line);
    const out = option('report');
    if (out) writeFileSync(out, JSON.stringify(report, null, 2));
    return report.refused > 0 || report.stopped ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportRefused || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`${file}: ${(error as Error).message}; nothing was sent`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
