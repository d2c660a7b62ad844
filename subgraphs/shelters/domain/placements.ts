import { badInput, conflict, forbidden, notFound } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, localDate, newId, recordId, text, validOrUndefined } from '../../common/validate';
import { isStaffOf } from '../access';
import { forgetTransfer, isDue } from './expiry';
import { giveBackBed, holdVictim, releaseVictim, takeBed } from './beds';
import { askVictims, placementNamed, shelterNamed, victimNamed } from './known';
import { activePlacementOf, type PlacementRecord, type ShelterContext, type ShelterRecord } from '../models';
import { ACTIVE_STATUSES, PlacementStatus, ShelterService } from '../schema/vocabulary';
import { emitEvent } from '../../common/outbox';

/**
 * Placing a victim in a shelter: who may, and the steps that keep a bed and the victim's
 * one active placement consistent without transactions (beds.ts).
 */

type PlacementDoc = Entity<PlacementRecord>;
type ShelterDoc = Entity<ShelterRecord>;

/** What a placement abroad needs the victim to share with the shelter's jurisdiction. */
const PLACEMENT_CATEGORIES = ['LOCATION', 'HEALTH'];
const PLACEMENT_PURPOSE = 'SHELTER_PLACEMENT';
const MINOR_AGE_GROUPS = ['AGE_0_8', 'AGE_9_17'];

/** Whether active consents of the victim together share LOCATION and HEALTH for shelter placement. */
function coversPlacement(consents: Array<{ categories: string[]; purposes: string[] }>): boolean {
  const usable = consents.filter((c) => c.purposes.includes(PLACEMENT_PURPOSE));
  return PLACEMENT_CATEGORIES.every((category) => usable.some((c) => c.categories.includes(category)));
}

/**
 * A social worker, police officer or shelter worker of the shelter's jurisdiction places a
 * victim of that jurisdiction, or a foreign victim who shares LOCATION and HEALTH with it
 * for shelter placement; one of the victim's own jurisdiction places abroad when the victim
 * shares them with the shelter's jurisdiction. Returns the victim's jurisdiction. A victim
 * the caller may not see is not found, as an unknown one: refusals below only tell what the
 * caller may know already (the victim exists, and where it belongs).
 */
export async function mayPlace(ctx: ShelterContext, shelter: ShelterDoc, victimId: string): Promise<string> {
  const caller = ctx.caller!;
  const home = await victimNamed(ctx, victimId);
  if (caller.jurisdiction === shelter.jurisdiction) {
    if (home === caller.jurisdiction || coversPlacement(await askVictims(() => ctx.consents.consentsFor(victimId)))) return home;
    throw forbidden(`The victim (of ${home}) has not consented to share LOCATION and HEALTH with ${caller.jurisdiction} for shelter placement`);
  }
  if (caller.jurisdiction === home) {
    if (coversPlacement(await askVictims(() => ctx.consents.consentsFor(victimId, shelter.jurisdiction)))) return home;
    throw forbidden(`Placing abroad needs the victim's consent to share LOCATION and HEALTH with ${shelter.jurisdiction} for shelter placement`);
  }
  throw forbidden(`Only the shelter's jurisdiction (${shelter.jurisdiction}) or the victim's (${home}) places this victim`);
}

/** A shelter takes in only whom it accepts: checked against the victim's CASE data when the caller may read it. */
async function checkAccepted(ctx: ShelterContext, shelter: ShelterDoc, victimId: string): Promise<void> {
  const victim = await askVictims(() => ctx.consents.caseOf(victimId));
  if (victim?.gender && !shelter.accepts.genders.includes(victim.gender)) throw badInput('shelterId', `${shelter.name} does not take in ${victim.gender.toLowerCase()} guests`);
  if (victim?.ageGroup && MINOR_AGE_GROUPS.includes(victim.ageGroup) && !shelter.accepts.unaccompaniedMinors) throw badInput('shelterId', `${shelter.name} does not take in unaccompanied minors`);
}

export interface StayInput {
  from: string;
  expectedUntil?: string | null;
  needs: ShelterService[];
}

/** The stay asked for, every wrong date named at once. */
async function stay(shelter: ShelterDoc, input: StayInput, now: Date) {
  const { from, expectedUntil } = await checkAll({
    from: () => {
      const from = localDate(input.from, 'input.from');
      if (from < now.toISOString().slice(0, 10)) throw badInput('input.from', 'is in the past');
      return from;
    },
    expectedUntil: () => {
      if (input.expectedUntil == null) return null;
      const until = localDate(input.expectedUntil, 'input.expectedUntil');
      const from = validOrUndefined(() => localDate(input.from, 'input.from'));
      if (from === undefined) return until;
      if (until < from) throw badInput('input.expectedUntil', 'is before from');
      const days = (Date.parse(until) - Date.parse(from)) / 86_400_000;
      if (days > shelter.accepts.maxStayDays) throw badInput('input.expectedUntil', `${shelter.name} takes guests for at most ${shelter.accepts.maxStayDays} days`);
      return until;
    },
  });
  return { from, expectedUntil, needs: [...new Set(input.needs)] };
}

