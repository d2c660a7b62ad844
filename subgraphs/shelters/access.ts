import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess, type CategoryRule } from '../common/access';
import type { Caller } from '../../platform/auth';
import type { RequestContext } from '../common/context';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import type { PlacementRecord, ShelterContext, ShelterRecord, TransportRecord } from './models';
import { SecurityLevel } from './schema/vocabulary';

/**
 * "Staff of that shelter": a shelter_staff token of the shelter's jurisdiction whose `org`
 * is the shelter's operator. The one test of it: who reads its address and its placements,
 * who accepts, declines and confirms a placement there, and whose `me.shelters` it is.
 */
export function isStaffOf(caller: Pick<Caller, 'role' | 'org' | 'jurisdiction'> | null, shelter: { operator: string; jurisdiction: string }): boolean {
  return caller !== null && caller.role === 'shelter_staff' && caller.org === shelter.operator && caller.jurisdiction === shelter.jurisdiction;
}

/** Staff of the organisation that runs the shelter (token `org`), in its jurisdiction. */
function staffOf<P>(place: (parent: P) => { operator: string; jurisdiction: string }) {
  return basis<P>("staff of the shelter's operator", 'OPERATOR', (ctx, parent) => isStaffOf(ctx.caller, place(parent)), { roles: ['shelter_staff'] });
}

type ShelterDoc = Entity<ShelterRecord>;
const everyone = basis<ShelterDoc>('any authenticated caller', 'ANY', () => true, { establishedBy: [] });

/** What decides who may know where a shelter is. */
type Whereabouts = Pick<ShelterRecord, 'operator' | 'jurisdiction' | 'securityLevel'>;

/**
 * Who may know where a shelter is: its staff, the police of its jurisdiction, and the
 * social workers of its jurisdiction unless its location is secret. One rule for its
 * address and phone and for every address taken from it elsewhere (a pickup for court),
 * so that a secret location never leaves through another type. `where` finds the shelter
 * a record is about (null: none, so nobody).
 */
function whereaboutsRule<P>(where: (ctx: ShelterContext, parent: P) => Promise<Whereabouts | null> | Whereabouts | null): CategoryRule<P> {
  const holds = (test: (caller: NonNullable<ShelterContext['caller']>, shelter: Whereabouts) => boolean) => async (ctx: RequestContext, parent: P) => {
    const shelter = await where(ctx as ShelterContext, parent);
    return shelter !== null && test(ctx.caller!, shelter);
  };
  return {
    roles: ['shelter_staff', 'social_worker', 'law_enforcement'],
    bases: [
      basis<P>("staff of the shelter's operator", 'OPERATOR', holds((caller, s) => isStaffOf(caller, s)), { roles: ['shelter_staff'] }),
      forRoles(
        ['social_worker'],
        basis<P>("the shelter's jurisdiction, unless its location is secret", 'OWN_JURISDICTION', holds((caller, s) => s.securityLevel !== SecurityLevel.SECRET_LOCATION && s.jurisdiction === caller.jurisdiction), {
          establishedBy: ['OWN_JURISDICTION', 'NOT_SECRET'],
        }),
      ),
      forRoles(['law_enforcement'], basis<P>("the shelter's jurisdiction", 'OWN_JURISDICTION', holds((caller, s) => s.jurisdiction === caller.jurisdiction))),
    ],
  };
}

/**
 * A shelter's name, place, capacity and what it offers are open to every authenticated
 * caller (partner systems match needs with them); where it is (address, phone) to its
 * own staff, and to social workers and police of its jurisdiction — for a SECRET_LOCATION
 * shelter only its staff and the police; who is placed there to its staff and the social
 * workers of its jurisdiction.
 */
export const shelterAccess = typeAccess<ShelterDoc>({
  typeName: 'Shelter',
  noun: 'this shelter',
  id: (s) => s.id,
  jurisdiction: (s) => s.jurisdiction,
  visibleOn: [everyone],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ShelterContext).loaders.shelter.load(id))?.jurisdiction ?? null) : null),
  open: ['id', 'name', 'jurisdiction', 'city', 'operator', 'capacity', 'occupancy', 'availableBeds', 'services', 'accessibility', 'accepts', 'languages', 'securityLevel'],
  fields: { address: 'LOCATION', phone: 'CONTACT', placements: 'PLACEMENTS' },
  rules: {
    LOCATION: whereaboutsRule<ShelterDoc>((_ctx, s) => s),
    CONTACT: whereaboutsRule<ShelterDoc>((_ctx, s) => s),
    PLACEMENTS: { roles: ['shelter_staff', 'social_worker'], bases: [staffOf<ShelterDoc>((s) => s), forRoles(['social_worker'], ownJurisdiction((s) => s.jurisdiction))] },
  },
});

