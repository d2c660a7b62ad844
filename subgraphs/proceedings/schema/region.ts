import { regionEntity } from '../../common/regions';

/** `Region` in the proceedings subgraph: it adds the prosecution indicators (resolvers/region.ts). */
export const Region = regionEntity();