/**
 * Holds the victim's one active placement, then a bed, then writes the placement; what
 * fails gives back what was taken, so nothing is half done. CONFLICT when the shelter is
 * full or the victim is placed already.
 */
async function place(ctx: ShelterContext, shelter: ShelterDoc, record: Omit<PlacementRecord, 'bed'>, victimHeld: boolean, shelterField: 'shelterId' | 'toShelterId'): Promise<PlacementDoc> {
  const { models } = ctx;
  if (!victimHeld && !(await holdVictim(models, ctx.loaders.expiry, record.victimId, record._id))) {
    throw conflict('The victim has an active placement already: transfer or discharge it first', 'victimId');
  }
  const bed = await takeBed(models, ctx.loaders.expiry, shelter, record._id);
  if (bed === null) {
    if (!victimHeld) await releaseVictim(models, record.victimId, record._id);
    throw conflict(`No free bed in ${shelter.name}`, shelterField);
  }
  try {
    return await models.placements.create({ ...record, bed });
  } catch (error) {
    await giveBackBed(models, { _id: record._id, shelterId: shelter.id, bed });
    if (!victimHeld) await releaseVictim(models, record.victimId, record._id);
    throw error;
  }
}

export async function requestPlacement(ctx: ShelterContext, shelterId: string, victimId: string, input: StayInput): Promise<PlacementDoc> {
  const shelter = await shelterNamed(ctx, shelterId, 'shelterId');
  const victim = recordId(victimId, 'victimId');
  const dates = await stay(shelter, input, ctx.now);
  const victimJurisdiction = await mayPlace(ctx, shelter, victim);
  await checkAccepted(ctx, shelter, victim);
  const id = newId();
  const event = { ids: { placementId: id, shelterId: shelter.id }, jurisdictions: [...new Set([shelter.jurisdiction, victimJurisdiction])], organisations: [shelter.operator] };
  return ctx.audit.change('PLACEMENT_REQUESTED', 'Placement', id, ['shelter', 'victim', 'from', 'expectedUntil', 'needs'], () =>
    emitEvent(ctx, 'placement.requested', event, () => place(ctx, shelter, newPlacement(ctx, id, shelter, victim, victimJurisdiction, dates, null), false, 'shelterId')),
  );
}

function newPlacement(ctx: ShelterContext, id: string, shelter: ShelterDoc, victimId: string, victimJurisdiction: string, dates: Awaited<ReturnType<typeof stay>>, from: string | null): Omit<PlacementRecord, 'bed'> {
  return {
    _id: id,
    shelterId: shelter.id,
    shelterJurisdiction: shelter.jurisdiction,
    operator: shelter.operator,
    victimId,
    victimJurisdiction,
    status: PlacementStatus.REQUESTED,
    ...dates,
    requestedAt: ctx.now,
    requestedBy: ctx.caller!.sub,
    acceptedAt: null,
    acceptanceNote: null,
    confirmedAt: null,
    endedAt: null,
    endReason: null,
    transferredFrom: from,
    transferredTo: null,
  };
}

/**
 * Staff of the placement's shelter, or social workers of the shelter's (and, with
 * `victimSide`, the victim's) jurisdiction. Whoever may not read the placement does not
 * find it; only a reader who may not act here is refused.
 */
export function mayActOn(ctx: ShelterContext, placement: PlacementDoc, victimSide: boolean): PlacementDoc {
  const caller = ctx.caller!;
  const staff = isStaffOf(caller, atShelter(placement));
  const social = caller.role === 'social_worker' && (caller.jurisdiction === placement.shelterJurisdiction || (victimSide && caller.jurisdiction === placement.victimJurisdiction));
  if (!staff && !social) throw forbidden(`Only the shelter's staff or social workers of ${victimSide ? 'the shelter’s or the victim’s jurisdiction' : 'its jurisdiction'} do this`);
  return placement;
}

/** The shelter answers for itself: accepting, declining and confirming an arrival are its staff's alone. */
export function staffOnly(ctx: ShelterContext, placement: PlacementDoc): PlacementDoc {
  if (!isStaffOf(ctx.caller, atShelter(placement))) throw forbidden("Only the staff of the placement's shelter do this");
  return placement;
}

const atShelter = (p: PlacementDoc) => ({ operator: p.operator, jurisdiction: p.shelterJurisdiction });

