import type { Role } from '../../platform/auth';
import { forbidden, unauthenticated } from '../../platform/errors';
import type { Region } from '../../platform/regions';
import type { RequestContext } from './context';
import { checkedPeriod, combined, published, withComplementsSuppressed, type IndicatorValue, type Measure, type Period, type PeriodInput } from './indicators';

/**
 * How every subgraph answers its field on `Region` (issue 26): the period checked, who may
 * see what, the read logged, each jurisdiction's measures computed by the subgraph from
 * its own records, the region's combined from them, and the publication rules applied
 * (common/indicators.ts). A subgraph only says what it counts (`compute`).
 *
 * - A region's yearly values are public, like the precedents.
 * - Quarterly values and values per jurisdiction are for partner systems, auditors,
 *   judges and prosecutors of the region (a jurisdiction of the region, or, for an
 *   auditor, overseeing one).
 * - Every read is logged in the subgraph's audit chain as `INDICATORS_READ` of the
 *   `Region`: it is no access to any person's data.
 */

export const RESTRICTED_VIEW_ROLES: readonly Role[] = ['partner_system', 'auditor', 'judge', 'prosecutor'];

/** What a subgraph counts for one jurisdiction and period: its indicators, always in the same order. */
export interface Counted {
  indicator: string;
  /** people, events, rate (0–1), days, practitioners, certificates. */
  unit: string;
  measure: Measure;
  note?: string;
}

export interface IndicatorArgs {
  period: PeriodInput;
  byJurisdiction?: boolean | null;
}

export async function answerIndicators(
  ctx: RequestContext,
  region: Region,
  field: string,
  args: IndicatorArgs,
  compute: (jurisdiction: string, period: Period) => Promise<Counted[]>,
): Promise<Array<Omit<IndicatorValue, 'people'>>> {
  const period = checkedPeriod(args.period);
  const byJurisdiction = args.byJurisdiction === true;
  if (args.period.granularity === 'QUARTER' || byJurisdiction) mayReadRestricted(ctx, region);
  ctx.audit.noteEvent('INDICATORS_READ', 'Region', region.code, [field], [`PERIOD:${period.label}`, byJurisdiction ? 'BY_JURISDICTION' : 'REGION']);

  const counted = await Promise.all(region.jurisdictions.map(async (jurisdiction) => ({ jurisdiction, cells: await compute(jurisdiction, period) })));
  const cell = (of: Counted, jurisdiction: string | null, measure: Measure): IndicatorValue => ({ indicator: of.indicator, jurisdiction, period: period.label, unit: of.unit, note: of.note ?? null, ...published(measure) });
  const values = (counted[0]?.cells ?? []).flatMap((of, i) => {
    const total = cell(of, null, combined(counted.map((c) => c.cells[i].measure)));
    return byJurisdiction ? withComplementsSuppressed([total, ...counted.map((c) => cell(of, c.jurisdiction, c.cells[i].measure))]) : [total];
  });
  return values.map(({ people: _people, ...shown }) => shown); // the count behind a value is never published
}

function mayReadRestricted(ctx: RequestContext, region: Region): void {
  const caller = ctx.caller;
  if (!caller) throw unauthenticated('Quarterly and per-jurisdiction indicators need a token: only a region\'s yearly values are public');
  const ofRegion = region.jurisdictions.includes(caller.jurisdiction) || (caller.role === 'auditor' && caller.oversight.some((j) => region.jurisdictions.includes(j)));
  if (!RESTRICTED_VIEW_ROLES.includes(caller.role) || !ofRegion) {
    throw forbidden(`Quarterly and per-jurisdiction indicators of ${region.code} are for ${RESTRICTED_VIEW_ROLES.join(', ')} of its jurisdictions (${region.jurisdictions.join(', ')}): not for ${caller.role} of ${caller.jurisdiction}; its yearly values are public`, 'ROLE');
  }
}
