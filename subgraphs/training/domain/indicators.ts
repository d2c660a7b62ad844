import type { Counted } from '../../common/indicator-answers';
import { quarterOf, type Period } from '../../common/indicators';
import type { TrainingContext } from '../models';
import { PractitionerRole } from '../schema/vocabulary';

/**
 * The training subgraph's indicators of a region (`Region.accreditation`, issue 26),
 * counted from its certificates through their lists by the holder's jurisdiction and
 * quarter (models.ts: `issuedIn`, `validExpiringIn`). Practitioners are no victims: their
 * counts are shown as they are. Definitions: docs/indicators.md.
 */
const DAY_MS = 86_400_000;
export const EXPIRING_WITHIN_DAYS = 90;

export async function countedIn(ctx: TrainingContext, jurisdiction: string, period: Period): Promise<Counted[]> {
  const { certificates } = ctx.models;
  const recordsOf = async (key: 'issuedIn' | 'validExpiringIn', quarters: string[]) => {
    const entries = await certificates.lists.readAll(quarters.map((quarter) => certificates.list(key, `${jurisdiction}/${quarter}`)));
    return [...(await certificates.members([...entries.values()].flat())).values()];
  };
  // Certified in the period: the practitioners holding a certificate issued in it, each once.
  const issued = await recordsOf('issuedIn', period.quarters);
  const certified = (role?: string) => new Set(issued.filter((c) => !role || c.holderRole === role).map((c) => c.practitionerId)).size;
  // Expiring: valid at the period's end, and ending within 90 days after it.
  const [after, until] = [day(period.end), day(new Date(period.end.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS))];
  const expiring = (await recordsOf('validExpiringIn', [...new Set([quarterOf(after), quarterOf(until)])])).filter((c) => c.expiresOn >= after && c.expiresOn < until);
  return [
    { indicator: 'PRACTITIONERS_CERTIFIED', unit: 'practitioners', measure: { kind: 'EVENTS', count: certified() }, note: 'all roles' },
    ...Object.values(PractitionerRole).map((role): Counted => ({ indicator: 'PRACTITIONERS_CERTIFIED', unit: 'practitioners', measure: { kind: 'EVENTS', count: certified(role) }, note: `role: ${role}` })),
    { indicator: 'CERTIFICATES_EXPIRING_90_DAYS', unit: 'certificates', measure: { kind: 'EVENTS', count: expiring.length }, note: `valid certificates ending within ${EXPIRING_WITHIN_DAYS} days after the period` },
  ];
}

const day = (date: Date) => date.toISOString().slice(0, 10);
