import type { Counted } from '../../common/indicator-answers';
import type { Period } from '../../common/indicators';
import type { VictimContext } from '../models';

/**
 * The victims subgraph's indicators of a region (`Region.identification`, issue 26),
 * counted from its own records through their lists by jurisdiction and quarter
 * (models.ts: `registeredIn`, `childrenRegisteredIn`, `identifiedIn`,
 * `recoveryStartedIn`), never by reading the collection. What each counts and which date
 * decides its period: docs/indicators.md.
 */
const DAY_MS = 86_400_000;

export async function countedIn(ctx: VictimContext, jurisdiction: string, period: Period): Promise<Counted[]> {
  const { victims } = ctx.models;
  const listsOf = (key: 'registeredIn' | 'childrenRegisteredIn' | 'identifiedIn' | 'recoveryStartedIn') => period.quarters.map((quarter) => victims.list(key, `${jurisdiction}/${quarter}`));
  const count = async (key: 'registeredIn' | 'childrenRegisteredIn' | 'recoveryStartedIn') => (await Promise.all(listsOf(key).map((list) => victims.lists.size(list)))).reduce((sum, n) => sum + n, 0);
  const [presumed, children, recoveries, identifiedRecords] = await Promise.all([
    count('registeredIn'),
    count('childrenRegisteredIn'),
    count('recoveryStartedIn'),
    // Read whole for the median: their number is the count too.
    victims.lists.readAll(listsOf('identifiedIn')).then((entries) => victims.members([...entries.values()].flat())),
  ]);
  const identified = identifiedRecords.size;
  // Days from registration to identification, of each victim identified in the period.
  const days = [...identifiedRecords.values()].map((v) => Math.max(0, Math.round((Date.parse(`${v.counted!.identifiedOn}T00:00:00Z`) - Date.parse(`${v.registeredAt.toISOString().slice(0, 10)}T00:00:00Z`)) / DAY_MS)));
  return [
    { indicator: 'PRESUMED_VICTIMS', unit: 'people', measure: { kind: 'PEOPLE', count: presumed }, note: 'registered in the period, by the registering jurisdiction' },
    { indicator: 'IDENTIFIED_VICTIMS', unit: 'people', measure: { kind: 'PEOPLE', count: identified }, note: 'formally identified in the period' },
    { indicator: 'CHILD_VICTIMS', unit: 'people', measure: { kind: 'PEOPLE', count: children }, note: 'registered in the period, under 18 when registered' },
    { indicator: 'RECOVERY_PERIODS_STARTED', unit: 'people', measure: { kind: 'PEOPLE', count: recoveries }, note: 'recovery and reflection periods starting in the period' },
    { indicator: 'DAYS_TO_IDENTIFICATION_MEDIAN', unit: 'days', measure: { kind: 'MEDIAN', values: days }, note: 'from registration to identification, of those identified in the period' },
  ];
}
