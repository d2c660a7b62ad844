import { regionEntity } from '../../common/regions';

/** `Region` in the training subgraph: it adds the accreditation indicators (resolvers/region.ts). */
export const Region = regionEntity();
