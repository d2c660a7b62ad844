import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { AUDIT_ENV, readEnv } from '../../../platform/config';
import { randomSecrets } from '../../../scripts/development/dev-env';
import { AuditLog } from '../../common/audit';
import { auditKeys } from '../../common/audit-checkpoints';
import { Outbox } from '../../common/outbox';
import { asEntity, connectDatabase, type Entity } from '../../common/storage';
import { newId } from '../../common/validate';
import { shelterModels, type PlacementRecord, type ShelterModels, type ShelterRecord } from '../models';
import { PlacementStatus } from '../schema/vocabulary';
import { bedsHeld, holdVictim, takeBed } from './beds';
import { isDue, openRequestExpiresAt, type Expiry } from './expiry';

// Beds as slots (beds.ts) and the expiry of unanswered requests (expiry.ts), on the
// embedded database: a shelter is never booked beyond its capacity, a bed of an ended or
// expired placement is free again, and an expiry is written once, as the hub's own act.

const HOUR = 3_600_000;
let connection: Connection;
let models: ShelterModels;
let log: AuditLog;
let outbox: Outbox;

beforeAll(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `shelter_beds_test_${randomBytes(4).toString('hex')}`);
  models = shelterModels(connection, 48);
  await Promise.all(Object.values(connection.models).map((m) => m.init()));
  const env = readEnv(AUDIT_ENV, randomSecrets());
  log = new AuditLog(connection, 'shelters', auditKeys(env.AUDIT_CHAIN_KEY, env.AUDIT_SIGNING_KEY));
  outbox = new Outbox(connection);
});
afterAll(async () => {
  log.stop();
  await connection.dropDatabase();
  await connection.close();
});

async function aShelter(capacity: number): Promise<Entity<ShelterRecord>> {
  const _id = newId();
  return models.shelters.create({
    _id,
    name: `Shelter ${_id}`,
    jurisdiction: 'DE',
    city: 'Berlin',
    operator: 'ngo',
    capacity,
    services: [],
    accessibility: [],
    accepts: { genders: ['FEMALE'], unaccompaniedMinors: false, families: false, maxStayDays: 90 },
    languages: ['de'],
    securityLevel: 'STANDARD',
    address: 'Street 1',
    phone: '+49',
    registeredAt: new Date(),
    registeredBy: 'registrar',
  });
}

/** A placement holding a bed taken for it, as placements.ts writes one. */
async function aPlacement(shelter: Entity<ShelterRecord>, status: PlacementStatus, requestedAt: Date, expiry: Expiry): Promise<Entity<PlacementRecord>> {
  const _id = newId();
  const victimId = newId();
  expect(await holdVictim(models, expiry, victimId, _id)).toBe(true);
  const bed = await takeBed(models, expiry, shelter, _id);
  expect(bed).not.toBeNull();
  return models.placements.create({
    _id,
    shelterId: shelter.id,
    shelterJurisdiction: 'DE',
    operator: 'ngo',
    victimId,
    victimJurisdiction: 'DE',
    status,
    bed: bed!,
    from: '2031-01-01',
    expectedUntil: null,
    needs: [],
    requestedAt,
    requestedBy: 'social-worker',
    acceptedAt: null,
    acceptanceNote: null,
    confirmedAt: null,
    endedAt: null,
    endReason: null,
    transferredFrom: null,
    transferredTo: null,
  });
}

const expiredEvents = async (placementId: string) => (await log.events({ action: 'PLACEMENT_EXPIRED', subjectId: placementId })).length;
/** The `bed.freed` webhook events of a shelter in its subgraph's outbox. */
const bedsFreed = async (shelterId: string) => (await outbox.read(0, 10_000)).events.filter((e) => e.type === 'bed.freed' && e.ids.some((id) => id.value === shelterId)).length;

