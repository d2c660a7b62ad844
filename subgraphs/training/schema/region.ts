import { indicatorField } from '../../common/indicator-schema';
import { regionEntity } from '../../common/regions';
import { countedIn } from '../domain/indicators';
import type { TrainingContext } from '../models';

/** `Region` in the training subgraph: it adds the accreditation indicators, counted in domain/indicators.ts. */
export const Region = regionEntity();

export const RegionAccreditationResolver = indicatorField<TrainingContext>(Region, 'accreditation', 'Accreditation (training subgraph): PRACTITIONERS_CERTIFIED (all roles, then one value per PractitionerRole, `note` "role: JUDGE") and CERTIFICATES_EXPIRING_90_DAYS; counts of practitioners, shown as they are', countedIn);
