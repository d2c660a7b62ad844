import { notFound, unavailable } from '../../../platform/errors';
import { isVisible, visibleOrNotFound, type TypeAccess } from '../../common/access';
import { ConsentUnavailable } from '../../common/consents';
import type { Entity } from '../../common/storage';
import { isRecordId, recordId } from '../../common/validate';
import { placementAccess, shelterAccess, transportAccess } from '../access';
import { activePlacementId } from './beds';
import type { PlacementRecord, ShelterContext, ShelterRecord, TransportRecord } from '../models';
import { ACTIVE_STATUSES } from '../schema/vocabulary';

/**
 * What a caller may know exists. A shelter, placement, transport or victim the caller may
 * not know of — another jurisdiction's, or a placement the caller has no basis to read —
 * answers exactly as an id nothing has: NOT_FOUND "<Type> <id> was not found" from a
 * mutation, null from an entity reference, left out of a list. Every such check of the
 * shelters subgraph is here, on the platform's visibility (`isVisible`,
 * `visibleOrNotFound`; placements and transports are `knownTo` LOCATION's readers).
 */

type PlacementDoc = Entity<PlacementRecord>;
type ShelterDoc = Entity<ShelterRecord>;
type TransportDoc = Entity<TransportRecord>;

/**
 * The basis on which the caller may know of this record, for the audit of a listing, or
 * null. Placements and transports declare `knownTo: 'LOCATION'`, so the engine's
 * visibility already asks for a role and a basis of LOCATION; here only the basis that
 * held is named.
 */
export async function mayKnow<P>(access: TypeAccess<P>, category: string, ctx: ShelterContext, record: P): Promise<string | null> {
  if (!(await isVisible(access, ctx, record))) return null;
  for (const basis of access.rules[category].bases) {
    const held = await basis.holds(ctx, record, category);
    if (held) return typeof held === 'string' ? `${basis.code}:${held}` : basis.code;
  }
  return null;
}

/** Of these records, those the caller may know of, in order; listing one is audited as a read of its id. */
async function known<P>(access: TypeAccess<P>, category: string, ctx: ShelterContext, records: P[]): Promise<P[]> {
  const bases = await Promise.all(records.map((record) => mayKnow(access, category, ctx, record)));
  records.forEach((record, i) => bases[i] && ctx.audit.noteRead(access.typeName, access.id(record), 'id', true, bases[i]));
  return records.filter((_, i) => bases[i] !== null);
}

/** Placements are known to whoever may read them (LOCATION): the shelter's staff, the social workers of its or the victim's jurisdiction. */
export const knownPlacements = (ctx: ShelterContext, placements: PlacementDoc[]) => known(placementAccess, 'LOCATION', ctx, placements);
export const knownTransports = (ctx: ShelterContext, transports: TransportDoc[]) => known(transportAccess, 'LOCATION', ctx, transports);

/** A shelter's residents now (requested or confirmed), oldest first, as far as the caller may know them. */
export async function currentPlacementsIn(ctx: ShelterContext, shelter: ShelterDoc): Promise<PlacementDoc[]> {
  const all = await ctx.loaders.placementsOfShelter.load(shelter.id);
  return knownPlacements(ctx, all.filter((p) => ACTIVE_STATUSES.includes(p.status)));
}

/** The victim's placements the caller may know of, oldest first. */
export async function placementsOfVictim(ctx: ShelterContext, victimId: string): Promise<PlacementDoc[]> {
  return knownPlacements(ctx, await ctx.loaders.placementsOfVictim.load(victimId));
}

/** Where the victim is now (requested or confirmed), if the caller may know it. */
export async function currentPlacementOf(ctx: ShelterContext, victimId: string): Promise<PlacementDoc | null> {
  const active = (await ctx.loaders.placementsOfVictim.load(victimId)).filter((p) => ACTIVE_STATUSES.includes(p.status));
  return (await knownPlacements(ctx, active))[0] ?? null;
}

/** The transport to a hearing the caller may know of. */
export async function transportsTo(ctx: ShelterContext, hearingId: string): Promise<TransportDoc[]> {
  return knownTransports(ctx, await ctx.loaders.transportsOfHearing.load(hearingId));
}

/** `_entities` for a placement: null for one the caller may not know of, as for an unknown id. */
export const placementReference = {
  __resolveReference: async (reference: { id: string }, ctx: ShelterContext): Promise<PlacementDoc | null> => {
    const placement = isRecordId(reference.id) ? await ctx.loaders.placement.load(reference.id) : null;
    return placement ? ((await knownPlacements(ctx, [placement]))[0] ?? null) : null;
  },
};

/** A shelter named in the arguments (every authenticated caller may know of every shelter). */
export async function shelterNamed(ctx: ShelterContext, id: string, field: string): Promise<ShelterDoc> {
  return visibleOrNotFound(shelterAccess, ctx, await ctx.loaders.shelter.load(recordId(id, field)), id);
}

/** A placement named in the arguments. */
export async function placementNamed(ctx: ShelterContext, id: string, field = 'placementId'): Promise<PlacementDoc> {
  return visibleOrNotFound(placementAccess, ctx, await ctx.loaders.placement.load(recordId(id, field)), id);
}

/** The victim's active placement: unknown victim, one the caller may not see, no active placement, or one the caller may not know of — all alike. */
export async function activePlacementNamed(ctx: ShelterContext, victimId: string, field = 'victimId'): Promise<PlacementDoc> {
  const id = await activePlacementId(ctx.models, recordId(victimId, field));
  const placement = id ? await ctx.loaders.placement.load(id) : null;
  if (!placement || !ACTIVE_STATUSES.includes(placement.status) || !(await isVisible(placementAccess, ctx, placement))) {
    throw notFound('Active placement of victim', victimId);
  }
  return placement;
}

/** Questions to the victims subgraph: when it cannot answer, nothing is placed (SERVICE_UNAVAILABLE). */
export async function askVictims<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (error instanceof ConsentUnavailable) throw unavailable(`The victim's consent could not be checked, so nothing was placed: ${error.message}`);
    throw error;
  }
}

/**
 * A victim named in the arguments, as the victims subgraph shows it to the caller (its CASE
 * data, read with the caller's token): its own jurisdiction.
 */
export async function victimNamed(ctx: ShelterContext, victimId: string): Promise<string> {
  const seen = await askVictims(() => ctx.consents.caseOf(victimId));
  const home = seen ? await askVictims(() => ctx.consents.jurisdictionOf(victimId)) : null;
  if (!home) throw notFound('Victim', victimId);
  return home;
}
