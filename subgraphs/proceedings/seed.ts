import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Caller } from '../../platform/auth';
import { AuditLog, type AuditEntry } from '../common/audit';
import { auditKeys } from '../common/audit-checkpoints';
import { custodyChain, proceedingModels } from './models';
import { decisionDue } from './domain/order';
import { ProceedingKind, ProceedingStage, ProtectiveOrderKind, ProtectiveOrderStatus, STAGE_ORDER, Urgency } from './schema/vocabulary';
import { DEMO_JURISDICTIONS, demoInstant, demoLater, demoVictimId, random, type SeedSecrets } from '../common/demo';
import { demoPrecedentRecords, loadPrecedents } from './precedents/seed';
import { seedAssistance } from './assistance/seed';
import { DEFAULT_ASSISTANCE_DEADLINES } from './assistance/models';
import { demoTeams } from './teams/seed';
import { demoTranslations } from './translations/seed';
import { seedDefence } from './defence/seed';

/**
 * Demo proceedings, deterministic: 90 proceedings over the 6 demo jurisdictions, each
 * linked to 1–3 demo victims of the same jurisdiction (their ids are stable), opened over
 * the last 8 quarters (`demoInstant`: the indicators page shows trends), the older ones
 * further on (hearings held, closed, most criminal ones with defendants convicted),
 * 54 protective orders in every status and urgency in every jurisdiction (decided in time
 * or late; some overdue), 80 items of evidence with chains of custody, the 40 demo
 * precedents (subgraphs/proceedings/precedents/demo-decisions.ts) and 26 legal assistance
 * requests with their delivery evidence (subgraphs/proceedings/assistance/seed.ts), 6
 * translations in every status, one stale (subgraphs/proceedings/translations/seed.ts), a
 * defence counsel appointed in two proceedings with disclosures (defence/seed.ts) —
 * written through the subgraph's own collections and audited in its own chain. Nothing
 * is seeded into a database that holds proceedings. `now`: the seed's clock (tests).
 */

const SEED: Caller = { sub: 'seed', role: 'prosecutor', jurisdiction: 'none', org: 'demo data', issuer: 'seed', oversight: [] };
const DAY = 86_400_000;
const CHARGES = ['Trafficking in human beings (art. 2, Directive 2011/36/EU)', 'Forced labour', 'Sexual exploitation', 'Forced criminality', 'Money laundering'];
const COURTS: Record<string, string> = { AL: 'Gjykata e Shkallës së Parë Tiranë', RS: 'Viši sud u Beogradu', DE: 'Landgericht Berlin', AT: 'Landesgericht Wien', IT: 'Tribunale di Milano', GR: 'Πλημμελειοδικείο Αθηνών' };

export type ProceedingSeedSecrets = SeedSecrets & { CUSTODY_CHAIN_KEY: string; DELIVERY_CHAIN_KEY: string };

/** The demo victims of a jurisdiction (the victims seed places victim i in DEMO_JURISDICTIONS[i % 6]). */
function victimsOf(jurisdiction: string, victimCount: number): string[] {
  const at = DEMO_JURISDICTIONS.indexOf(jurisdiction);
  return Array.from({ length: Math.ceil(victimCount / DEMO_JURISDICTIONS.length) }, (_, k) => at + k * DEMO_JURISDICTIONS.length)
    .filter((i) => i < victimCount)
    .map(demoVictimId);
}

function stableId(kind: string, i: number): string {
  return createHash('sha256').update(`justice-hub demo ${kind} ${i}`).digest('base64url').slice(0, 22);
}

