import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Caller } from '../../platform/auth';
import { AuditLog, type AuditEntry } from '../common/audit';
import { auditKeys } from '../common/audit-checkpoints';
import { activePlacementOf, bedsOf, shelterModels, type PlacementRecord, type ShelterRecord, type TransportRecord } from './models';
import { Gender } from '../common/vocabulary';
import { registerShelter } from './domain/registry';
import type { RegisterShelterInput } from './schema/inputs';
import { Accessibility, PlacementStatus, SecurityLevel, ShelterService } from './schema/vocabulary';
import { DEMO_JURISDICTIONS, demoInstant, demoLater, demoVictimId, random, type SeedSecrets } from '../common/demo';

/**
 * Demo shelters, deterministic: 3 in each demo jurisdiction (18), one of them run by the
 * development tokens' default organisation (`<J>-demo-org`, so a `shelter_staff` token
 * minted for that jurisdiction is its staff), a SECRET_LOCATION one in DE, one for
 * unaccompanied minors in IT; and 120 placements of demo victims in their own
 * jurisdiction's shelters with history (transfers and discharges), the active ones
 * holding their beds (AL's and DE's smallest shelters full), the ended ones over the last
 * 8 quarters (`demoInstant`: the indicators page shows trends), and trips to the
 * hearings the demo proceedings held during the stays (`hearings`, read from their
 * database by scripts/development/seed.ts). Nothing is seeded into a database that holds
 * shelters.
 */

const SEED: Caller = { sub: 'seed', role: 'social_worker', jurisdiction: 'none', org: 'demo data', issuer: 'seed', oversight: [] };
const DAY = 86_400_000;
const HOUR = 3_600_000;
const CITIES: Record<string, [string, string, string]> = {
  AL: ['Tirana', 'Durrës', 'Shkodër'],
  RS: ['Belgrade', 'Novi Sad', 'Niš'],
  DE: ['Berlin', 'Munich', 'Hamburg'],
  AT: ['Vienna', 'Graz', 'Linz'],
  IT: ['Milan', 'Naples', 'Palermo'],
  GR: ['Athens', 'Thessaloniki', 'Patras'],
};
const LOCAL_LANGUAGE: Record<string, string> = { AL: 'sq', RS: 'sr', DE: 'de', AT: 'de', IT: 'it', GR: 'el' };
const ALL_GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'];

function stableId(kind: string, i: number): string {
  return createHash('sha256').update(`justice-hub demo ${kind} ${i}`).digest('base64url').slice(0, 22);
}

/** What the region's registrar enters for each demo shelter (the API's input), with its stable id. */
function demoShelters(): Array<{ id: string; jurisdiction: string; input: RegisterShelterInput }> {
  return DEMO_JURISDICTIONS.flatMap((j, ji) =>
    CITIES[j].map((city, k) => {
      const secret = j === 'DE' && k === 2;
      const minors = j === 'IT' && k === 1;
      const input = {
        name: minors ? `Casa Aurora for Young People (${city})` : secret ? `Safe House ${city}` : k === 0 ? `${city} Survivors' Shelter` : `${city} Recovery House`,
        operator: k === 0 ? `${j}-demo-org` : `${j.toLowerCase()}-ngo-${k}`,
        city,
        capacity: k === 1 ? 6 : k === 0 ? 12 : 8,
        services: [
          ShelterService.MEDICAL,
          ShelterService.PSYCHOLOGICAL,
          ...(k !== 1 ? [ShelterService.LEGAL_COUNSELLING, ShelterService.INTERPRETATION] : []),
          ...(minors ? [ShelterService.CHILD_CARE] : []),
          ...(k === 0 ? [ShelterService.VOCATIONAL_TRAINING] : []),
          ...(secret || k === 0 ? [ShelterService.SECURE_TRANSPORT] : []),
        ],
        accessibility: k === 0 ? [Accessibility.WHEELCHAIR, Accessibility.HEARING] : k === 2 ? [Accessibility.WHEELCHAIR] : [],
        acceptsGenders: (k === 1 ? ['FEMALE', 'NON_BINARY', 'UNDISCLOSED'] : ALL_GENDERS) as Gender[],
        acceptsUnaccompaniedMinors: minors,
        acceptsFamilies: k === 0,
        maxStayDays: minors ? 365 : k === 0 ? 180 : 90,
        languages: [LOCAL_LANGUAGE[j], 'en', ...(k === 0 ? ['uk', 'ro'] : []), ...(j === 'IT' || j === 'GR' ? ['ar'] : [])],
        securityLevel: secret ? SecurityLevel.SECRET_LOCATION : k === 0 ? SecurityLevel.HIGH : SecurityLevel.STANDARD,
        address: `${10 + ji * 3 + k} Demo Street, ${city} (demo address)`,
        phone: `+00 ${100 + ji} ${1000 + k}`,
      } satisfies Omit<RegisterShelterInput, 'jurisdiction'>;
      return { id: stableId('shelter', ji * 3 + k), jurisdiction: j, input: input as RegisterShelterInput };
    }),
  );
}

