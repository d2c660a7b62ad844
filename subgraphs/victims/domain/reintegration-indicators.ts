import type { Counted } from '../../common/indicator-answers';
import type { Period } from '../../common/indicators';
import type { ListedCollection, ListedRecord } from '../../common/storage';
import type { VictimContext } from '../models';
import { ReintegrationOutcome, ReintegrationStatus } from '../schema/reintegration';

/**
 * The victims subgraph's indicators of returns and reintegration (`Region.reintegration`,
 * issue 27), counted through lists by jurisdiction and quarter (models.ts: the return
 * plans' `proposedIn`, by the sending jurisdiction; the reintegration plans'
 * `reintegrating` and `reintegratedIn`, by the destination that owns them), never by
 * reading a collection. Only facts erasure keeps are read (domain/retention.ts keeps a
 * return's status, dates and risk level, a plan's dates, status and outcome), so an
 * erasure changes no figure. Definitions: docs/indicators.md.
 */

/** The live records of some lists of a collection, each record once. */
async function recordsOf<T extends ListedRecord, K extends string>(collection: ListedCollection<T, K>, key: K, values: string[]) {
  const entries = await collection.lists.readAll(values.map((value) => collection.list(key, value)));
  return [...(await collection.members([...entries.values()].flat())).values()];
}

const people = (records: Array<{ victimId: string }>) => new Set(records.map((r) => r.victimId));

export async function reintegrationCountedIn(ctx: VictimContext, jurisdiction: string, period: Period): Promise<Counted[]> {
  const { returnPlans, reintegrationPlans } = ctx.models;
  const inQuarters = period.quarters.map((quarter) => `${jurisdiction}/${quarter}`);
  // A period not begun has no plan open in it (the open ones are listed by jurisdiction only).
  const begun = period.start <= ctx.now;
  const [proposed, open, closed] = await Promise.all([
    recordsOf(returnPlans, 'proposedIn', inQuarters),
    recordsOf(reintegrationPlans, 'reintegrating', begun ? [jurisdiction] : []),
    recordsOf(reintegrationPlans, 'reintegratedIn', inQuarters),
  ]);
  // Returns proposed in the period, and of them those the destination had assessed by its end (the first assessment).
  const assessedBy = (end: Date) => proposed.filter((p) => {
    const first = p.firstAssessedAt ?? p.assessedAt;
    return first != null && first < end;
  });
  const [returning, assessed] = [people(proposed), people(assessedBy(period.end))];
  // Plans open at some time in the period: opened before its end, and not closed before it began.
  const active = people([...open, ...closed].filter((p) => p.openedAt < period.end && (p.status === ReintegrationStatus.OPEN || p.closedAt! > period.start)));
  const closedInPeriod = closed.filter((p) => p.closedAt! >= period.start && p.closedAt! < period.end);
  const [ended, met] = [people(closedInPeriod), people(closedInPeriod.filter((p) => p.outcome === ReintegrationOutcome.GOALS_MET))];
  return [
    {
      indicator: 'RETURNS_WITH_RISK_ASSESSMENT_RATE',
      unit: 'rate',
      measure: { kind: 'RATE', numerator: { kind: 'PEOPLE', count: assessed.size }, denominator: { kind: 'PEOPLE', count: returning.size } },
      note: "of those a return was proposed for in the period, the share whose return the destination had assessed for risk by its end; by the sending jurisdiction",
    },
    { indicator: 'REINTEGRATION_PLANS_ACTIVE', unit: 'people', measure: { kind: 'PEOPLE', count: active.size }, note: 'with a reintegration plan open at some time in the period, by the destination that keeps it' },
    {
      indicator: 'REINTEGRATION_GOALS_MET_RATE',
      unit: 'rate',
      measure: { kind: 'RATE', numerator: { kind: 'PEOPLE', count: met.size }, denominator: { kind: 'PEOPLE', count: ended.size } },
      note: 'of those whose reintegration plan was closed in the period, the share closed GOALS_MET; by the destination',
    },
  ];
}
