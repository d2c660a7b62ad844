import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../subgraphs/common/storage';
import { victimModels } from '../../subgraphs/victims/models';
import { assessScreening } from '../../subgraphs/victims/domain/screening';
import { DEMO_JURISDICTIONS, DEMO_QUARTERS, DEMO_REGIONS, demoVictimId, type SeedSecrets } from '../../subgraphs/common/demo';
import { seedProceedings, type ProceedingSeedSecrets } from '../../subgraphs/proceedings/seed';
import { proceedingModels } from '../../subgraphs/proceedings/models';
import { DEFAULT_ASSISTANCE_DEADLINES, deliveryChain } from '../../subgraphs/proceedings/assistance/models';
import { isOverdue } from '../../subgraphs/proceedings/assistance/domain/lifecycle';
import { stateOf } from '../../subgraphs/proceedings/teams/models';
import { bedsHeld } from '../../subgraphs/shelters/domain/beds';
import { shelterModels } from '../../subgraphs/shelters/models';
import { seedShelters } from '../../subgraphs/shelters/seed';
import { seedLegalAid } from '../../subgraphs/legal-aid/seed';
import { legalAidModels, type LegalAidContext } from '../../subgraphs/legal-aid/models';
import { demoIndicatorValues, shownIndicators } from '../../subgraphs/common/demo-indicators';
import { countedIn } from '../../subgraphs/legal-aid/domain/indicators';
import { checkedPeriod, lastQuarters, quarterOf } from '../../subgraphs/common/indicators';
import { randomSecrets } from './dev-env';
import { seedDemoData } from '../../subgraphs/victims/seed';
import { isPurpose } from '../../platform/purposes';
import { victimLoaders, type VictimContext } from '../../subgraphs/victims/models';
import { missingReturnConsent } from '../../subgraphs/victims/domain/returns';
import { monthsAfter, reintegrationReviewsDue, REVIEW_MONTHS } from '../../subgraphs/victims/domain/reintegration';
import { AuditLog } from '../../subgraphs/common/audit';
import { auditKeys } from '../../subgraphs/common/audit-checkpoints';

