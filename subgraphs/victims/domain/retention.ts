import type { Caller } from '../../../platform/auth';
import { badInput, notFound } from '../../../platform/errors';
import type { AuditLog } from '../../common/audit';
import { recordId, text } from '../../common/validate';
import { ageGroupOf, ageOn } from './age';
import { dayOf, type VictimContext, type VictimModels, type VictimRecord } from '../models';
import { VictimStatus } from '../schema/vocabulary';

/**
 * Retention and erasure. A closed record keeps its personal data for the retention
 * period, then it is anonymized: identity, contact, location, health and testimony are
 * removed, and the identity hash with them (its set is gone with it, common/storage/sets.ts);
 * CASE fields stay for statistics, the age as its CTDC bin. Consent notes (free text) go
 * too. Audit events stay: they name fields and decisions, never the data.
 *
 * Each erasure is announced (common/erasure-feed.ts) before the record is anonymized, so
 * the other subgraphs erase their part even if this process stops half-way: a notice
 * without the anonymization is repaired by asking again; the reverse would be lost.
 */

/** What anonymization removes, as the audit event lists it. */
export const REMOVED_FIELDS = ['legalName', 'dateOfBirth', 'contactPhone', 'currentLocality', 'vulnerabilities', 'accommodations', 'screening', 'screenings', 'identification', 'identityHash', 'closingReason'];

/** What anonymization removes from each of her returns (domain/returns.ts): the TESTIMONY and LOCATION fields of ReturnPlan. */
export const RETURN_PLAN_ERASED = { wishNote: null, riskFactors: [] as string[], riskNotes: null, mitigation: null, cancelReason: null, receivedBy: null, receptionAddress: null, services: [] as string[] };

const DAY = 86_400_000;

export function retainUntil(closedAt: Date, retentionDays: number): Date {
  return new Date(closedAt.getTime() + retentionDays * DAY);
}

/** Closes a record: its retention period starts (retainUntil). A record is closed once; again is BAD_USER_INPUT. */
export async function closeVictimRecord(ctx: VictimContext, victimId: string, reason: string) {
  const id = recordId(victimId, 'victimId');
  const closingReason = text(reason, 'reason', { max: 500 });
  const current = await ctx.loaders.victim.load(id);
  if (current?.status === VictimStatus.CLOSED) throw badInput('victimId', `the record was closed already, on ${current.closedAt?.toISOString()}`);
  return ctx.audit.change('RECORD_CLOSED', 'Victim', id, ['status', 'closedAt', 'retainUntil'], async () => {
    const closed = await ctx.models.victims.update(id, (v) =>
      v.status === VictimStatus.CLOSED ? null : { status: VictimStatus.CLOSED, closedAt: ctx.now, closingReason, retainUntil: retainUntil(ctx.now, ctx.models.retentionDays) },
    );
    if (!closed) throw notFound('Victim', victimId);
    return closed;
  });
}

/** Removes the personal data of one victim (idempotent). Resolves to the record after, or null if there is none. */
export async function anonymize(models: VictimModels, victimId: string, now: Date) {
  const victim = await models.victims.update(victimId, (v) =>
    v.anonymizedAt
      ? null
      : ({
          legalName: null,
          dateOfBirth: null,
          contactPhone: null,
          currentLocality: null,
          vulnerabilities: [],
          interpretationLanguage: null,
          disabilityNeeds: [],
          screenings: [],
          // How she was identified is testimony too; the status (CASE) says that she was.
          identification: null,
          identityHash: null,
          closingReason: null,
          ageGroup: v.dateOfBirth ? ageGroupOf(ageOn(v.dateOfBirth, now)) : v.ageGroup,
          status: VictimStatus.CLOSED,
          closedAt: v.closedAt ?? now,
          anonymizedAt: now,
        } as Partial<VictimRecord>),
  );
  if (!victim) return null;
  for (const consent of await models.consents.loaderBy('victim').load(victimId)) {
    if (consent.note !== null) await models.consents.update(consent.id, { note: null });
  }
  // Her returns keep their status and dates (CASE); her words, the risk assessment and where she was received go.
  for (const plan of await models.returnPlans.loaderBy('victim').load(victimId)) await models.returnPlans.update(plan.id, RETURN_PLAN_ERASED);
  // Her reintegration keeps its areas, statuses and dates; her targets, the providers, cultural notes and what reviews found go.
  for (const plan of await models.reintegrationPlans.loaderBy('victim').load(victimId)) {
    await models.reintegrationPlans.update(plan.id, (current) => ({
      goals: current.goals.map((g) => ({ ...g, target: null, provider: null, culturalNotes: null })),
      reviews: current.reviews.map((r) => ({ ...r, note: null })),
      closingNote: null,
    }));
  }
  return victim;
}

const RETENTION: Caller = { sub: 'retention', role: 'auditor', jurisdiction: 'none', org: 'justice hub retention', issuer: 'justice-hub', oversight: [] };

/**
 * `npm run retention`: anonymizes every closed record whose retention period is over.
 * Safe to run from cron at any time, as often as wanted: an anonymized record leaves the
 * list it is found by. Each anonymization is audited first (ANONYMIZED).
 */
export async function runRetention(models: VictimModels, audit: AuditLog, now: Date): Promise<string[]> {
  const list = models.victims.list('awaitingRetention', 'pending');
  const entries = (await models.victims.lists.readAll([list])).get(list)!;
  const due = [...(await models.victims.members(entries)).values()].filter((v) => v.retainUntil && v.retainUntil <= now);
  const done: string[] = [];
  for (const victim of due) {
    const basis = `RETENTION:${dayOf(victim.retainUntil!)}`;
    await audit.append(RETENTION, null, [{ action: 'ANONYMIZED', subjectType: 'Victim', subjectId: victim.id, fields: REMOVED_FIELDS, deniedFields: [], decision: 'ALLOW', bases: [basis] }]);
    await models.erasureNotices.announce(victim.id, now, basis, RETENTION);
    if (await anonymize(models, victim.id, now)) done.push(victim.id);
  }
  return done;
}
