import 'reflect-metadata';
import { AUDIT_ENV, readEnv, vars } from '../../platform/config';
import { AuditLog } from '../../subgraphs/common/audit';
import { auditKeys } from '../../subgraphs/common/audit-checkpoints';
import { connectDatabase } from '../../subgraphs/common/storage';
import { victimModels } from '../../subgraphs/victims/models';
import { runRetention } from '../../subgraphs/victims/domain/retention';
import { devDatabase, keptSecrets } from '../development/dev-env';

/**
 * `npm run retention`: anonymizes the victims whose retention period is over. Idempotent
 * and safe to run from cron. Uses MONGODB_URI (else the embedded database of `npm start`,
 * which must not be running: give its MONGODB_URI instead), DB_NAME (default victims) and
 * the keys from the environment or .data/secrets.
 */
async function main() {
  const secrets = readEnv({ ...AUDIT_ENV, IDENTITY_HASH_KEY: vars.secret('identity-hash key', 32), DB_NAME: vars.text('database (default victims)') }, { ...process.env, ...keptSecrets() });
  const db = await devDatabase(() => {});
  const connection = await connectDatabase(db.uri, secrets.DB_NAME ?? 'victims');
  const models = victimModels(connection, secrets.IDENTITY_HASH_KEY);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  const audit = new AuditLog(connection, 'victims', auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
  try {
    const done = await runRetention(models, audit, new Date());
    console.log(`anonymized ${done.length} victim record${done.length === 1 ? '' : 's'} whose retention period is over`);
  } finally {
    audit.stop();
    await connection.close();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