describe('beds', () => {
  it('are never taken beyond the capacity, however many ask at once', async () => {
    const shelter = await aShelter(3);
    const expiry = { now: new Date(), log, outbox };
    const taken = await Promise.all(Array.from({ length: 7 }, () => takeBed(models, expiry, shelter, newId())));
    expect(taken.filter((bed) => bed !== null).sort()).toEqual([1, 2, 3]);
    expect((await bedsHeld(models, [shelter], expiry)).get(shelter.id)).toBe(3); // being written now: still held
  });

  it('of a placement that ended are given back when counted', async () => {
    const shelter = await aShelter(2);
    const expiry = { now: new Date(), log, outbox };
    const stays = await aPlacement(shelter, PlacementStatus.CONFIRMED, new Date(), expiry);
    const ended = await aPlacement(shelter, PlacementStatus.CONFIRMED, new Date(), expiry);
    await models.placements.update(ended.id, { status: PlacementStatus.DISCHARGED });
    expect((await bedsHeld(models, [shelter], expiry)).get(shelter.id)).toBe(1);
    expect(await takeBed(models, expiry, shelter, newId())).toBe(ended.bed);
    expect(stays.bed).not.toBe(ended.bed);
  });
});

describe('an unanswered placement request', () => {
  it('is due exactly PLACEMENT_REQUEST_HOURS after it was made, and shows its deadline only while REQUESTED', () => {
    const requestedAt = new Date('2031-01-01T00:00:00Z');
    const due = new Date(requestedAt.getTime() + 48 * HOUR);
    expect(isDue({ status: PlacementStatus.REQUESTED, requestedAt }, 48, new Date(due.getTime() - 1))).toBe(false);
    expect(isDue({ status: PlacementStatus.REQUESTED, requestedAt }, 48, due)).toBe(true);
    expect(isDue({ status: PlacementStatus.ACCEPTED, requestedAt }, 48, due)).toBe(false);
    expect(openRequestExpiresAt({ status: PlacementStatus.REQUESTED, requestedAt }, 48)).toEqual(due);
    expect(openRequestExpiresAt({ status: PlacementStatus.ACCEPTED, requestedAt }, 48)).toBeNull();
  });

  it('expires when its bed is counted past its time, frees the bed, and is recorded once as the clock’s act', async () => {
    const shelter = await aShelter(1);
    const requestedAt = new Date(Date.now() - 49 * HOUR);
    const request = await aPlacement(shelter, PlacementStatus.REQUESTED, requestedAt, { now: requestedAt, log, outbox });
    const now = { now: new Date(), log, outbox };
    expect((await bedsHeld(models, [shelter], { now: requestedAt, log, outbox })).get(shelter.id)).toBe(1); // not due on its own clock
    expect((await bedsHeld(models, [shelter], now)).get(shelter.id)).toBe(0);
    expect((await bedsHeld(models, [shelter], now)).get(shelter.id)).toBe(0);
    const expired = (await models.Placement.findById(request.id).lean()) as PlacementRecord;
    expect(asEntity(expired)).toMatchObject({ status: 'EXPIRED', endReason: 'not answered by the shelter within 48 hours', endedAt: new Date(requestedAt.getTime() + 48 * HOUR) });
    expect(await expiredEvents(request.id)).toBe(1);
    expect((await log.events({ action: 'PLACEMENT_EXPIRED', subjectId: request.id }))[0]?.actor).toBe('placement-request-clock');
    expect(await bedsFreed(shelter.id)).toBe(1); // for partner systems waiting on a bed, once
  });

  it('that was accepted does not expire', async () => {
    const shelter = await aShelter(1);
    const requestedAt = new Date(Date.now() - 100 * HOUR);
    const accepted = await aPlacement(shelter, PlacementStatus.ACCEPTED, requestedAt, { now: requestedAt, log, outbox });
    expect((await bedsHeld(models, [shelter], { now: new Date(), log, outbox })).get(shelter.id)).toBe(1);
    expect(await expiredEvents(accepted.id)).toBe(0);
  });
});
