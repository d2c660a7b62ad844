import type { VictimContext } from './loaders';

/** Resolves `Victim` entities for other subgraphs, batched into one query per request tick. */
export const victimReference = {
  __resolveReference(reference: { id: string }, ctx: VictimContext) {
    if (!/^[0-9a-f]{24}$/i.test(reference.id)) return null;
    return ctx.loaders.victim.load(reference.id);
  },
};
