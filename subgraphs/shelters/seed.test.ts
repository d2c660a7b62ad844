import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { randomSecrets } from '../../scripts/development/dev-env';
import type { SeedSecrets } from '../common/demo';
import { lastQuarters, quarterOf } from '../common/indicators';
import { connectDatabase } from '../common/storage';
import { demoIndicatorValues, shownIndicators } from '../common/demo-indicators';
import { countedIn } from './domain/indicators';
import { shelterModels, type ShelterContext, type ShelterModels } from './models';
import { seedShelters, type HeldHearing } from './seed';
import { seedProceedings, type ProceedingSeedSecrets } from '../proceedings/seed';
import { heldDemoHearings } from '../../scripts/development/seed';

// The demo stays and trips spread over the last 8 quarters (issue 26: the /indicators
// page shows trends): arrivals before departures, no shelter ever over its capacity, trips
// during a stay and departed by now, and every indicator of Region.protection shown (not
// suppressed, not zero) for some region in some period.

describe.each([
  ['seeded today', new Date()],
  ['seeded early in a year (its quarters split between two years)', new Date('2027-01-15T10:00:00Z')],
])('demo shelters over the last 8 quarters, %s', (_when, now) => {
  let connection: Connection;
  let models: ShelterModels;
  let hearings: HeldHearing[];
  const secrets = randomSecrets() as SeedSecrets;

  beforeAll(async () => {
    // The demo proceedings first, as `npm run seed` does: the trips go to the hearings they held.
    const proceedings = await connectDatabase(process.env.MONGODB_URI!, `proceedings_spread_${randomBytes(4).toString('hex')}`);
    expect(await seedProceedings(proceedings, randomSecrets() as ProceedingSeedSecrets, 300, () => {}, now)).toBe(true);
    hearings = await heldDemoHearings(proceedings.db!, now);
    await proceedings.dropDatabase();
    await proceedings.close();
    connection = await connectDatabase(process.env.MONGODB_URI!, `shelters_spread_${randomBytes(4).toString('hex')}`);
    expect(await seedShelters(connection, secrets, { now, hearings, log: () => {} })).toBe(true);
    models = shelterModels(connection);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('has arrivals in at least 6 of the last 8 quarters, each stay in order and no shelter ever over its capacity', async () => {
    const shelters = await models.Shelter.find().lean();
    const placements = await models.Placement.find().lean();
    const quarters = lastQuarters(now, 8).map((q) => `${q.year}-Q${q.quarter}`);
    const arrived = placements.filter((p) => p.confirmedAt);
    expect(new Set(arrived.map((p) => quarterOf(p.confirmedAt!)).filter((q) => quarters.includes(q))).size).toBeGreaterThanOrEqual(6);
    for (const p of placements) {
      const steps = [p.requestedAt, p.acceptedAt, p.confirmedAt, p.endedAt].filter((at): at is Date => at !== null);
      expect(steps.map((at) => at.getTime())).toEqual(steps.map((at) => at.getTime()).sort((a, b) => a - b));
      expect(steps.every((at) => at <= now)).toBe(true);
      expect(p.endedAt === null).toBe(['REQUESTED', 'CONFIRMED'].includes(p.status));
      expect(shelters.find((s) => s._id === p.shelterId)!.registeredAt < p.requestedAt).toBe(true);
    }
    // Who is in a shelter at each arrival (or holds a bed by a request): never more than its beds.
    for (const s of shelters) {
      const here = placements.filter((p) => p.shelterId === s._id && (p.confirmedAt || p.status === 'REQUESTED'));
      for (const p of here) {
        const at = p.confirmedAt ?? p.requestedAt;
        expect(here.filter((o) => (o.confirmedAt ?? o.requestedAt) <= at && (!o.endedAt || o.endedAt > at)).length).toBeLessThanOrEqual(s.capacity);
      }
    }
  });

  it('has trips to hearings arranged during a stay, departed by now, over several quarters', async () => {
    const placements = new Map((await models.Placement.find().lean()).map((p) => [p._id, p]));
    const transports = await models.Transport.find().lean();
    expect(transports.length).toBeGreaterThan(0);
    for (const t of transports) {
      const stay = placements.get(t.placementId)!;
      expect(t).toMatchObject({ victimId: stay.victimId, shelterJurisdiction: stay.shelterJurisdiction, victimJurisdiction: stay.victimJurisdiction });
      expect(stay.confirmedAt! <= t.arrangedAt && t.arrangedAt < t.departAt && t.departAt <= (stay.endedAt ?? now)).toBe(true);
      const hearing = hearings.find((h) => h.id === t.hearingId);
      expect(hearing && hearing.jurisdiction === t.victimJurisdiction && t.departAt < hearing.scheduledAt && hearing.scheduledAt <= (stay.endedAt ?? now)).toBe(true);
    }
    expect(new Set(transports.map((t) => quarterOf(t.departAt))).size).toBeGreaterThanOrEqual(4);
  });

  it('shows every protection indicator, not suppressed and not zero, for some region in some quarter or year', async () => {
    const values = await demoIndicatorValues<ShelterContext>({ connection, service: 'shelters', context: { models, now }, secrets, field: 'protection', countedIn });
    expect(shownIndicators(values)).toEqual(['OCCUPANCY_RATE', 'PLACEMENTS_STARTED', 'SHELTER_BEDS', 'TRANSPORTS_TO_HEARINGS']);
  });
});