/** Whom a placement's events concern (webhooks): the shelter's and the victim's jurisdictions, the shelter's operator. */
const placementEvent = (p: PlacementDoc) => ({ ids: { placementId: p.id, shelterId: p.shelterId }, jurisdictions: [...new Set([p.shelterJurisdiction, p.victimJurisdiction])], organisations: [p.operator] });
/** A bed free again: the shelter's id only (its jurisdiction and operator). */
const bedEvent = (p: PlacementDoc) => ({ ids: { shelterId: p.shelterId }, jurisdictions: [p.shelterJurisdiction], organisations: [p.operator] });

/**
 * Moves a placement from one of `from` to `to` under its lock, so of two answers at once
 * (accept and decline) one wins; CONFLICT naming its status when it cannot move.
 */
export async function movePlacement(ctx: ShelterContext, placement: PlacementDoc, to: PlacementStatus, from: string[], change: Partial<PlacementRecord>): Promise<PlacementDoc> {
  const updated = await ctx.models.placements.update(placement.id, (now) => {
    const status = isDue(now, ctx.models.requestHours, ctx.now) ? PlacementStatus.EXPIRED : now.status;
    if (!from.includes(status)) throw conflict(`The placement is ${status}; only a ${from.join(' or ')} one can become ${to}`, 'placementId');
    return { ...change, status: to };
  });
  if (!updated) throw notFound('Placement', placement.id);
  return updated;
}

/** Ends an active placement (discharged or transferred). */
export const endPlacement = (ctx: ShelterContext, placement: PlacementDoc, to: PlacementStatus, change: Partial<PlacementRecord>) => movePlacement(ctx, placement, to, ACTIVE_STATUSES, change);

/** The shelter's staff take the victim in: the request is answered, the bed stays held until arrival. */
export async function acceptPlacement(ctx: ShelterContext, placementId: string, note: string | null | undefined): Promise<PlacementDoc> {
  const checked = await checkAll({
    placementId: () => recordId(placementId, 'placementId'),
    note: () => (note == null ? null : text(note, 'note', { max: 500 })),
  });
  const placement = staffOnly(ctx, await placementNamed(ctx, checked.placementId));
  return ctx.audit.change('PLACEMENT_ACCEPTED', 'Placement', placement.id, ['status', 'acceptedAt', 'acceptanceNote'], () =>
    emitEvent(ctx, 'placement.accepted', placementEvent(placement), () => movePlacement(ctx, placement, PlacementStatus.ACCEPTED, [PlacementStatus.REQUESTED], { acceptedAt: ctx.now, acceptanceNote: checked.note })),
  );
}

/** The shelter's staff cannot take the victim in: the request ends with their reason, and its bed and the victim are free again. */
export async function declinePlacement(ctx: ShelterContext, placementId: string, reason: string): Promise<PlacementDoc> {
  const checked = await checkAll({ placementId: () => recordId(placementId, 'placementId'), reason: () => text(reason, 'reason', { max: 500 }) });
  const placement = staffOnly(ctx, await placementNamed(ctx, checked.placementId));
  return ctx.audit.change('PLACEMENT_DECLINED', 'Placement', placement.id, ['status', 'endedAt', 'endReason'], () =>
    emitEvent(ctx, 'placement.declined', placementEvent(placement), () =>
      emitEvent(ctx, 'bed.freed', bedEvent(placement), async () => {
        const declined = await movePlacement(ctx, placement, PlacementStatus.DECLINED, [PlacementStatus.REQUESTED], { endedAt: ctx.now, endReason: checked.reason });
        await giveBackBed(ctx.models, declined);
        await releaseVictim(ctx.models, declined.victimId, declined.id);
        await forgetTransfer(ctx.models, declined);
        return declined;
      }),
    ),
  );
}

/**
 * The victim arrived, as the shelter's staff confirm; only an accepted placement. The
 * arrival completes a transfer: the victim's one active placement passes from the
 * placement she left to this one, which then ends (TRANSFERRED) and frees its bed.
 */
export async function confirmPlacement(ctx: ShelterContext, placementId: string): Promise<PlacementDoc> {
  const placement = staffOnly(ctx, await placementNamed(ctx, placementId));
  const left = placement.transferredFrom ? await ctx.loaders.placement.load(placement.transferredFrom) : null;
  const confirmed = await ctx.audit.change('PLACEMENT_CONFIRMED', 'Placement', placement.id, ['status', 'confirmedAt'], () =>
    movePlacement(ctx, placement, PlacementStatus.CONFIRMED, [PlacementStatus.ACCEPTED], { confirmedAt: ctx.now }),
  );
  if (left) await completeTransfer(ctx, left, confirmed);
  return confirmed;
}

