import 'reflect-metadata';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../subgraphs/common/storage';
import { openDevEnvironment } from './dev-env';
import { seedProceedings, type ProceedingSeedSecrets } from '../../subgraphs/proceedings/seed';
import { seedShelters, type HeldHearing } from '../../subgraphs/shelters/seed';
import { seedLegalAid, type OpenProceeding } from '../../subgraphs/legal-aid/seed';
import { seedTraining, type TrainingSeedSettings } from '../../subgraphs/training/seed';
import { seedDemoData } from '../../subgraphs/victims/seed';
import type { SeedSecrets } from '../../subgraphs/common/demo';

/**
 * The demo data of the whole hub: each subgraph's own seed (subgraphs/<name>/seed.ts),
 * called in order, each into its own database.
 */

/**
 * Open demo proceedings, read from the proceedings database: the demo legal aid places
 * its gaps in them (a development script may read any database; the subgraphs never do).
 */
async function openDemoProceedings(proceedings: ReturnType<ReturnType<Connection['getClient']>['db']>): Promise<OpenProceeding[]> {
  const all = await proceedings.collection<OpenProceeding & { stage: string }>('proceedings').find({}, { projection: { jurisdiction: 1, openedAt: 1, victimIds: 1, stage: 1 } }).toArray();
  return all.filter((p) => p.stage !== 'CLOSED').sort((a, b) => String(a._id).localeCompare(String(b._id)));
}

/**
 * The hearings the demo proceedings held by `now`, read from the proceedings database: the
 * demo trips of the shelters go to them (as for legal aid above, a development script reads
 * the database; the subgraphs never do).
 */
export async function heldDemoHearings(proceedings: ReturnType<ReturnType<Connection['getClient']>['db']>, now = new Date()): Promise<HeldHearing[]> {
  const all = await proceedings.collection<{ _id: string; jurisdiction: string; hearings: Array<{ id: string; scheduledAt: Date }> }>('proceedings').find({}, { projection: { jurisdiction: 1, hearings: 1 } }).toArray();
  return all
    .flatMap((p) => p.hearings.filter((h) => h.scheduledAt < now).map((h) => ({ id: h.id, scheduledAt: h.scheduledAt, jurisdiction: p.jurisdiction })))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Every subgraph's demo data, each into its own database, each only when that database has none (`npm start`, `npm run seed`). */
export async function seedHub(mongoUri: string, settings: Record<string, string>): Promise<void> {
  const seeds: Array<[string, (connection: Connection) => Promise<boolean>]> = [
    ['victims', (c) => seedDemoData(c, settings as SeedSecrets)],
    ['proceedings', (c) => seedProceedings(c, settings as ProceedingSeedSecrets)],
    ['shelters', async (c) => seedShelters(c, settings as SeedSecrets, { hearings: await heldDemoHearings(c.getClient().db('proceedings')) })],
    ['legal_aid', async (c) => seedLegalAid(c, settings as SeedSecrets, await openDemoProceedings(c.getClient().db('proceedings')))],
    ['training', (c) => seedTraining(c, settings as TrainingSeedSettings)],
  ];
  for (const [database, seed] of seeds) {
    const connection = await connectDatabase(mongoUri, database);
    try {
      await seed(connection);
    } finally {
      await connection.close();
    }
  }
}

if (require.main === module) {
  // `npm run seed`: seeds the database at MONGODB_URI, or the embedded one in .data/.
  (async () => {
    const env = await openDevEnvironment();
    try {
      await seedHub(env.mongoUri, env.settings);
    } finally {
      await env.stop();
    }
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
