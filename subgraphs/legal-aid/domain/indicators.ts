import type { Counted } from '../../common/indicator-answers';
import type { Period } from '../../common/indicators';
import type { Entity } from '../../common/storage';
import type { AssignmentRecord, LegalAidContext } from '../models';

/**
 * The legal aid subgraph's indicators of a region (`Region.legalAid`, issue 26), counted
 * from its own assignments and handoffs through their lists by the assignment's (the
 * handoff's receiving) jurisdiction and quarter (models.ts: `openedIn`, `activeFromIn`,
 * `acceptedIn`), never from the victims or proceedings subgraphs. What is counted is set
 * once and kept through erasure (domain/erasure.ts): who, where, when opened, when ACTIVE.
 * Definitions: docs/indicators.md.
 */
const DAY_MS = 86_400_000;

export async function countedIn(ctx: LegalAidContext, jurisdiction: string, period: Period): Promise<Counted[]> {
  const { assignments, handoffs } = ctx.models;
  const recordsOf = async (key: 'openedIn' | 'activeFromIn') => {
    const entries = await assignments.lists.readAll(period.quarters.map((quarter) => assignments.list(key, `${jurisdiction}/${quarter}`)));
    return [...(await assignments.members([...entries.values()].flat())).values()];
  };
  const [opened, becameActive, accepted] = await Promise.all([
    recordsOf('openedIn'),
    recordsOf('activeFromIn'),
    Promise.all(period.quarters.map((quarter) => handoffs.lists.size(handoffs.list('acceptedIn', `${jurisdiction}/${quarter}`)))).then((sizes) => sizes.reduce((sum, n) => sum + n, 0)),
  ]);
  // Each victim once: those legal aid was opened for, and of them those represented by the period's end.
  const requested = new Set(opened.map((a) => a.victimId));
  const represented = new Set(opened.filter((a) => a.activeFrom !== null && a.activeFrom < period.end).map((a) => a.victimId));
  return [
    { indicator: 'VICTIMS_LEGAL_AID_REQUESTED', unit: 'people', measure: { kind: 'PEOPLE', count: requested.size }, note: 'an assignment opened for them in the period (assigned, or taken over by a handoff), by its jurisdiction' },
    {
      indicator: 'VICTIMS_WITH_LEGAL_AID_RATE',
      unit: 'rate',
      measure: { kind: 'RATE', numerator: { kind: 'PEOPLE', count: represented.size }, denominator: { kind: 'PEOPLE', count: requested.size } },
      note: 'of those legal aid was opened for in the period, the share represented (an assignment of theirs ACTIVE) by its end',
    },
    { indicator: 'REPRESENTATION_GAP_DAYS_MEDIAN', unit: 'days', measure: { kind: 'MEDIAN', values: daysWaited(becameActive) }, note: 'days waited from an assignment opened to its ACTIVE (overlapping waits once), per person represented from the period' },
    { indicator: 'HANDOFFS_ACCEPTED', unit: 'handoffs', measure: { kind: 'EVENTS', count: accepted }, note: 'files taken over in the period, by the receiving jurisdiction' },
  ];
}

/**
 * Per victim, the days she waited for an attorney to represent her, to the nearest whole
 * day: from each assignment's opening (the request, or the previous attorney handing the
 * file off) to its ACTIVE, waits that overlap counted once.
 */
function daysWaited(becameActive: Array<Entity<AssignmentRecord>>): number[] {
  const waits = new Map<string, Array<[number, number]>>();
  for (const a of becameActive) waits.set(a.victimId, [...(waits.get(a.victimId) ?? []), [a.openedAt.getTime(), a.activeFrom!.getTime()]]);
  return [...waits.values()].map((spans) => {
    let [total, cursor] = [0, -Infinity];
    for (const [from, to] of spans.sort((x, y) => x[0] - y[0])) {
      if (to > cursor) total += to - Math.max(from, cursor);
      cursor = Math.max(cursor, to);
    }
    return Math.round(total / DAY_MS);
  });
}
