import DataLoader from 'dataloader';
import { asEntity, loaderById, type Entity } from '../../common/storage';
import { activePlacementOf, bedsOf, type PlacementRecord, type ShelterModels, type ShelterRecord } from '../models';
import { ACTIVE_STATUSES } from '../schema/vocabulary';
import { expireIfDue, type Expiry } from './expiry';

/**
 * Beds are slots (common/storage/slots.ts): a placement holds one from its request to its end, so
 * a shelter is never booked beyond its capacity, whatever runs at the same time. A bed
 * whose placement was never written (a process died between the two) is given back once
 * it is older than this.
 */
const ORPHAN_AFTER_MS = 30_000;

/** `bed.freed` (webhooks) for the bed a placement held: the shelter's id only, to its jurisdiction and operator. */
export const bedFreed = (p: Pick<PlacementRecord, 'shelterId' | 'shelterJurisdiction' | 'operator'>) => ({ ids: { shelterId: p.shelterId }, jurisdictions: [p.shelterJurisdiction], organisations: [p.operator] });

/**
 * The beds of each shelter held by live placements now; orphaned ones are given back on
 * the way, and so are those of requests past their time (with `expiry`, the request's
 * clock: expiry.ts). (Orphans are a matter of processes, not of the domain: real time, not
 * the request clock.)
 */
export async function bedsHeld(models: ShelterModels, shelters: Array<Pick<ShelterRecord, '_id' | 'capacity'>>, expiry?: Expiry): Promise<Map<string, number>> {
  const now = Date.now();
  const taken = await models.slots.taken(shelters.map((s) => ({ pool: bedsOf(String(s._id)), capacity: s.capacity })));
  const holders = [...new Set([...taken.values()].flat().map((p) => p.holder))];
  const loaded = await loaderById<PlacementRecord>(models.Placement).loadMany(holders);
  const placements = await Promise.all(loaded.map((p) => (expiry && p && !(p instanceof Error) ? expireIfDue(models, expiry, p) : p)));
  const live = new Map(placements.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p] as const] : [])));
  const held = new Map<string, number>();
  for (const shelter of shelters) {
    const pool = bedsOf(String(shelter._id));
    let count = 0;
    for (const bed of taken.get(pool)!) {
      const placement = live.get(bed.holder);
      if (placement && ACTIVE_STATUSES.includes(placement.status) && placement.bed === bed.place) count++;
      else if (!placement && now - bed.at.getTime() < ORPHAN_AFTER_MS) count++; // being written now
      else await models.slots.release(pool, bed.place, bed.holder);
    }
    held.set(String(shelter._id), count);
  }
  return held;
}

/** Per request: beds held in each shelter (one read for all the shelters of an answer). */
export function occupancyLoader(models: ShelterModels, expiry: Expiry) {
  return new DataLoader<Entity<ShelterRecord>, number, string>(
    async (shelters) => {
      const held = await bedsHeld(models, [...shelters], expiry);
      return shelters.map((s) => held.get(s.id)!);
    },
    { cacheKeyFn: (s) => s.id },
  );
}

/** Takes a bed for a placement, after giving back orphaned ones; null when the shelter is full. */
export async function takeBed(models: ShelterModels, expiry: Expiry, shelter: Entity<ShelterRecord>, placementId: string): Promise<number | null> {
  await bedsHeld(models, [shelter], expiry);
  return models.slots.claim(bedsOf(shelter.id), shelter.capacity, placementId, new Date());
}

export function giveBackBed(models: ShelterModels, placement: Pick<PlacementRecord, '_id' | 'shelterId' | 'bed'>): Promise<void> {
  return models.slots.release(bedsOf(placement.shelterId), placement.bed, String(placement._id));
}

/**
 * The victim's one active placement, as a slot of capacity 1: taken or refused atomically.
 * A slot held by a placement that ended or was never written (and is not being written
 * now) is given back first.
 */
export async function holdVictim(models: ShelterModels, expiry: Expiry, victimId: string, placementId: string): Promise<boolean> {
  const pool = activePlacementOf(victimId);
  const [held] = (await models.slots.taken([{ pool, capacity: 1 }])).get(pool)!;
  if (held) {
    const found = (await models.Placement.findById(held.holder).lean()) as PlacementRecord | null;
    const holder = found ? await expireIfDue(models, expiry, asEntity(found)) : null;
    const stale = holder ? !ACTIVE_STATUSES.includes(holder.status) : Date.now() - held.at.getTime() >= ORPHAN_AFTER_MS;
    if (stale) await models.slots.release(pool, 1, held.holder);
  }
  return (await models.slots.claim(pool, 1, placementId, new Date())) !== null;
}

export function releaseVictim(models: ShelterModels, victimId: string, placementId: string): Promise<void> {
  return models.slots.release(activePlacementOf(victimId), 1, placementId);
}

/** The id of the victim's active placement, if any. */
export async function activePlacementId(models: ShelterModels, victimId: string): Promise<string | null> {
  const [held] = (await models.slots.taken([{ pool: activePlacementOf(victimId), capacity: 1 }])).get(activePlacementOf(victimId))!;
  return held?.holder ?? null;
}