/** A hearing the demo proceedings held (read from their database by scripts/development/seed.ts): where the demo trips go. */
export interface HeldHearing {
  id: string;
  scheduledAt: Date;
  jurisdiction: string;
}

export interface ShelterSeedOptions {
  victimCount?: number;
  log?: (line: string) => void;
  /** The seed's clock (tests). */
  now?: Date;
  /** The hearings the demo proceedings held: a stay with one of its jurisdiction during it may have had a trip to it. */
  hearings?: HeldHearing[];
}

export async function seedShelters(connection: Connection, secrets: SeedSecrets, options: ShelterSeedOptions = {}): Promise<boolean> {
  const { victimCount = 300, log = console.log, now = new Date(), hearings = [] } = options;
  const models = shelterModels(connection);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  if ((await models.Shelter.estimatedDocumentCount()) > 0) return false;
  const rnd = random(20261130);
  const entries: AuditEntry[] = [];
  const change = (action: string, subjectType: string, subjectId: string, fields: string[]) =>
    entries.push({ action, subjectType, subjectId, fields, deniedFields: [], decision: 'ALLOW', bases: [] });

  // Registered as the API registers them (domain/registry.ts), by each region's registrar, before the demo's 8 quarters.
  const shelters: ShelterRecord[] = [];
  for (const { id, jurisdiction, input } of demoShelters()) {
    const registrar: Caller = { sub: `registrar@${jurisdiction.toLowerCase()}.example`, role: 'registrar', jurisdiction, org: `${jurisdiction}-registry`, issuer: 'seed', oversight: [] };
    const audit = { change: <T>(action: string, type: string, subject: string, fields: string[], write: () => Promise<T>) => (change(action, type, subject, fields), write()) };
    const registered = await registerShelter({ models, caller: registrar, now: new Date(now.getTime() - 800 * DAY), audit }, input, id);
    shelters.push({ ...registered, _id: registered.id });
  }

  // Victims 0…99 have a current or last placement; victims 0…19 an earlier one too (120). The active ones
  // arrived in the last months; the ended ones over the last 8 quarters (more of late), each in a shelter
  // with a bed free all through the stay.
  const beds = new Map(shelters.map((s) => [s._id, 0]));
  const placements: PlacementRecord[] = [];
  // Stays in (or a request holding a bed of) a shelter at some time between `from` and `to`.
  const stayed = (s: ShelterRecord, from: Date, to: Date) =>
    placements.filter((p) => {
      const since = p.confirmedAt ?? (p.status === PlacementStatus.REQUESTED ? p.requestedAt : null);
      return p.shelterId === s._id && since && since < to && (!p.endedAt || p.endedAt > from);
    }).length;
  const isActive = (i: number) => i % 10 < 7 && (['AL', 'DE'].includes(DEMO_JURISDICTIONS[i % DEMO_JURISDICTIONS.length]) || i % 10 < 5);
  // The active stays first: they fill the beds of today; the ended ones then find a shelter with room at their time.
  const victims = Array.from({ length: Math.min(100, victimCount) }, (_, i) => i).sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || a - b);
  for (const i of victims) {
    const jurisdiction = DEMO_JURISDICTIONS[i % DEMO_JURISDICTIONS.length];
    const own = shelters.filter((s) => s.jurisdiction === jurisdiction && s.accepts.unaccompaniedMinors === false);
    // AL and DE fill their smallest shelter first (so it is full); elsewhere the emptiest takes the next.
    const fillFirst = jurisdiction === 'AL' || jurisdiction === 'DE';
    const free = (s: ShelterRecord) => s.capacity - beds.get(s._id)!;
    const order = [...own].sort((a, b) => (fillFirst ? a.capacity - b.capacity : free(b) - free(a)));
    const victimId = demoVictimId(i);
    const active = isActive(i);
    const requestedToday = active && i % 10 === 6;
    const requestedAt = active ? new Date(now.getTime() - (5 + rnd() * 80) * DAY) : demoInstant(rnd, now);
    const endedAt = active ? null : demoLater(requestedAt, 20 + rnd() * 70, now);
    const earlierFrom = new Date(requestedAt.getTime() - 40 * DAY);
    const fits = (s: ShelterRecord) => stayed(s, i < 20 ? earlierFrom : requestedAt, endedAt ?? now) < s.capacity;
    const shelter = active ? order.find((s) => beds.get(s._id)! < s.capacity && fits(s)) : [...order.slice(i % order.length), ...order.slice(0, i % order.length)].find(fits);
    if (!shelter) continue;
    const base = (id: string, s: ShelterRecord, from: Date): PlacementRecord => ({
      _id: id,
      shelterId: s._id,
      shelterJurisdiction: s.jurisdiction,
      operator: s.operator,
      victimId,
      victimJurisdiction: jurisdiction,
      status: PlacementStatus.CONFIRMED,
      bed: 0,
      from: from.toISOString().slice(0, 10),
      expectedUntil: new Date(from.getTime() + 60 * DAY).toISOString().slice(0, 10),
      needs: [ShelterService.PSYCHOLOGICAL],
      requestedAt: from,
      requestedBy: 'seed',
      acceptedAt: from,
      acceptanceNote: null,
      confirmedAt: demoLater(from, 1, now),
      endedAt: null,
      endReason: null,
      transferredFrom: null,
      transferredTo: null,
    });
    const current = base(stableId('placement', i), shelter, requestedAt);
    if (i < 20) {
      // An earlier stay: transferred into the current one, or discharged before it.
      const room = (s: ShelterRecord) => stayed(s, earlierFrom, requestedAt) < s.capacity;
      const earlierShelter = own.find((s) => s._id !== shelter._id && room(s)) ?? own.find(room)!;
      const earlier = base(stableId('placement-earlier', i), earlierShelter, earlierFrom);
      earlier.endedAt = requestedAt;
      if (i % 2 === 0 && !requestedToday) {
        Object.assign(earlier, { status: PlacementStatus.TRANSFERRED, endReason: `transferred to ${shelter.name}`, transferredTo: current._id });
        current.transferredFrom = earlier._id;
      } else Object.assign(earlier, { status: PlacementStatus.DISCHARGED, endReason: 'Returned home with support (demo)' });
      placements.push(earlier);
      change('PLACEMENT_REQUESTED', 'Placement', earlier._id, ['shelter', 'victim', 'from', 'expectedUntil', 'needs']);
    }
    if (active) {
      beds.set(shelter._id, beds.get(shelter._id)! + 1);
      current.bed = beds.get(shelter._id)!;
      // Requested a few hours ago, not yet answered by the shelter (it expires after PLACEMENT_REQUEST_HOURS).
      if (requestedToday) {
        const asked = new Date(now.getTime() - 6 * 3_600_000);
        const today = now.toISOString().slice(0, 10);
        Object.assign(current, { status: PlacementStatus.REQUESTED, requestedAt: asked, from: today, expectedUntil: new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10), acceptedAt: null, confirmedAt: null });
      }
    } else Object.assign(current, { status: PlacementStatus.DISCHARGED, endedAt, endReason: 'Moved to independent housing (demo)' });
    placements.push(current);
    change('PLACEMENT_REQUESTED', 'Placement', current._id, ['shelter', 'victim', 'from', 'expectedUntil', 'needs']);
  }
  await models.placements.createMany(placements);
  // The active placements hold their beds and their victims' one active placement.
  const held = placements.filter((p) => p.status === PlacementStatus.REQUESTED || p.status === PlacementStatus.CONFIRMED);
  await models.slots.model.insertMany([
    ...held.map((p) => ({ _id: `${bedsOf(p.shelterId)}#${p.bed}`, holder: p._id, at: p.requestedAt })),
    ...held.map((p) => ({ _id: `${activePlacementOf(p.victimId)}#1`, holder: p._id, at: p.requestedAt })),
  ]);

  // Three in four stays during which the victim's jurisdiction held a demo hearing had a trip to it, leaving a few hours
  // before, arranged by the staff up to three days before it left (domain/transport.ts).
  const transports: TransportRecord[] = [];
  for (const p of placements) {
    const until = Math.min((p.endedAt ?? now).getTime(), now.getTime());
    if (!p.confirmedAt) continue;
    const during = hearings.filter((h) => h.jurisdiction === p.victimJurisdiction && h.scheduledAt.getTime() - 6 * HOUR > p.confirmedAt!.getTime() && h.scheduledAt.getTime() < until);
    if (during.length === 0 || rnd() >= 0.75) continue;
    const hearing = during[Math.floor(rnd() * during.length)];
    const departAt = new Date(hearing.scheduledAt.getTime() - (2 + Math.floor(rnd() * 4)) * HOUR);
    const _id = stableId('transport', transports.length);
    transports.push({
      _id,
      hearingId: hearing.id,
      victimId: p.victimId,
      placementId: p._id,
      shelterJurisdiction: p.shelterJurisdiction,
      operator: p.operator,
      victimJurisdiction: p.victimJurisdiction,
      pickupLocation: 'At the shelter (demo)',
      escort: 'Shelter staff and a victim support worker (demo)',
      departAt,
      arrangedAt: new Date(Math.max(p.confirmedAt.getTime(), departAt.getTime() - 3 * DAY)),
      arrangedBy: 'seed',
    });
    change('TRANSPORT_ARRANGED', 'Transport', _id, ['pickupLocation', 'escort', 'departAt']);
  }
  await models.transports.createMany(transports);

  const audit = new AuditLog(connection, 'shelters', auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
  await audit.append(SEED, null, entries);
  audit.stop();
  const full = shelters.filter((s) => beds.get(s._id) === s.capacity).length;
  log(`Seeded ${shelters.length} shelters (${full} full), ${placements.length} placements (${held.length} active) and ${transports.length} transports to hearings.`);
  return true;
}
