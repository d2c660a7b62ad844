import { indicatorField } from '../../common/indicator-schema';
import { regionEntity } from '../../common/regions';
import { countedIn } from '../domain/indicators';
import type { LegalAidContext } from '../models';

/** `Region` in the legal aid subgraph: it adds the legal aid indicators, counted in domain/indicators.ts. */
export const Region = regionEntity();

export const RegionLegalAidResolver = indicatorField<LegalAidContext>(Region, 'legalAid', 'Legal aid (legal aid subgraph): VICTIMS_LEGAL_AID_REQUESTED, VICTIMS_WITH_LEGAL_AID_RATE, REPRESENTATION_GAP_DAYS_MEDIAN, HANDOFFS_ACCEPTED, by the assignment\'s jurisdiction', countedIn);
