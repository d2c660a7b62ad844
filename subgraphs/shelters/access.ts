import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess } from '../common/access';
import type { Entity } from '../common/loaders';
import { isRecordId } from '../common/validate';
import type { PlacementRecord, ShelterContext, ShelterRecord, TransportRecord } from './models';
import { SecurityLevel } from './vocabulary';

/** Staff of the organisation that runs the shelter (token `org`), in its jurisdiction. */
function staffOf<P>(place: (parent: P) => { operator: string; jurisdiction: string }) {
  return basis<P>(
    "staff of the shelter's operator",
    'OPERATOR',
    (ctx, parent) => {
      const { operator, jurisdiction } = place(parent);
      return ctx.caller!.role === 'shelter_staff' && ctx.caller!.org === operator && ctx.caller!.jurisdiction === jurisdiction;
    },
    { roles: ['shelter_staff'] },
  );
}

type ShelterDoc = Entity<ShelterRecord>;
const shelterStaff = staffOf<ShelterDoc>((s) => s);
const everyone = basis<ShelterDoc>('any authenticated caller', 'ANY', () => true, { establishedBy: [] });
const notSecret = basis<ShelterDoc>(
  "the shelter's jurisdiction, unless its location is secret",
  'OWN_JURISDICTION',
  (ctx, s) => s.securityLevel !== SecurityLevel.SECRET_LOCATION && s.jurisdiction === ctx.caller!.jurisdiction,
  { establishedBy: ['OWN_JURISDICTION', 'NOT_SECRET'] },
);

/**
 * A shelter's name, place, capacity and what it offers are open to every authenticated
 * caller (partner systems match needs with them); its address and phone to its own staff,
 * and to social workers and police of its jurisdiction — for a SECRET_LOCATION shelter
 * only its staff and the police; who is placed there to its staff and the social workers
 * of its jurisdiction.
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
    LOCATION: {
      roles: ['shelter_staff', 'social_worker', 'law_enforcement'],
      bases: [shelterStaff, forRoles(['social_worker'], notSecret), forRoles(['law_enforcement'], ownJurisdiction((s) => s.jurisdiction))],
    },
    CONTACT: {
      roles: ['shelter_staff', 'social_worker', 'law_enforcement'],
      bases: [shelterStaff, forRoles(['social_worker'], notSecret), forRoles(['law_enforcement'], ownJurisdiction((s) => s.jurisdiction))],
    },
    PLACEMENTS: { roles: ['shelter_staff', 'social_worker'], bases: [shelterStaff, forRoles(['social_worker'], ownJurisdiction((s) => s.jurisdiction))] },
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
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ShelterContext).loaders.placement.load(id))?.shelterJurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    ['shelter', 'victim', 'status', 'from', 'expectedUntil', 'needs', 'requestedAt', 'confirmedAt', 'endedAt', 'endReason', 'transferredFrom', 'transferredTo'].map((f) => [f, 'LOCATION']),
  ),
  rules: {
    LOCATION: {
      roles: ['shelter_staff', 'social_worker'],
      bases: [staffOf<PlacementDoc>(atShelter), forRoles(['social_worker'], ownJurisdiction((p) => p.shelterJurisdiction)), forRoles(['social_worker'], victimSide)],
    },
  },
});

type TransportDoc = Entity<TransportRecord>;

/** A trip to court: the shelter's staff, the social workers and police of its jurisdiction (the escort), the victim's social workers. */
export const transportAccess = typeAccess<TransportDoc>({
  typeName: 'Transport',
  noun: 'this transport',
  id: (t) => t.id,
  jurisdiction: (t) => t.shelterJurisdiction,
  visibleOn: [
    basis<TransportDoc>("the victim's own jurisdiction", 'OWN_JURISDICTION', (ctx, t) => t.victimJurisdiction === ctx.caller!.jurisdiction, { establishedBy: ['VICTIM_JURISDICTION'] }),
  ],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ShelterContext).loaders.transport.load(id))?.shelterJurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(['hearingId', 'victim', 'pickupLocation', 'escort', 'departAt', 'arrangedAt'].map((f) => [f, 'LOCATION'])),
  rules: {
    LOCATION: {
      roles: ['shelter_staff', 'social_worker', 'law_enforcement'],
      bases: [
        staffOf<TransportDoc>(atShelter),
        forRoles(['social_worker', 'law_enforcement'], ownJurisdiction((t) => t.shelterJurisdiction)),
        forRoles(['social_worker'], establishedBy(['VICTIM_JURISDICTION'], ownJurisdiction((t) => t.victimJurisdiction))),
      ],
    },
  },
});