/** Where a placement is, and who holds it: the shelter's side of it. */
const atShelter = <P extends { operator: string; shelterJurisdiction: string }>(p: P) => ({ operator: p.operator, jurisdiction: p.shelterJurisdiction });

type PlacementDoc = Entity<PlacementRecord>;
const victimSide = basis<PlacementDoc>("the victim's own jurisdiction", 'OWN_JURISDICTION', (ctx, p) => p.victimJurisdiction === ctx.caller!.jurisdiction, {
  establishedBy: ['VICTIM_JURISDICTION'],
});

/**
 * Who is where: LOCATION data about the victim, for the shelter's staff and the social
 * workers of the shelter's or the victim's jurisdiction; every read is logged.
 */
export const placementAccess = typeAccess<PlacementDoc>({
  typeName: 'Placement',
  noun: 'this placement',
  id: (p) => p.id,
  jurisdiction: (p) => p.shelterJurisdiction,
  visibleOn: [victimSide],
  // That a placement exists says where a person is: known only to LOCATION's readers.
  knownTo: 'LOCATION',
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ShelterContext).loaders.placement.load(id))?.shelterJurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    ['shelter', 'victim', 'status', 'from', 'expectedUntil', 'needs', 'requestedAt', 'requestExpiresAt', 'acceptedAt', 'acceptanceNote', 'confirmedAt', 'endedAt', 'endReason', 'transferredFrom', 'transferredTo'].map((f) => [f, 'LOCATION']),
  ),
  rules: {
    LOCATION: {
      roles: ['shelter_staff', 'social_worker'],
      bases: [staffOf<PlacementDoc>(atShelter), forRoles(['social_worker'], ownJurisdiction((p) => p.shelterJurisdiction)), forRoles(['social_worker'], victimSide)],
    },
  },
});

type TransportDoc = Entity<TransportRecord>;

/** The shelter a transport picks its victim up from (through its placement). */
async function shelterOfTransport(ctx: ShelterContext, transport: TransportDoc): Promise<ShelterDoc | null> {
  const placement = await ctx.loaders.placement.load(transport.placementId);
  return placement ? ctx.loaders.shelter.load(placement.shelterId) : null;
}

/**
 * A trip to court: the shelter's staff, the social workers and police of its jurisdiction
 * (the escort), the victim's social workers; where it starts is an address at the
 * shelter, read as the shelter's own address is.
 */
export const transportAccess = typeAccess<TransportDoc>({
  typeName: 'Transport',
  noun: 'this transport',
  id: (t) => t.id,
  jurisdiction: (t) => t.shelterJurisdiction,
  knownTo: 'LOCATION',
  visibleOn: [
    basis<TransportDoc>("the victim's own jurisdiction", 'OWN_JURISDICTION', (ctx, t) => t.victimJurisdiction === ctx.caller!.jurisdiction, { establishedBy: ['VICTIM_JURISDICTION'] }),
  ],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ShelterContext).loaders.transport.load(id))?.shelterJurisdiction ?? null) : null),
  open: ['id'],
  fields: { ...Object.fromEntries(['hearingId', 'victim', 'escort', 'departAt', 'arrangedAt'].map((f) => [f, 'LOCATION'])), pickupLocation: 'SHELTER_ADDRESS' },
  rules: {
    LOCATION: {
      roles: ['shelter_staff', 'social_worker', 'law_enforcement'],
      bases: [
        staffOf<TransportDoc>(atShelter),
        forRoles(['social_worker', 'law_enforcement'], ownJurisdiction((t) => t.shelterJurisdiction)),
        forRoles(['social_worker'], establishedBy(['VICTIM_JURISDICTION'], ownJurisdiction((t) => t.victimJurisdiction))),
      ],
    },
    SHELTER_ADDRESS: whereaboutsRule<TransportDoc>(shelterOfTransport),
  },
});
