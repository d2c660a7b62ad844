import { dimensionPresent, indicatesTrafficking, INDICATOR_BY_CODE, type Dimension, type Indicator } from './ilo-indicators';
import type { ScreeningRecord } from './models';
import type { Screening } from './types/screening';
import { IndicatorDimension } from './types/enums';

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
  };
}