describe('demo data (npm start seeds it once)', () => {
  let connection: Connection;
  const secrets = randomSecrets() as SeedSecrets;
  const key = secrets.IDENTITY_HASH_KEY;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `victims_seed_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('seeds 300 victims over 6 jurisdictions in 3 regions, with screenings and consents, once', async () => {
    const lines: string[] = [];
    expect(await seedDemoData(connection, secrets, 300, (line) => lines.push(line))).toBe(true);
    expect(lines.join('\n')).toMatch(/Seeded 300 synthetic victims/);
    expect(lines.join('\n')).toMatch(/Seeded 12 returns home \(12 consents for them\) and 2 reintegration plans/);

    const { Victim, Consent } = victimModels(connection, key);
    const victims = await Victim.find().lean();
    expect(victims).toHaveLength(300);
    expect(Object.keys(DEMO_REGIONS)).toHaveLength(3);
    expect(new Set(victims.map((v) => v.jurisdiction))).toEqual(new Set(Object.values(DEMO_REGIONS).flat()));

    const assessed = victims.filter((v) => v.screenings.length > 0).map((v) => assessScreening(v.screenings[0]));
    expect(assessed.length).toBeGreaterThan(200);
    const positive = assessed.filter((s) => s.indicatesTrafficking).length;
    expect(positive).toBeGreaterThan(50);
    expect(positive).toBeLessThan(assessed.length);

    const jurisdictionOf = new Map(victims.map((v) => [String(v._id), v.jurisdiction]));
    const consents = await Consent.find().lean();
    expect(consents.some((c) => c.granteeJurisdictions.some((j) => j !== jurisdictionOf.get(String(c.victimId))))).toBe(true);
    expect(consents.some((c) => c.withdrawnAt !== null)).toBe(true);
    expect(consents.some((c) => c.withdrawnAt === null)).toBe(true);

    expect(consents.every((c) => c.purposes.length > 0 && c.purposes.every((p) => isPurpose(p)))).toBe(true);
    // Stable ids, so that other subgraphs' demo data can refer to the same victims.
    expect(victims.map((v) => v._id).sort()).toEqual(Array.from({ length: 300 }, (_, i) => demoVictimId(i)).sort());
    expect(await seedDemoData(connection, secrets, 300, () => {})).toBe(false);
    expect(await Victim.countDocuments()).toBe(300);
    expect([await victimModels(connection, key).returnPlans.model.countDocuments(), await victimModels(connection, key).reintegrationPlans.model.countDocuments()]).toEqual([12, 2]);
  });

  it('spreads the victims over the last eight quarters, each step after the one before, so every region has a trend to show', async () => {
    const { Victim, victims: listed } = victimModels(connection, key);
    const victims = await Victim.find().lean();
    const now = new Date();
    const quarters = lastQuarters(now, DEMO_QUARTERS).map((q) => `${q.year}-Q${q.quarter}`);
    const registered = new Map(quarters.map((q) => [q, victims.filter((v) => quarterOf(v.registeredAt) === q).length]));
    expect([...registered.values()].filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
    expect(victims.every((v) => quarters.includes(quarterOf(v.registeredAt)) && v.registeredAt <= now)).toBe(true);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const identified = victims.filter((v) => v.counted?.identifiedOn);
    expect(identified.length).toBeGreaterThan(50);
    for (const v of identified) expect([day(v.registeredAt) <= v.counted!.identifiedOn!, v.identification?.identifiedOn]).toEqual([true, v.counted!.identifiedOn]);
    expect(victims.filter((v) => v.recoveryPeriod).every((v) => v.recoveryPeriod!.startsOn >= day(v.registeredAt))).toBe(true);
    // Counted through the indicators' lists: the current quarter of every region holds 11 people or more (shown).
    const current = quarters[quarters.length - 1];
    for (const jurisdictions of Object.values(DEMO_REGIONS)) {
      const sizes = await Promise.all(jurisdictions.map((j) => listed.lists.size(listed.list('registeredIn', `${j}/${current}`))));
      expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(11);
    }
  });

  it('seeds two returns home in each status between the demo jurisdictions, one refused for risk, each on her consent, her status following it', async () => {
    const models = victimModels(connection, key);
    const now = new Date();
    const ctx = { models, loaders: victimLoaders(models), now } as unknown as VictimContext;
    const plans = await models.returnPlans.model.find().lean();
    const byStatus = (status: string) => plans.filter((p) => p.status === status);
    for (const status of ['PROPOSED', 'ASSESSED', 'AGREED', 'DEPARTED', 'ARRIVED', 'CANCELLED']) expect([status, byStatus(status).length]).toEqual([status, 2]);
    const victims = new Map((await models.Victim.find().lean()).map((v) => [v._id, v]));
    const STATUS_OF_VICTIM: Record<string, string> = { DEPARTED: 'REPATRIATING', ARRIVED: 'REINTEGRATING' };
    for (const plan of plans) {
      const victim = victims.get(plan.victimId)!;
      expect([plan.sendingJurisdiction, victim.status, victim.nationality]).toEqual([victim.jurisdiction, STATUS_OF_VICTIM[plan.status] ?? 'IDENTIFIED', plan.destinationJurisdiction]);
      expect(DEMO_JURISDICTIONS).toContain(plan.destinationJurisdiction);
      expect(plan.destinationJurisdiction).not.toBe(plan.sendingJurisdiction);
      // Her consent to share what a return needs with the destination for REPATRIATION, found through her list, granted before the proposal.
      expect(await missingReturnConsent(ctx, plan.victimId, plan.destinationJurisdiction)).toEqual([]);
      const consents = (await ctx.loaders.consentsOfVictim.load(plan.victimId)).filter((c) => c.purposes.includes('REPATRIATION') && c.granteeJurisdictions.includes(plan.destinationJurisdiction));
      expect(consents.some((c) => c.grantedAt < plan.proposedAt && victim.identification!.recordedAt <= c.grantedAt && victim.registeredAt <= c.grantedAt)).toBe(true);
      expect(victim.sharedWith).toContain(plan.destinationJurisdiction);
      expect((await ctx.loaders.returnPlansOfVictim.load(plan.victimId)).map((p) => p.id)).toEqual([plan._id]);
      // Each step after the one before, none after now; only the steps its status has passed.
      const steps = [plan.proposedAt, plan.assessedAt, plan.agreedAt, plan.departedAt, plan.arrivedAt].filter((d): d is Date => d !== null);
      if (plan.cancelledAt) steps.push(plan.cancelledAt);
      for (let k = 1; k < steps.length; k++) expect(steps[k - 1] < steps[k]).toBe(true);
      expect(steps[steps.length - 1] <= now).toBe(true);
      expect(plan.riskLevel !== null).toBe(plan.assessedAt !== null);
      expect(plan.receptionAddress !== null).toBe(plan.agreedAt !== null);
      if (plan.agreedAt) expect(plan.riskLevel !== 'UNACCEPTABLE' && (plan.riskLevel !== 'HIGH' || plan.mitigation !== null)).toBe(true);
    }
    // Nothing but a return puts a victim in a return's status.
    for (const v of victims.values()) if (v.status === 'REPATRIATING' || v.status === 'REINTEGRATING') expect(plans.find((p) => p.victimId === v._id)?.status).toBe(v.status === 'REPATRIATING' ? 'DEPARTED' : 'ARRIVED');
    const refused = byStatus('CANCELLED').filter((p) => p.riskLevel === 'UNACCEPTABLE');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ agreedAt: null, cancelReason: expect.stringMatching(/risk/i), riskFactors: expect.arrayContaining(['RETRAFFICKING']) });
    // Every step in the returns' audit trail.
    const log = new AuditLog(connection, 'victims', auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
    try {
      for (const plan of plans) {
        const actions = (await log.trail('ReturnPlan', plan._id)).map((e) => e.action).sort();
        const expected = ['RETURN_PROPOSED', plan.assessedAt && 'RETURN_RISK_ASSESSED', plan.agreedAt && 'RETURN_AGREED', plan.departedAt && 'RETURN_DEPARTED', plan.arrivedAt && 'RETURN_ARRIVED', plan.cancelledAt && 'RETURN_CANCELLED'];
        expect(actions).toEqual(expected.filter((a): a is string => Boolean(a)).sort());
      }
    } finally {
      log.stop();
    }
  });

  it('seeds the two reintegration plans the arrivals opened: one review overdue now, the other due within a fortnight, as the worklist shows them', async () => {
    const models = victimModels(connection, key);
    const arrived = await models.returnPlans.model.find({ status: 'ARRIVED' }).lean();
    const plans = await models.reintegrationPlans.model.find().lean();
    expect(plans.map((p) => p.returnPlanId).sort()).toEqual(arrived.map((p) => p._id).sort());
    for (const plan of plans) {
      const ret = arrived.find((r) => r._id === plan.returnPlanId)!;
      expect(plan).toMatchObject({ status: 'OPEN', openedAt: ret.arrivedAt, jurisdiction: ret.destinationJurisdiction, sendingJurisdiction: ret.sendingJurisdiction, victimId: ret.victimId });
      expect(plan.reviews.map((r) => [r.monthsAfterArrival, r.dueAt])).toEqual(REVIEW_MONTHS.map((m) => [m, monthsAfter(ret.arrivedAt!, m)]));
      expect(plan.goals.length).toBeGreaterThan(0);
      for (const g of plan.goals) expect(ret.arrivedAt! <= g.addedAt && g.addedAt <= g.updatedAt && g.updatedAt <= new Date()).toBe(true);
      for (const r of plan.reviews.filter((r) => r.reviewedAt)) expect(r.dueAt <= r.reviewedAt! && r.reviewedAt! <= new Date()).toBe(true);
    }
    // As reintegrationReviewsDue lists them for a social worker of the destination: now the overdue one; in a month both, the longest overdue first.
    const [destination] = new Set(plans.map((p) => p.jurisdiction));
    expect(plans.every((p) => p.jurisdiction === destination)).toBe(true);
    const worklist = async (now: Date) => {
      const caller = { sub: `social_worker@${destination.toLowerCase()}.example`, role: 'social_worker', jurisdiction: destination };
      const page = await reintegrationReviewsDue({ models, loaders: victimLoaders(models), now, caller } as unknown as VictimContext, { first: 10 });
      return page.edges.map((e) => e.node.id);
    };
    const now = new Date();
    const [overdue, soon] = [...plans].sort((a, b) => a.nextReviewDue!.getTime() - b.nextReviewDue!.getTime());
    expect(overdue.nextReviewDue! < now && overdue.reviews.some((r) => r.reviewedAt)).toBe(true);
    expect(soon.nextReviewDue! > now && soon.nextReviewDue! < new Date(now.getTime() + 14 * 86_400_000)).toBe(true);
    expect(await worklist(now)).toEqual([overdue._id]);
    expect(await worklist(new Date(now.getTime() + 30 * 86_400_000))).toEqual([overdue._id, soon._id]);
  });

  it('gives demo consents written with a free-text purpose purposes from the vocabulary, the text kept as a note', async () => {
    const { Consent } = victimModels(connection, key);
    const [one] = await Consent.find().limit(1).lean();
    await Consent.collection.updateOne({ _id: one._id as never }, { $set: { purpose: 'criminal proceedings' }, $unset: { purposes: '', note: '' } });
    const lines: string[] = [];
    expect(await seedDemoData(connection, secrets, 300, (line) => lines.push(line))).toBe(false);
    expect(lines[0]).toBe('Gave 1 demo consents purposes from the vocabulary (their text kept as a note).');
    const migrated = (await Consent.collection.findOne({ _id: one._id as never }))!;
    expect(migrated).toMatchObject({ purposes: ['CRIMINAL_INVESTIGATION', 'PROSECUTION', 'ADJUDICATION'], note: 'criminal proceedings' });
    expect(migrated).not.toHaveProperty('purpose');
  });

  test.each([
    ['before victims were kept in lists', { caseReference: 'DE-OLD-1', jurisdiction: 'DE', status: 'PRESUMED' }],
    ['with ObjectId ids', { caseReference: 'DE-OLD-2', jurisdiction: 'DE', status: 'PRESUMED', _listed: ['victims/jurisdiction=DE#1'] }],
  ])('refuses, with what to do, a database written %s', async (_when, victim) => {
    const old = await connectDatabase(process.env.MONGODB_URI!, `victims_old_${randomBytes(4).toString('hex')}`);
    try {
      await old.collection('victims').insertOne(victim);
      await expect(seedDemoData(old, secrets, 10, () => {})).rejects.toThrow(/written by an earlier version of the hub.*remove \.data\/db/);
    } finally {
      await old.dropDatabase();
      await old.close();
    }
  });
});

describe('demo proceedings (npm start seeds them once, after the victims)', () => {
  let connection: Connection;
  const secrets = randomSecrets() as ProceedingSeedSecrets;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `proceedings_seed_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('seeds 90 proceedings over the 6 jurisdictions with victims of their own, 54 protective orders in every status and urgency, 80 items with custody chains, once', async () => {
    const lines: string[] = [];
    expect(await seedProceedings(connection, secrets, 300, (line) => lines.push(line))).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Seeded 90 proceedings, 54 protective orders, 80 items of evidence, .*40 precedents.*5 joint investigation teams/);
    const models = proceedingModels(connection, { urgentHours: 24, expeditedHours: 72, standardDays: 30 }, secrets.CUSTODY_CHAIN_KEY, {
      deadlines: DEFAULT_ASSISTANCE_DEADLINES,
      deliveryKey: secrets.DELIVERY_CHAIN_KEY,
    });
    const proceedings = await models.Proceeding.find().lean();
    expect(proceedings).toHaveLength(90);
    const victimHome = new Map(Array.from({ length: 300 }, (_, i) => [demoVictimId(i), DEMO_JURISDICTIONS[i % 6]]));
    for (const p of proceedings) {
      expect(p.victimIds.length).toBeGreaterThanOrEqual(1);
      expect(p.victimIds.length).toBeLessThanOrEqual(3);
      for (const v of p.victimIds) expect(victimHome.get(v)).toBe(p.jurisdiction);
    }
    expect(new Set(proceedings.map((p) => p.jurisdiction))).toEqual(new Set(DEMO_JURISDICTIONS));
    const orders = await models.ProtectiveOrder.find().lean();
    expect(new Set(orders.map((o) => `${o.status}:${o.urgency}`)).size).toBe(9);
    expect(orders.some((o) => o.status === 'REQUESTED' && o.decisionDue < new Date())).toBe(true);
    const evidence = await models.Evidence.find().lean();
    expect(evidence).toHaveLength(80);
    for (const item of evidence) expect(await models.custody.verify(`custody/${item._id}`)).toMatchObject({ valid: true });
    // The demo case law: searchable, and where a jurisdiction has a CLOSED proceeding, one of its precedents was published from it.
    const precedents = await models.Precedent.find().lean();
    expect(precedents).toHaveLength(40);
    expect((await models.precedentIndex.search({ first: 100 })).totalCount).toBe(40);
    const closed = new Map(proceedings.filter((p) => p.stage === 'CLOSED').map((p) => [p._id, p.jurisdiction]));
    const linked = precedents.filter((p) => p.proceedingId !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const p of linked) expect(closed.get(p.proceedingId!)).toBe(p.jurisdiction);
    // Joint investigation teams: every state, members as the development tokens' subjects, proceedings of their parties.
    const teams = await models.Team.find().lean();
    expect(teams.map((t) => stateOf(t, new Date())).sort()).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'EXPIRED', 'PENDING']);
    const home = new Map(proceedings.map((p) => [p._id, p.jurisdiction]));
    for (const team of teams) {
      for (const id of team.proceedingIds) expect(team.parties).toContain(home.get(id));
      expect(team.members.every((m) => m.sub === `${m.role}@${m.jurisdiction.toLowerCase()}.example`)).toBe(true);
    }
    // Legal assistance: 26 requests in every status, on proceedings of the requesting side, some overdue, one extended, every delivery chain intact.
    expect(lines[0]).toMatch(/26 legal assistance requests, \d+ translations and \d+ disclosures to the defence\.$/);
    const requests = await models.LegalAssistanceRequest.find().lean();
    expect(requests).toHaveLength(26);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'RECEIVED', 'RECOGNIZED', 'REFUSED', 'POSTPONED', 'EXECUTED', 'CLOSED']));
    for (const r of requests) {
      expect(home.get(r.proceedingId)).toBe(r.requestingJurisdiction);
      expect(r.executingJurisdiction).not.toBe(r.requestingJurisdiction);
      expect(r.history[r.history.length - 1].to).toBe(r.status);
      const chain = await models.delivery.verify(deliveryChain(r._id));
      expect(chain).toMatchObject({ valid: true });
      expect(chain.entries > 0).toBe(r.status !== 'DRAFT');
    }
    expect(requests.filter((r) => isOverdue(r, new Date())).map((r) => r.status).sort()).toEqual(['POSTPONED', 'RECEIVED', 'RECEIVED', 'RECOGNIZED']);
    expect(requests.filter((r) => r.extension !== null)).toHaveLength(1);
    expect(await seedProceedings(connection, secrets, 300, () => {})).toBe(false);
  });
});

