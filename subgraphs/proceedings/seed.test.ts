import { randomBytes } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { loadOrCreateIssuer } from '../../scripts/development/dev-issuer';
import { DEMO_COUNSEL } from './defence/seed';
import { randomSecrets } from '../../scripts/development/dev-env';
import { connectDatabase } from '../common/storage';
import { checkedPeriod, lastQuarters, quarterOf } from '../common/indicators';
import { DEFAULT_ASSISTANCE_DEADLINES } from './assistance/models';
import { demoIndicatorValues, shownIndicators } from '../common/demo-indicators';
import { countedIn } from './domain/indicators';
import { decisionDue } from './domain/order';
import { proceedingModels, type ProceedingContext, type ProceedingModels } from './models';
import { seedProceedings, type ProceedingSeedSecrets } from './seed';
import { Urgency } from './schema/vocabulary';
import { DEMO_INTERPRETER_CERTIFICATES } from '../common/demo';
import { sha256, textOf } from './translations/domain/original';
import type { TranslationSubjectType } from './translations/schema/vocabulary';

// The demo proceedings spread over the last 8 quarters (issue 26: the /indicators page
// shows trends): later steps after earlier ones, never after now, and every indicator of
// Region.prosecution shown (not suppressed, not zero) for some region in some period.

describe.each([
  ['seeded today', new Date()],
  ['seeded early in a year (its quarters split between two years)', new Date('2027-01-15T10:00:00Z')],
])('demo proceedings over the last 8 quarters, %s', (_when, now) => {
  let connection: Connection;
  let models: ProceedingModels;
  const secrets = randomSecrets() as ProceedingSeedSecrets;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `proceedings_spread_${randomBytes(4).toString('hex')}`);
    expect(await seedProceedings(connection, secrets, 300, () => {}, now)).toBe(true);
    models = proceedingModels(connection, { urgentHours: 24, expeditedHours: 72, standardDays: 30 }, secrets.CUSTODY_CHAIN_KEY, { deadlines: DEFAULT_ASSISTANCE_DEADLINES, deliveryKey: secrets.DELIVERY_CHAIN_KEY });
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('translates in every status, by the demo interpreters with VALID certificates, one translation stale since its original changed', async () => {
    const translations = await models.Translation.find().lean();
    expect(new Set(translations.map((t) => t.status))).toEqual(new Set(['REQUESTED', 'ASSIGNED', 'DELIVERED']));
    const valid = DEMO_INTERPRETER_CERTIFICATES.filter((c) => c.status === 'VALID').map((c) => c.code as string);
    const stale: string[] = [];
    for (const t of translations) {
      expect(t.translator === null || valid.includes(t.translator)).toBe(true);
      expect(t.requestedAt <= now && (t.deliveredAt === null || t.deliveredAt <= now)).toBe(true);
      const subjects = { EVIDENCE: models.Evidence, PROCEEDING: models.Proceeding, PROTECTIVE_ORDER: models.ProtectiveOrder, PRECEDENT: models.Precedent } as unknown as Record<string, Model<{ jurisdiction: string }>>;
      const subject = await subjects[t.subjectType].findById(t.subjectId).lean();
      expect({ id: t._id, jurisdiction: subject?.jurisdiction }).toEqual({ id: t._id, jurisdiction: t.jurisdiction });
      if (t.originalSha256 && t.originalSha256 !== sha256(textOf(t.subjectType as TranslationSubjectType, subject))) stale.push(t.language);
    }
    expect(stale).toEqual(['uk']);
  });

  it('appoints the counsel whose token `npm run token -- --role defence_counsel --jurisdiction DE` mints (its default subject and organisation)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'defence-token-'));
    const claims = decodeJwt(await (await loadOrCreateIssuer(dir)).sign({ role: 'defence_counsel', jurisdiction: 'DE' }));
    rmSync(dir, { recursive: true });
    expect({ sub: claims.sub, org: claims.org }).toEqual(DEMO_COUNSEL);
  });

  it('appoints the demo counsel in two proceedings, with disclosures, one on a judge’s order of a restricted item, and a deadline', async () => {
    const appointments = await models.DefenceAppointment.find().lean();
    expect(appointments.map((a) => [a.counselSubject, a.counselOrganisation, a.jurisdiction, a.endedAt])).toEqual([
      ['defence_counsel@de.example', 'DE-demo-org', 'DE', null],
      ['defence_counsel@de.example', 'DE-demo-org', 'DE', null],
    ]);
    const disclosures = await models.Disclosure.find().lean();
    expect(new Set(disclosures.map((d) => d.proceedingId))).toEqual(new Set(appointments.map((a) => a.proceedingId)));
    const ordered = disclosures.filter((d) => d.orderId);
    expect(ordered.length).toBeGreaterThan(0);
    const items = await models.Evidence.find({ _id: ordered[0].evidenceId }).lean();
    expect(['H2', 'H3']).toContain(items[0].handlingCode);
    expect((await models.Proceeding.find({ _id: appointments[0].proceedingId }).lean())[0].disclosureDueBy).toBeInstanceOf(Date);
  });

  it('opens proceedings in at least 6 of the last 8 quarters and closes them after, with convicted defendants of their own', async () => {
    const proceedings = await models.Proceeding.find().lean();
    const quarters = lastQuarters(now, 8).map((q) => `${q.year}-Q${q.quarter}`);
    expect(proceedings.every((p) => quarters.includes(quarterOf(p.openedAt)) && p.openedAt <= now)).toBe(true);
    expect(new Set(proceedings.map((p) => quarterOf(p.openedAt))).size).toBeGreaterThanOrEqual(6);
    expect(proceedings.every((p) => p.caseNumber.startsWith(`${p.jurisdiction}-${p.openedAt.getUTCFullYear()}-`))).toBe(true);
    for (const p of proceedings) {
      expect(p.closedAt !== null).toBe(p.stage === 'CLOSED');
      if (p.closedAt) expect(p.openedAt < p.closedAt && p.closedAt <= now).toBe(true);
      expect(p.convictedDefendants!.every((alias) => p.defendants.some((d) => d.alias === alias))).toBe(true);
      expect(p.convictedDefendants!.length > 0).toBe(p.outcome === 'Convicted');
      // Hearings held after the opening (and before a closing); one to come only while the proceeding is open.
      for (const h of p.hearings) expect(h.scheduledAt > p.openedAt && (h.scheduledAt <= now || p.closedAt === null)).toBe(true);
      if (p.closedAt) expect(p.hearings.every((h) => h.scheduledAt <= p.closedAt!)).toBe(true);
    }
    expect(new Set(proceedings.filter((p) => p.closedAt).map((p) => quarterOf(p.closedAt!))).size).toBeGreaterThanOrEqual(3);
  });

  it('requests protective orders while their proceeding is open and decides them after, urgent ones in time and late', async () => {
    const opened = new Map((await models.Proceeding.find().lean()).map((p) => [p._id, p]));
    const orders = await models.ProtectiveOrder.find().lean();
    for (const o of orders) {
      const p = opened.get(o.proceedingId)!;
      expect(o.requestedAt >= p.openedAt && o.requestedAt <= (p.closedAt ?? now)).toBe(true);
      expect(o.decisionDue).toEqual(decisionDue(o.requestedAt, o.urgency as Urgency, models.decisionTimes));
      expect(o.decidedAt === null).toBe(o.status === 'REQUESTED');
      if (o.decidedAt) expect(o.decidedAt > o.requestedAt && o.decidedAt <= (p.closedAt ?? now)).toBe(true);
    }
    const urgent = orders.filter((o) => o.urgency === 'URGENT' && o.decidedAt);
    expect(urgent.some((o) => o.decidedAt! <= o.decisionDue)).toBe(true);
    expect(urgent.some((o) => o.decidedAt! > o.decisionDue)).toBe(true);
  });

  it('drafts legal assistance requests after their proceeding opened, each step after the one before, never after now', async () => {
    const opened = new Map((await models.Proceeding.find().lean()).map((p) => [p._id, p]));
    const requests = await models.LegalAssistanceRequest.find().lean();
    for (const r of requests) {
      const times = r.history.map((t) => t.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThan(opened.get(r.proceedingId)!.openedAt.getTime());
      expect(times[times.length - 1]).toBeLessThanOrEqual(now.getTime());
    }
    expect(new Set(requests.map((r) => quarterOf(r.createdAt))).size).toBeGreaterThanOrEqual(5);
  });

  it('shows every prosecution indicator, not suppressed and not zero, for some region in some quarter or year', async () => {
    const values = await demoIndicatorValues<ProceedingContext>({ connection, service: 'proceedings', context: { models, now }, secrets, field: 'prosecution', countedIn });
    expect(shownIndicators(values)).toEqual(['CONVICTIONS', 'MLA_REQUESTS_OVERDUE', 'PROCEEDINGS_OPENED', 'URGENT_ORDERS_DECIDED_IN_TIME_RATE']);
    // And some cells suppressed: a quarter's proceedings of a region are too few to publish.
    const earliest = checkedPeriod(lastQuarters(now, 8)[0]).label;
    expect(values.find((v) => v.indicator === 'PROCEEDINGS_OPENED' && v.period === earliest)).toMatchObject({ suppressed: true });
  });
});
