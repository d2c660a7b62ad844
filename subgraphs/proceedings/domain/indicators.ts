import type { Counted } from '../../common/indicator-answers';
import type { Period } from '../../common/indicators';
import { overdueRequests } from '../assistance/domain/overdue';
import type { ProceedingContext } from '../models';

/**
 * The proceedings subgraph's indicators of a region (`Region.prosecution`, issue 26),
 * counted from its own records through their lists by jurisdiction and quarter
 * (models.ts: `openedIn`, `convictedIn`, `urgentDecidedIn`, `urgentDecidedInTimeIn`;
 * assistance/models.ts: `executingDueIn`), never by reading a collection. Proceedings and
 * convictions concern identifiable people: counts of people. Orders decided and requests
 * overdue are the institutions' own events: shown as they are. What each counts and which
 * date decides its period: docs/indicators.md.
 */
export async function countedIn(ctx: ProceedingContext, jurisdiction: string, period: Period): Promise<Counted[]> {
  const { proceedings, protectiveOrders } = ctx.models;
  const inPeriod = <K extends string>(records: { list(key: K, value: string): string }, key: K) => period.quarters.map((quarter) => records.list(key, `${jurisdiction}/${quarter}`));
  const size = async (records: { lists: { size(list: string): Promise<number> } }, lists: string[]) => (await Promise.all(lists.map((list) => records.lists.size(list)))).reduce((sum, n) => sum + n, 0);
  // Overdue at the period's end, or now while it is not over: a deadline still to come is no delay.
  const asOf = ctx.now < period.end ? ctx.now : period.end;
  const [opened, closedWithConviction, urgentDecided, urgentInTime, overdue] = await Promise.all([
    size(proceedings, inPeriod(proceedings, 'openedIn')),
    proceedings.lists.readAll(inPeriod(proceedings, 'convictedIn')).then((entries) => proceedings.members([...entries.values()].flat())),
    size(protectiveOrders, inPeriod(protectiveOrders, 'urgentDecidedIn')),
    size(protectiveOrders, inPeriod(protectiveOrders, 'urgentDecidedInTimeIn')),
    overdueRequests(ctx, jurisdiction, period, asOf),
  ]);
  // A proceeding is closed once: in one list, counted once.
  const convicted = [...closedWithConviction.values()].reduce((sum, p) => sum + (p.convictedDefendants?.length ?? 0), 0);
  return [
    { indicator: 'PROCEEDINGS_OPENED', unit: 'proceedings', measure: { kind: 'PEOPLE', count: opened }, note: 'opened in the period, by the jurisdiction of the proceeding (each concerns identifiable people: published as a count of people)' },
    { indicator: 'CONVICTIONS', unit: 'people', measure: { kind: 'PEOPLE', count: convicted }, note: 'defendants convicted by a final judgment, the proceeding closed in the period' },
    {
      indicator: 'URGENT_ORDERS_DECIDED_IN_TIME_RATE',
      unit: 'rate',
      measure: { kind: 'RATE', numerator: { kind: 'EVENTS', count: urgentInTime }, denominator: { kind: 'EVENTS', count: urgentDecided } },
      note: 'urgent protective orders decided by their deadline, of those decided in the period',
    },
    { indicator: 'MLA_REQUESTS_OVERDUE', unit: 'requests', measure: { kind: 'EVENTS', count: overdue }, note: 'legal assistance requests executed by the jurisdiction, a deadline in the period and its step not taken by the period\'s end' },
  ];
}
