import { meEntity } from '../../common/me';

/** `Me` in the legal aid subgraph: the caller's own attorney record and the files offered to her. */
export const Me = meEntity();
