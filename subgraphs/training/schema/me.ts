import { meEntity } from '../../common/me';

/** `Me` in the training subgraph: the caller's own practitioner record (resolvers/me.ts). */
export const Me = meEntity();
