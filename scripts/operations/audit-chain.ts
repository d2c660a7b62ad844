import type { ChainStatus } from '../../subgraphs/common/audit';
import { AuditLog } from '../../subgraphs/common/audit';
import { auditKeys, DEFAULT_CHECKPOINTS } from '../../subgraphs/common/audit-checkpoints';
import { connectDatabase } from '../../subgraphs/common/storage';

/**
 * Recomputes one subgraph's whole audit chain with the chain key and checks it against
 * every signed checkpoint, reading its database directly (`npm run verify-audit`, and
 * `npm run chaos` after each fault).
 */
export async function verifyAuditChain(options: {
  mongoUri: string;
  dbName: string;
  subgraph: string;
  keys: { AUDIT_CHAIN_KEY: string; AUDIT_SIGNING_KEY: string };
}): Promise<ChainStatus> {
  const connection = await connectDatabase(options.mongoUri, options.dbName);
  const log = new AuditLog(connection, options.subgraph, auditKeys(options.keys.AUDIT_CHAIN_KEY, options.keys.AUDIT_SIGNING_KEY), DEFAULT_CHECKPOINTS);
  try {
    return await log.verify();
  } finally {
    log.stop();
    await connection.close();
  }
}
