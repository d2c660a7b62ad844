import { connectDatabase } from '../../subgraphs/common/storage';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { seedHub } from './seed';

/**
 * Ids of real records for the fuzz run's plausible values (fuzz-values.ts): with the demo
 * data seeded, a call that names a victim, a proceeding or a practitioner of the callers'
 * jurisdiction gets past "not found" to the checks of its other arguments, where hostile
 * values meet the domain code. Read from each subgraph's database after seeding, as
 * seed.ts does (a development script may read any database; the subgraphs never do).
 */

/** Records by collection name (`victims`, `legalAssistanceRequests`): a few ids each, those of `jurisdiction` first. */
export type RecordIds = Record<string, string[]>;

const PLUMBING = /^(audit|keyedSets|list|recordLocks|slots|searchIndex|custodyEvents|deliveryEvents|erasure)/;

/** Seeds the demo data into the default database names at `mongoUri` (an empty database of the fuzz run's own) and reads back ids. */
export async function seededRecordIds(mongoUri: string, settings: Record<string, string>, jurisdiction: string): Promise<RecordIds> {
  await seedHub(mongoUri, settings);
  const ids: RecordIds = {};
  for (const { definition } of SUBGRAPHS) {
    const connection = await connectDatabase(mongoUri, definition.database ?? definition.name);
    try {
      for (const { name } of await connection.db!.listCollections().toArray()) {
        if (PLUMBING.test(name)) continue;
        const collection = connection.db!.collection<{ _id: string; jurisdiction?: string }>(name);
        const own = await collection.find({ jurisdiction }, { projection: { _id: 1 } }).limit(3).toArray();
        const any = own.length > 0 ? own : await collection.find({}, { projection: { _id: 1 } }).limit(3).toArray();
        if (any.length > 0) ids[name] = any.map((r) => String(r._id));
      }
    } finally {
      await connection.close();
    }
  }
  return ids;
}

/**
 * An id for an argument or input field by its name: `victimId`, `victimIds`, `programCode`
 * name their collection; `id` and `code` take the root field's noun (`legalAidAssignment(id)`,
 * `refuseRequest(id)`: the longest ending of the name that names a collection).
 */
export function idFor(ids: RecordIds, name: string, rootField: string): string | undefined {
  const m = /^(.*?)(Ids?|Codes?)$/.exec(name);
  const stems = m ? [m[1]] : /^(id|code)$/.test(name) ? rootField.split(/(?=[A-Z])/).map((_, i, words) => words.slice(i).join('')) : [];
  const singular = (collection: string) => collection.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  for (const stem of stems.map((s) => s.toLowerCase())) {
    const match = Object.keys(ids).find((c) => singular(c) === stem) ?? Object.keys(ids).find((c) => singular(c).endsWith(stem) || stem.endsWith(singular(c)));
    if (match) return ids[match][0];
  }
  return undefined;
}
