import { indicatorField } from '../../common/indicator-schema';
import { regionEntity } from '../../common/regions';
import { countedIn } from '../domain/indicators';
import type { ProceedingContext } from '../models';

/** `Region` in the proceedings subgraph: it adds the prosecution indicators, counted in domain/indicators.ts. */
export const Region = regionEntity();

export const RegionProsecutionResolver = indicatorField<ProceedingContext>(Region, 'prosecution', 'Prosecution (proceedings subgraph): PROCEEDINGS_OPENED and CONVICTIONS (counts of people), URGENT_ORDERS_DECIDED_IN_TIME_RATE and MLA_REQUESTS_OVERDUE (institutions’ own events, shown as they are)', countedIn);
