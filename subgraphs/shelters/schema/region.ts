import { indicatorField } from '../../common/indicator-schema';
import { regionEntity } from '../../common/regions';
import { countedIn } from '../domain/indicators';
import type { ShelterContext } from '../models';

/** `Region` in the shelters subgraph: it adds the protection indicators, counted in domain/indicators.ts. */
export const Region = regionEntity();

export const RegionProtectionResolver = indicatorField<ShelterContext>(Region, 'protection', 'Protection (shelters subgraph): PLACEMENTS_STARTED, OCCUPANCY_RATE, SHELTER_BEDS, TRANSPORTS_TO_HEARINGS, by the shelter\'s jurisdiction, never by shelter', countedIn);
