import { regionEntity } from '../../common/regions';

/** `Region` in the shelters subgraph: it adds the protection indicators (resolvers/region.ts). */
export const Region = regionEntity();
