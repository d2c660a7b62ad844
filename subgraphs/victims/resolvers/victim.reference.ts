import { isRecordId } from '../../common/validate';
import type { VictimContext } from '../models';

/** Resolves `Victim` entities for other subgraphs, batched into one query per request tick. */
export const victimReference = {
  __resolveReference(reference: { id: string }, ctx: VictimContext) {
    if (!isRecordId(reference.id)) return null;
    return ctx.loaders.victim.load(reference.id);
  },
};
