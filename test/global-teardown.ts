import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const embedded = (globalThis as any).__embeddedDb;
  if (!embedded) return;
  await embedded.db.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
}
