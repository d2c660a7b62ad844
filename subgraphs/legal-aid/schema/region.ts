import { regionEntity } from '../../common/regions';

/** `Region` in the legal aid subgraph: it adds the legal aid indicators (resolvers/region.ts). */
export const Region = regionEntity();
