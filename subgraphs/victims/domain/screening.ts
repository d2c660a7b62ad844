import { ASSUMED_LIST_SIZE } from '../../../platform/cost';
import { dimensionPresent, indicatesTrafficking, INDICATOR_BY_CODE, type Dimension, type Indicator } from './ilo-indicators';
import type { ScreeningRecord } from '../models';
import type { Screening } from '../schema/screening';
import { IndicatorDimension } from '../schema/vocabulary';

/** Turns a stored screening (observed indicator codes) into the ILO assessment. */
export function assessScreening(record: ScreeningRecord): Screening {
  const indicators = record.indicatorCodes.map((code) => INDICATOR_BY_CODE.get(code)).filter((i): i is Indicator => !!i);
  const present = new Set<Dimension>();
  const dimensions = Object.values(IndicatorDimension).map((dimension) => {
    const observed = indicators.filter((i) => i.dimension === dimension);
    const isPresent = dimensionPresent(observed);
    if (isPresent) present.add(dimension);
    return {
      dimension,
      strong: observed.filter((i) => i.strength === 'STRONG').length,
      medium: observed.filter((i) => i.strength === 'MEDIUM').length,
      weak: observed.filter((i) => i.strength === 'WEAK').length,
      present: isPresent,
    };
  });
  return {
    screenedAt: record.screenedAt,
    assessor: record.assessor,
    formVersion: record.formVersion,
    indicators: indicators as Screening['indicators'],
    dimensions,
    indicatesTrafficking: indicatesTrafficking(present),
    recordedAt: record.recordedAt ?? record.screenedAt,
    recordedBy: record.recordedBy,
  };
}

/** The most screenings one record keeps (a history, not a log: enough for any real case). */
export const MAX_SCREENINGS = 100;

/** The most `Victim.screenings` shows, newest first: the size the query cost assumes of a list (platform/cost.ts). */
export const SCREENINGS_SHOWN = ASSUMED_LIST_SIZE;

/**
 * A record's screenings, newest first (by when screened; of two at the same time, the one
 * recorded later first). Stored oldest-recorded first, so a record from before the history
 * was shown, with its one screening, has a history of one.
 */
export function screeningHistory(records: readonly ScreeningRecord[]): ScreeningRecord[] {
  return records
    .map((record, order) => ({ record, order }))
    .sort((a, b) => b.record.screenedAt.getTime() - a.record.screenedAt.getTime() || b.order - a.order)
    .map(({ record }) => record);
}
