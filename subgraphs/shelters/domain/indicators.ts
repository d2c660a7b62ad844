import type { Counted } from '../../common/indicator-answers';
import { quarterOf, type Period } from '../../common/indicators';
import type { ListedCollection, ListedRecord } from '../../common/storage';
import type { ShelterContext } from '../models';

/**
 * The shelters subgraph's indicators of a region (`Region.protection`, issue 26), counted
 * from its placements, transports and shelters through their lists by the shelter's
 * jurisdiction (models.ts: `startedIn`, `staying`, `stayedIn`, `departingIn`), never by
 * reading a collection. Only facts erasure keeps are read (a stay's arrival and end, the
 * victim's id, a trip's departure). Per jurisdiction and region only: nothing is broken
 * down by shelter, whose figures would point at one house. Definitions: docs/indicators.md.
 */
/** The live records of some lists of a collection, by list (one read of the entries, one of the records). */
async function listed<T extends ListedRecord, K extends string>(collection: ListedCollection<T, K>, lists: ReadonlyArray<readonly [K, string]>) {
  const names = lists.map(([key, value]) => collection.list(key, value));
  const entries = await collection.lists.readAll(names);
  const live = await collection.members([...entries.values()].flat());
  return (key: K) => names.filter((_name, i) => lists[i][0] === key).flatMap((name) => entries.get(name)!.flatMap((entry) => live.get(entry.id) ?? []));
}

/** The lists of `key` with these values, for `listed`. */
const under = <K extends string>(key: K, ...values: string[]) => values.map((value) => [key, value] as const);

const people = (records: Array<{ victimId: string }>) => new Set(records.map((r) => r.victimId)).size;

export async function countedIn(ctx: ShelterContext, jurisdiction: string, period: Period): Promise<Counted[]> {
  const { placements, transports, shelters } = ctx.models;
  const now = ctx.now.getTime();
  // Occupancy is read at the period's last instant, or now while it runs; a period not begun has nobody and no beds.
  const at = new Date(Math.min(period.end.getTime() - 1, now));
  const begun = period.start.getTime() <= now;
  const inQuarters = period.quarters.map((quarter) => `${jurisdiction}/${quarter}`);
  const [stays, trips, houses] = await Promise.all([
    listed(placements, [...under('startedIn', ...inQuarters), ...(begun ? [...under('staying', jurisdiction), ...under('stayedIn', `${jurisdiction}/${quarterOf(at)}`)] : [])]),
    listed(transports, under('departingIn', ...inQuarters)),
    listed(shelters, begun ? under('jurisdiction', jurisdiction) : []),
  ]);
  const started = stays('startedIn');
  const stayingAt = [...stays('staying'), ...stays('stayedIn')].filter((p) => p.confirmedAt! <= at && (!p.endedAt || p.endedAt > at));
  const beds = houses('jurisdiction').filter((s) => s.registeredAt <= at).reduce((sum, s) => sum + s.capacity, 0);
  // A trip counts once its departure has come: the hub records no cancellation or arrival.
  const departed = trips('departingIn').filter((t) => t.departAt.getTime() <= now);
  return [
    { indicator: 'PLACEMENTS_STARTED', unit: 'people', measure: { kind: 'PEOPLE', count: people(started) }, note: 'arrived at a shelter in the period (a transfer continues a stay), each once' },
    { indicator: 'OCCUPANCY_RATE', unit: 'rate', measure: { kind: 'RATE', numerator: { kind: 'PEOPLE', count: people(stayingAt) }, denominator: { kind: 'EVENTS', count: beds } }, note: "people staying over beds, at the period's end (or now, while it runs)" },
    { indicator: 'SHELTER_BEDS', unit: 'beds', measure: { kind: 'EVENTS', count: beds }, note: "beds of the jurisdiction's shelters at the period's end (or now, while it runs)" },
    { indicator: 'TRANSPORTS_TO_HEARINGS', unit: 'people', measure: { kind: 'PEOPLE', count: people(departed) }, note: 'taken from a shelter to a hearing in the period, each once' },
  ];
}
