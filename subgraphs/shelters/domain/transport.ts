import { badInput } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, dateTime, newId, recordId, text } from '../../common/validate';
import { activePlacementNamed } from './known';
import { mayActOn } from './placements';
import type { ShelterContext, TransportRecord } from '../models';
import type { TransportInput } from '../schema/inputs';

/**
 * Safe transport of a placed victim to a hearing: arranged by the staff of the shelter she
 * is in, or a social worker of its jurisdiction, for a departure in the future; the trip
 * carries the placement's jurisdictions, which decide who reads it (access.ts).
 */
export async function arrangeTransport(ctx: ShelterContext, hearingId: string, victimId: string, input: TransportInput): Promise<Entity<TransportRecord>> {
  const { hearing, pickupLocation, departAt } = await checkAll({
    hearing: () => recordId(hearingId, 'hearingId'),
    pickupLocation: () => text(input.pickupLocation, 'input.pickupLocation', { max: 300 }),
    departAt: () => {
      const departAt = dateTime(input.departAt, 'input.departAt');
      if (departAt <= ctx.now) throw badInput('input.departAt', 'must be in the future');
      return departAt;
    },
  });
  const placement = mayActOn(ctx, await activePlacementNamed(ctx, victimId), false);
  const _id = newId();
  return ctx.audit.change('TRANSPORT_ARRANGED', 'Transport', _id, ['pickupLocation', 'escort', 'departAt'], () =>
    ctx.models.transports.create({
      _id,
      hearingId: hearing,
      victimId: placement.victimId,
      placementId: placement.id,
      shelterJurisdiction: placement.shelterJurisdiction,
      operator: placement.operator,
      victimJurisdiction: placement.victimJurisdiction,
      pickupLocation,
      escort: input.escort,
      departAt,
      arrangedAt: ctx.now,
      arrangedBy: ctx.caller!.sub,
    }),
  );
}
