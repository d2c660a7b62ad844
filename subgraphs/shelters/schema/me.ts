import { meEntity } from '../../common/me';

/** `Me` in the shelters subgraph: the shelters the caller is staff of (resolvers/me.ts). */
export const Me = meEntity();
