import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES } from '../../platform/auth';
import { isCountryCode } from '../../platform/countries';
import { loadOrCreateIssuer } from './dev-issuer';
import { DATA_DIR } from '../../platform/paths';

// `npm run --silent token -- --role judge --jurisdiction DE [--sub id] [--ttl seconds]`
// prints one JWT of the development issuer that `npm start` trusts, and nothing else.
async function main() {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, jurisdiction: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' }, org: { type: 'string' } },
  });
  if (!values.role || !ROLES.includes(values.role as never)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  if (!isCountryCode(values.jurisdiction)) throw new Error('--jurisdiction must be an ISO 3166-1 alpha-2 code such as DE');
  const ttl = values.ttl === undefined ? 3600 : Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('--ttl must be a positive number of seconds');
  const issuer = await loadOrCreateIssuer(path.join(DATA_DIR, 'dev-issuer'));
  process.stdout.write((await issuer.sign({ role: values.role, jurisdiction: values.jurisdiction, sub: values.sub, org: values.org, ttlSeconds: ttl })) + '\n');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
