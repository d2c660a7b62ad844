import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../scripts/development/embedded-db';

// One embedded database for the whole run (each test file uses its own database names),
// in a temp folder removed at teardown. MONGODB_URI, when set, is used instead.
export default async function globalSetup() {
  if (process.env.MONGODB_URI) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-test-'));
  const db = await startEmbeddedDatabase({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  process.env.MONGODB_URI = db.localUri; // its socket, as `npm start` connects the hub
  (globalThis as any).__embeddedDb = { db, dataDir };
}