/** The arrival after a transfer: the victim's slot passes over, the placement she left ends and its bed is free. */
async function completeTransfer(ctx: ShelterContext, left: PlacementDoc, arrived: PlacementDoc): Promise<void> {
  const { models } = ctx;
  const victimSlot = activePlacementOf(arrived.victimId);
  // Left already (discharged meanwhile): the arrival takes the victim's slot afresh.
  if (!(await models.slots.handOver(victimSlot, 1, left.id, arrived.id))) await holdVictim(models, ctx.loaders.expiry, arrived.victimId, arrived.id);
  if (!ACTIVE_STATUSES.includes(left.status)) return;
  await ctx.audit.change('PLACEMENT_TRANSFERRED', 'Placement', left.id, ['status', 'endedAt', 'endReason'], () =>
    emitEvent(ctx, 'bed.freed', bedEvent(left), async () => {
      const ended = await endPlacement(ctx, left, PlacementStatus.TRANSFERRED, { endedAt: ctx.now, endReason: 'transferred: arrived at the next shelter', transferredTo: arrived.id });
      await giveBackBed(models, ended);
      return ended;
    }),
  );
}

/** Ends a stay with its reason and frees its bed and the victim (the reason is checked before the placement is looked up). */
export async function dischargePlacement(ctx: ShelterContext, placementId: string, reason: string): Promise<PlacementDoc> {
  const endReason = text(reason, 'reason', { max: 500 });
  const placement = mayActOn(ctx, await placementNamed(ctx, placementId), true);
  return ctx.audit.change('PLACEMENT_DISCHARGED', 'Placement', placement.id, ['status', 'endedAt', 'endReason'], () =>
    emitEvent(ctx, 'bed.freed', bedEvent(placement), async () => {
      const ended = await endPlacement(ctx, placement, PlacementStatus.DISCHARGED, { endedAt: ctx.now, endReason });
      await giveBackBed(ctx.models, ended);
      await releaseVictim(ctx.models, ended.victimId, ended.id);
      return ended;
    }),
  );
}

/**
 * A transfer asks the other shelter for a bed (a new placement, REQUESTED, its bed taken
 * first) and names it on the placement the victim is in, which goes on until she arrives
 * there (confirmPlacement completes the transfer). If the other shelter declines or does
 * not answer in time, she keeps her place: a transfer never leaves her without a bed.
 */
export async function transferPlacement(ctx: ShelterContext, placementId: string, toShelterId: string): Promise<PlacementDoc> {
  const placement = mayActOn(ctx, await placementNamed(ctx, placementId), true);
  if (!ACTIVE_STATUSES.includes(placement.status)) throw conflict(`The placement is ${placement.status}; only an active one is transferred`, 'placementId');
  const target = await shelterNamed(ctx, toShelterId, 'toShelterId');
  if (target.id === placement.shelterId) throw badInput('toShelterId', 'is the shelter the victim is in');
  const victimJurisdiction = await mayPlace(ctx, target, placement.victimId);
  await checkAccepted(ctx, target, placement.victimId);
  const dates = { from: ctx.now.toISOString().slice(0, 10), expectedUntil: placement.expectedUntil, needs: placement.needs as ShelterService[] };
  const id = newId();
  // One transfer at a time: refused before anything is audited when one is open already,
  // and checked again under the placement's lock, before the other shelter's bed is taken.
  const refuseIfTransferring = async (current: PlacementDoc) => {
    const pending = current.transferredTo ? await ctx.loaders.placement.load(current.transferredTo) : null;
    if (pending && OPEN_REQUEST_STATUSES.includes(pending.status)) throw conflict(`A transfer of this placement is waiting for an answer already (${pending.status})`, 'placementId');
  };
  await refuseIfTransferring(placement);
  return ctx.audit.change('PLACEMENT_TRANSFERRED', 'Placement', placement.id, ['transferredTo'], async () => {
    await ctx.models.placements.update(placement.id, async (current) => {
      if (!ACTIVE_STATUSES.includes(current.status)) throw conflict(`The placement is ${current.status}; only an active one is transferred`, 'placementId');
      await refuseIfTransferring(current);
      return { transferredTo: id };
    });
    try {
      return await place(ctx, target, newPlacement(ctx, id, target, placement.victimId, victimJurisdiction, dates, placement.id), true, 'toShelterId');
    } catch (error) {
      await ctx.models.placements.update(placement.id, (current) => (current.transferredTo === id ? { transferredTo: null } : null));
      throw error;
    }
  });
}

/** A request the other shelter has not answered, or accepted and she has not yet arrived. */
const OPEN_REQUEST_STATUSES: string[] = [PlacementStatus.REQUESTED, PlacementStatus.ACCEPTED];