export async function seedProceedings(connection: Connection, secrets: ProceedingSeedSecrets, victimCount = 300, log: (line: string) => void = console.log, now = new Date()): Promise<boolean> {
  const models = proceedingModels(connection, { urgentHours: 24, expeditedHours: 72, standardDays: 30 }, secrets.CUSTODY_CHAIN_KEY, {
    deadlines: DEFAULT_ASSISTANCE_DEADLINES,
    deliveryKey: secrets.DELIVERY_CHAIN_KEY,
  });
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  if ((await models.Proceeding.estimatedDocumentCount()) > 0) return false;
  const audit = new AuditLog(connection, 'proceedings', auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
  const rnd = random(20261129);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const entries: AuditEntry[] = [];
  const change = (action: string, subjectType: string, subjectId: string, fields: string[]) =>
    entries.push({ action, subjectType, subjectId, fields, deniedFields: [], decision: 'ALLOW', bases: [] });

  // Opened over the last 8 quarters (more of late); each moves a stage every `stageDays`, so the
  // older ones have come to trial or closed, a criminal one mostly with its defendants convicted.
  const proceedings = Array.from({ length: 90 }, (_, i) => {
    const jurisdiction = DEMO_JURISDICTIONS[i % DEMO_JURISDICTIONS.length];
    const own = victimsOf(jurisdiction, victimCount);
    const victimIds = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(own)))];
    const openedAt = demoInstant(rnd, now);
    const stageDays = 30 + Math.floor(rnd() * 50);
    const stage = STAGE_ORDER[Math.min(STAGE_ORDER.length - 1, Math.floor((now.getTime() - openedAt.getTime()) / (stageDays * DAY)))];
    const closed = stage === ProceedingStage.CLOSED;
    const id = stableId('proceeding', i);
    const caseNumber = `${jurisdiction}-${openedAt.getUTCFullYear()}-${String(100 + i).padStart(4, '0')}`;
    const kind = i % 5 === 4 ? pick([ProceedingKind.CIVIL, ProceedingKind.COMPENSATION, ProceedingKind.ASYLUM]) : ProceedingKind.CRIMINAL;
    const defendants = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, d) => ({ alias: `Defendant ${String.fromCharCode(65 + d)}`, nationality: pick(['AL', 'RS', 'RO', 'NG', 'MD']), gender: pick(['MALE', 'FEMALE']) }));
    const outcome = !closed ? null : kind !== ProceedingKind.CRIMINAL ? 'Settled' : rnd() < 0.85 ? 'Convicted' : 'Acquitted';
    // The trial's first hearing, held once the proceeding came to trial; the next one still to come while it is open.
    const held = STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf(ProceedingStage.TRIAL) ? new Date(openedAt.getTime() + (2 * stageDays + 3) * DAY) : null;
    const hearing = (hearingId: string, scheduledAt: Date) => ({ id: hearingId, scheduledAt, court: COURTS[jurisdiction], victimAppearance: pick(['IN_PERSON', 'VIDEO_LINK', 'PRE_RECORDED', 'NOT_REQUIRED']), safeTransportNeeded: rnd() > 0.5, scheduledBy: 'seed' });
    const hearings = [
      ...(held && held < now ? [hearing(stableId('hearing-held', i), held)] : []),
      ...(stage !== ProceedingStage.INVESTIGATION && !closed ? [hearing(stableId('hearing', i), new Date(now.getTime() + (7 + Math.floor(rnd() * 60)) * DAY))] : []),
    ];
    change('PROCEEDING_OPENED', 'Proceeding', id, ['caseNumber', 'court', 'kind', 'charges', 'defendants', 'victims']);
    if (closed) change('STAGE_ADVANCED', 'Proceeding', id, ['stage', 'outcome', 'convictedDefendants']);
    return {
      _id: id,
      caseNumber,
      caseKey: `${jurisdiction}:${caseNumber}`,
      jurisdiction,
      court: COURTS[jurisdiction],
      kind,
      stage,
      charges: [...new Set([CHARGES[0], pick(CHARGES)])],
      defendants,
      victimIds,
      hearings,
      outcome,
      // A conviction names the defendants convicted (docs/indicators.md CONVICTIONS): now and then one of several is acquitted.
      convictedDefendants: outcome === 'Convicted' ? defendants.slice(0, defendants.length > 1 && rnd() < 0.3 ? -1 : undefined).map((d) => d.alias) : [],
      openedAt,
      openedBy: 'seed',
      closedAt: closed ? new Date(openedAt.getTime() + (STAGE_ORDER.length - 1) * stageDays * DAY) : null,
    };
  });
  await models.proceedings.createMany(proceedings);

  // 54 orders: every urgency in every status in every jurisdiction, requested while their proceeding was open, decided in
  // time or late (an urgent one 2–20 hours after the request, or 1–3 days: late); of the requested ones, some past their deadline.
  const urgencies = Object.values(Urgency);
  const statuses = Object.values(ProtectiveOrderStatus);
  const orders = Array.from({ length: 54 }, (_, i) => {
    const jurisdiction = DEMO_JURISDICTIONS[i % DEMO_JURISDICTIONS.length];
    const urgency = urgencies[Math.floor(i / 6) % 3];
    const status = statuses[Math.floor(i / 18)];
    const pending = status === ProtectiveOrderStatus.REQUESTED;
    const ofJurisdiction = proceedings.filter((p) => p.jurisdiction === jurisdiction && (!pending || p.closedAt === null));
    const p = ofJurisdiction[Math.floor(i / 6) % ofJurisdiction.length];
    const until = (p.closedAt ?? now).getTime() - 4 * DAY;
    const overdue = pending && i % 2 === 0;
    const requestedAt = pending
      ? new Date(Math.min(now.getTime(), Math.max(p.openedAt.getTime() + 3_600_000, now.getTime() - (overdue ? 40 : 0.2) * DAY)))
      : new Date(Math.max(p.openedAt.getTime(), p.openedAt.getTime() + rnd() * (until - p.openedAt.getTime())));
    const due = decisionDue(requestedAt, urgency, models.decisionTimes);
    const late = rnd() < 0.35;
    const decidedAt = pending ? null : demoLater(requestedAt, ((late ? 1.1 : 0.1) + rnd() * (late ? 2 : 0.75)) * ((due.getTime() - requestedAt.getTime()) / DAY), p.closedAt ?? now);
    const id = stableId('order', i);
    change('PROTECTIVE_ORDER_REQUESTED', 'ProtectiveOrder', id, ['kind', 'urgency', 'grounds', 'protectedPersonLocation']);
    if (!pending) change('PROTECTIVE_ORDER_DECIDED', 'ProtectiveOrder', id, ['status', 'reasons']);
    return {
      _id: id,
      proceedingId: p._id,
      jurisdiction: p.jurisdiction,
      kind: Object.values(ProtectiveOrderKind)[i % 5],
      urgency,
      protectedVictimId: p.victimIds[0],
      grounds: 'Threats against the victim and her family (demo)',
      protectedPersonLocation: i % 4 === 0 ? 'Shelter (demo address withheld)' : null,
      status,
      requestedAt,
      requestedBy: 'seed',
      decisionDue: due,
      decidedAt,
      decidedBy: pending ? null : 'seed-judge',
      reasons: pending ? null : status === ProtectiveOrderStatus.GRANTED ? 'Credible risk (demo)' : 'No present risk shown (demo)',
    };
  });
  await models.protectiveOrders.createMany(orders);

  // 80 items of evidence, each with a chain of custody of 2 to 4 events.
  const stepsOf = (i: number) => ['COLLECTED', 'SEALED', 'TRANSFERRED', 'ANALYZED'].slice(0, 2 + (i % 3));
  const evidence = Array.from({ length: 80 }, (_, i) => {
    const p = proceedings[i % proceedings.length];
    const officer = `officer-${p.jurisdiction.toLowerCase()}-${1 + (i % 3)}`;
    const id = stableId('evidence', i);
    change('EVIDENCE_REGISTERED', 'Evidence', id, ['kind', 'description', 'contentHash', 'handlingCode']);
    return {
      _id: id,
      proceedingId: p._id,
      jurisdiction: p.jurisdiction,
      kind: pick(['DIGITAL', 'FINANCIAL', 'DOCUMENT', 'TESTIMONY', 'PHYSICAL']),
      description: `Item ${i + 1} (demo)`,
      contentHash: createHash('sha256').update(`demo evidence ${i}`).digest('hex'),
      handlingCode: pick(['H0', 'H1', 'H2', 'H3']),
      handlingConditions: null,
      sourceReliability: pick(['A', 'B', 'C', 'X']),
      informationAccuracy: 1 + Math.floor(rnd() * 4),
      custodian: stepsOf(i).length > 2 ? `lab-${p.jurisdiction.toLowerCase()}` : officer,
      officer,
      courtUse: null,
      registeredAt: p.openedAt,
      registeredBy: 'seed',
    };
  });
  await models.evidence.createMany(evidence.map(({ officer, ...item }) => item));
  for (const [i, item] of evidence.entries()) {
    const lab = `lab-${item.jurisdiction.toLowerCase()}`;
    await models.custody.append(
      custodyChain(item._id),
      stepsOf(i).map((action, k) => ({ action, fromCustodian: k < 2 ? item.officer : k === 2 ? item.officer : lab, toCustodian: k < 2 ? item.officer : lab, note: null, at: demoLater(item.registeredAt, k, now), by: 'seed' })),
    );
    change('CUSTODY_RECORDED', 'Evidence', item._id, ['custody']);
  }
  // The demo case law, some of it published from the CLOSED demo proceedings.
  const precedents = demoPrecedentRecords(proceedings.filter((p) => p.stage === ProceedingStage.CLOSED));
  await loadPrecedents(connection, precedents);
  for (const p of precedents) change('PRECEDENT_PUBLISHED', 'Precedent', p._id, ['summary', 'significantFeatures', 'outcome']);
  const teams = demoTeams(proceedings.filter((p) => p.closedAt === null), now, stableId);
  await models.teams.createMany(teams);
  for (const team of teams) change('TEAM_CREATED', 'JointInvestigationTeam', team._id, ['name', 'parties', 'purpose', 'startsOn', 'endsOn', 'leaders', 'members', 'proceedings']);
  // 20 legal assistance requests between the demo jurisdictions, in every status.
  const requests = await seedAssistance(models, proceedings, now, stableId, change);
  // Translations in every status, one of them stale (translations/seed.ts).
  const translations = demoTranslations({ proceedings, evidence, orders, precedents }, now, stableId);
  await models.translations.createMany(translations);
  for (const t of translations) change('TRANSLATION_REQUESTED', 'Translation', t._id, ['subjectType', 'subjectId', 'language', 'status', 'requestedAt', 'dueBy', ...(t.text ? ['translator', 'text', 'originalSha256'] : [])]);
  // The defence: the demo counsel in two German proceedings, with disclosures (defence/seed.ts).
  const disclosures = await seedDefence(models, proceedings, evidence, now, stableId, change);
  await audit.append(SEED, null, entries);
  audit.stop();
  log(
    `Seeded ${proceedings.length} proceedings, ${orders.length} protective orders, ${evidence.length} items of evidence, ${precedents.length} precedents, ${teams.length} joint investigation teams, ${requests} legal assistance requests, ${translations.length} translations and ${disclosures} disclosures to the defence.`,
  );
  return true;
}