describe('demo shelters (npm start seeds them once)', () => {
  let connection: Connection;
  const secrets = randomSecrets() as SeedSecrets;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `shelters_seed_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('seeds 18 shelters, 120 placements whose active ones hold exactly their beds and trips to hearings, once', async () => {
    const lines: string[] = [];
    expect(await seedShelters(connection, secrets, { log: (line) => lines.push(line) })).toBe(true);
    expect(lines[0]).toMatch(/^Seeded 18 shelters \(\d full\), 120 placements \(\d+ active\) and \d+ transports to hearings\.$/);
    const models = shelterModels(connection);
    const shelters = await models.Shelter.find().lean();
    expect(shelters).toHaveLength(18);
    expect(shelters.filter((s) => s.securityLevel === 'SECRET_LOCATION').map((s) => s.jurisdiction)).toEqual(['DE']);
    expect(shelters.filter((s) => s.accepts.unaccompaniedMinors).map((s) => s.jurisdiction)).toEqual(['IT']);
    const placements = await models.Placement.find().lean();
    expect(placements).toHaveLength(120);
    const held = await bedsHeld(models, shelters);
    for (const s of shelters) {
      const active = placements.filter((p) => p.shelterId === s._id && ['REQUESTED', 'CONFIRMED'].includes(p.status));
      expect(held.get(s._id)).toBe(active.length);
      expect(active.length).toBeLessThanOrEqual(s.capacity);
      for (const p of active) expect(p.victimJurisdiction).toBe(s.jurisdiction);
    }
    for (const j of ['AL', 'DE']) {
      const smallest = shelters.filter((s) => s.jurisdiction === j).sort((a, b) => a.capacity - b.capacity)[0];
      expect(held.get(smallest._id)).toBe(smallest.capacity);
    }
    const activeVictims = placements.filter((p) => ['REQUESTED', 'CONFIRMED'].includes(p.status)).map((p) => p.victimId);
    expect(new Set(activeVictims).size).toBe(activeVictims.length);
    expect(placements.some((p) => p.status === 'TRANSFERRED' && p.transferredTo)).toBe(true);
    expect(await seedShelters(connection, secrets, { log: () => {} })).toBe(false);
  });
});

describe('demo legal aid (npm start seeds it once)', () => {
  let connection: Connection;
  const secrets = randomSecrets() as SeedSecrets;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `legal_aid_seed_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('seeds 8 providers, 40 attorneys and 100 assignments with files handed across borders and two late starts, once', async () => {
    const openedAt = new Date(Date.now() - 100 * 86_400_000);
    const open = [0, 1].map((k) => ({ _id: `proceeding-gap-${k}-0000000`, jurisdiction: 'DE', openedAt, victimIds: [demoVictimId(2 + 6 * k)] }));
    const lines: string[] = [];
    expect(await seedLegalAid(connection, secrets, open, (line) => lines.push(line))).toBe(true);
    expect(lines).toEqual(['Seeded 8 legal aid providers, 40 attorneys, 100 assignments and 3 cross-border handoffs.']);
    const models = legalAidModels(connection);
    const attorneys = await models.Attorney.find().lean();
    for (const j of DEMO_JURISDICTIONS) {
      expect(attorneys.find((a) => a.practitionerId === `legal_aid_attorney@${j.toLowerCase()}.example`)).toMatchObject({ providerId: `${j}-demo-org`, jurisdictions: expect.arrayContaining([j]) });
    }
    const assignments = await models.Assignment.find().lean();
    const byId = new Map(assignments.map((a) => [a._id, a]));
    for (const h of await models.Handoff.find().lean()) {
      expect(byId.get(h.fromAssignmentId)!.status).toBe('HANDED_OFF');
      expect(byId.get(h.toAssignmentId!)).toMatchObject({ status: 'ACTIVE', jurisdiction: h.toJurisdiction, victimId: h.victimId });
    }
    const late = assignments.filter((a) => a.proceedingId?.startsWith('proceeding-gap'));
    expect(late.map((a) => a.activeFrom!.getTime() - openedAt.getTime())).toEqual([30 * 86_400_000, 30 * 86_400_000]);
    expect(await seedLegalAid(connection, secrets, open, () => {})).toBe(false);
  });

  it('spreads them over the last eight quarters, each step after the one before, so that every legal aid indicator shows a value', async () => {
    const models = legalAidModels(connection);
    const now = new Date();
    const assignments = await models.Assignment.find().lean();
    const quarters = lastQuarters(now, 8).map((q) => checkedPeriod(q).label);
    // At least 6 of the last 8 quarters hold more than one opening each (not just the odd handoff or late start).
    const openedIn = quarters.map((q) => assignments.filter((a) => quarterOf(a.openedAt) === q).length);
    expect(openedIn.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(6);
    for (const a of assignments) {
      // Opened, then represented some days later (the victim's consent recorded that day), then closed: none of it ahead of now.
      expect(a.openedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(a.activeFrom === null).toBe(a.status === 'OFFERED');
      if (a.activeFrom) {
        expect(a.activeFrom > a.openedAt).toBe(true);
        expect(a.representationConsent?.recordedAt).toEqual(a.activeFrom);
      }
      expect(a.closedAt !== null).toBe(['CLOSED', 'HANDED_OFF'].includes(a.status));
      if (a.closedAt) expect(a.activeFrom! < a.closedAt && a.closedAt <= now).toBe(true);
    }
    const byId = new Map(assignments.map((a) => [a._id, a]));
    for (const h of await models.Handoff.find().lean()) {
      // Offered while represented at home; on acceptance the home file is handed off and the next one opens, OFFERED until consent.
      const [home, next] = [byId.get(h.fromAssignmentId)!, byId.get(h.toAssignmentId!)!];
      expect(home.activeFrom! < h.offeredAt && h.offeredAt < h.decidedAt! && h.decidedAt! <= now).toBe(true);
      expect([home.closedAt, next.openedAt, next.matter]).toEqual([h.decidedAt, h.decidedAt, home.matter]);
    }

    // Every indicator of Region.legalAid has a value shown, non-zero, for a region in some quarter or year.
    const values = await demoIndicatorValues<LegalAidContext>({ connection, service: 'legal-aid', context: { models, now }, secrets, field: 'legalAid', countedIn });
    expect(shownIndicators(values)).toEqual(['HANDOFFS_ACCEPTED', 'REPRESENTATION_GAP_DAYS_MEDIAN', 'VICTIMS_LEGAL_AID_REQUESTED', 'VICTIMS_WITH_LEGAL_AID_RATE']);
  });
});
