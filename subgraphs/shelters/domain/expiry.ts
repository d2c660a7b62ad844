import DataLoader from 'dataloader';
import { COUNTRY_CODES } from '../../../platform/countries';
import type { AuditActor, AuditLog } from '../../common/audit';
import { emitOnce, type Outbox } from '../../common/outbox';
import { ClockScan } from '../../common/scheduler';
import type { JobContext } from '../../common/server';
import type { Entity } from '../../common/storage';
import { bedFreed, giveBackBed, releaseVictim } from './beds';
import type { PlacementRecord, ShelterModels } from '../models';
import { PlacementStatus } from '../schema/vocabulary';

/**
 * A placement request the shelter has not answered within PLACEMENT_REQUEST_HOURS expires
 * and frees its bed. Decided lazily, on the request's clock, wherever a placement is read
 * (the placement loaders) or a bed is counted or taken (beds.ts): nothing shows or keeps a
 * REQUESTED placement past its time, and no timer has to run for it to be true. The first
 * reader past the deadline moves it, under the placement's lock, and writes the hub's
 * PLACEMENT_EXPIRED event then (once: a later reader finds it EXPIRED already), with the
 * `bed.freed` event for partner systems. Readers are not enough for those waiting on a
 * bed: a scan on the hub's clock (`requestExpiry`, every EVENT_SCAN_SECONDS) expires the
 * requests past their time that nobody read.
 */

type PlacementDoc = Entity<PlacementRecord>;

/** The request's clock reading, and where the expiry's audit event and webhook event are written. */
export interface Expiry {
  now: Date;
  log: AuditLog;
  outbox: Outbox;
}

/** Nobody's act: the hub's clock. Recorded as such, not as the caller whose read found it due. */
const REQUEST_CLOCK: AuditActor = { sub: 'placement-request-clock', role: 'service', jurisdiction: 'none', org: 'justice hub shelters', issuer: 'justice-hub' };

const HOUR = 3_600_000;

/** When an unanswered request expires. */
export const requestExpiresAt = (placement: Pick<PlacementRecord, 'requestedAt'>, hours: number) => new Date(new Date(placement.requestedAt).getTime() + hours * HOUR);

/** What `Placement.requestExpiresAt` shows: the deadline while REQUESTED, nothing once answered or ended. */
export const openRequestExpiresAt = (placement: Pick<PlacementRecord, 'status' | 'requestedAt'>, hours: number): Date | null =>
  placement.status === PlacementStatus.REQUESTED ? requestExpiresAt(placement, hours) : null;

export const isDue = (placement: Pick<PlacementRecord, 'status' | 'requestedAt'>, hours: number, now: Date) =>
  placement.status === PlacementStatus.REQUESTED && now.getTime() >= requestExpiresAt(placement, hours).getTime();

/** The placement as it stands at `expiry.now`: a due request is expired (its bed and the victim's slot given back). */
export async function expireIfDue(models: ShelterModels, expiry: Expiry, placement: PlacementDoc): Promise<PlacementDoc> {
  const hours = models.requestHours;
  if (!isDue(placement, hours, expiry.now)) return placement;
  let moved = false;
  const updated = await models.placements.update(placement.id, async (current) => {
    if (!isDue(current, hours, expiry.now)) return null;
    await expiry.log.append(REQUEST_CLOCK, null, [
      { action: 'PLACEMENT_EXPIRED', subjectType: 'Placement', subjectId: current.id, fields: ['status', 'endedAt', 'endReason'], deniedFields: [], decision: 'ALLOW', bases: [`REQUEST_HOURS:${hours}`] },
    ]);
    // Before the change, as the audit event: a notice of a change not written is harmless (the receiver reads the state), a lost one is not.
    await emitOnce(expiry.outbox, 'bed.freed', bedFreed(current), expiry.now, `expired:${current.id}`);
    moved = true;
    return { status: PlacementStatus.EXPIRED, endedAt: requestExpiresAt(current, hours), endReason: `not answered by the shelter within ${hours} hours` };
  });
  if (!updated) return placement;
  if (moved) {
    // Ended before its bed is given back: a crash in between leaves an ended placement holding a bed, which beds.ts reclaims.
    await giveBackBed(models, updated);
    await releaseVictim(models, updated.victimId, updated.id);
    await forgetTransfer(models, updated);
  }
  return updated;
}

/** A placement loader whose answers are settled (one placement, none, or a list). */
export function settledLoader<V extends PlacementDoc | null | PlacementDoc[]>(models: ShelterModels, expiry: Expiry, inner: DataLoader<string, V>): DataLoader<string, V> {
  const settle = (p: PlacementDoc) => expireIfDue(models, expiry, p);
  return new DataLoader<string, V>(async (keys) => {
    const values = await inner.loadMany(keys);
    return Promise.all(values.map(async (v) => (v instanceof Error || v === null ? v : Array.isArray(v) ? ((await Promise.all(v.map(settle))) as V) : ((await settle(v as PlacementDoc)) as V))));
  });
}

/** A transfer request that ended unanswered or declined: the placement she is in names no transfer any more (she stays). */
export async function forgetTransfer(models: ShelterModels, request: Pick<PlacementRecord, '_id' | 'transferredFrom'>): Promise<void> {
  if (!request.transferredFrom) return;
  await models.placements.update(request.transferredFrom, (current) => (current.transferredTo === String(request._id) ? { transferredTo: null } : null));
}

/** The scan that expires unanswered requests on the hub's clock, through the list of requests awaiting an answer in each jurisdiction. */
export function requestExpiry(context: JobContext<ShelterModels>): ClockScan {
  const { models, audit: log, outbox } = context;
  return new ClockScan('placement-requests', context.scanMs, context.clock, context.logger, async (now) => {
    const awaiting = (await models.placements.loaderBy('requested').loadMany([...COUNTRY_CODES])).flatMap((list) => (list instanceof Error ? [] : list));
    for (const placement of awaiting) await expireIfDue(models, { now, log, outbox }, placement);
  });
}
