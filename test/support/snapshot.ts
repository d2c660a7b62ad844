import { createHash } from 'node:crypto';
import type { TestHub } from './hub';

/**
 * What every subgraph database holds: per collection, how many documents and a hash of
 * them all (sorted by _id), so that any insert, update or delete anywhere shows. The audit
 * store itself is left out — its events, its signed checkpoints (written on a timer) and
 * the lists of events by subject — since a failed audit write is what is being caused.
 */
export type Snapshot = Record<string, { count: number; hash: string }>;

const AUDIT_COLLECTIONS = new Set(['auditEvents', 'auditCheckpoints']);
const AUDIT_LISTS = /^auditEvents\//;

export async function snapshot(hub: TestHub): Promise<Snapshot> {
  const parts = await Promise.all(
    Object.entries(hub.subgraphs).map(async ([name, subgraph]) => {
      const db = subgraph.connection.db!;
      const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((c) => !AUDIT_COLLECTIONS.has(c));
      return Promise.all(
        collections.map(async (collection) => {
          let docs = await db.collection(collection).find({}).toArray();
          if (collection === 'listEntries') docs = docs.filter((d) => !AUDIT_LISTS.test(String(d._id)));
          const lines = docs.map((d) => JSON.stringify(d)).sort();
          const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
          return [`${name}.${collection}`, { count: docs.length, hash }] as const;
        }),
      );
    }),
  );
  return Object.fromEntries(parts.flat().sort(([a], [b]) => a.localeCompare(b)));
}

/** The collections whose content differs between two snapshots, for a readable failure. */
export function changedBetween(before: Snapshot, after: Snapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => before[n]?.hash !== after[n]?.hash).map((n) => `${n}: ${before[n]?.count ?? 0} → ${after[n]?.count ?? 0} documents`);
}
