import { visibleOnly } from '../../common/access';
import type { Entity } from '../../common/storage';
import { assignmentAccess } from '../access';
import type { AssignmentRecord, LegalAidContext } from '../models';
import { OPEN_STATUSES } from '../schema/vocabulary';

type AssignmentDoc = Entity<AssignmentRecord>;

/** What `Victim.legalAid` answers before its gaps (gaps.ts): the assignments the caller may see, across jurisdictions. */
export interface VictimLegalAidShown {
  victimId: string;
  shown: AssignmentDoc[];
  current: AssignmentDoc[];
  history: AssignmentDoc[];
}

/** The victim's assignments the caller may see: offered or active now, and handed off or closed, each oldest first. */
export async function legalAidOf(ctx: LegalAidContext, victimId: string): Promise<VictimLegalAidShown> {
  const all = await ctx.loaders.assignmentsOfVictim.load(victimId);
  const shown = await visibleOnly(assignmentAccess, ctx, all);
  const byOpening = (a: AssignmentDoc, b: AssignmentDoc) => a.openedAt.getTime() - b.openedAt.getTime();
  return {
    victimId,
    shown,
    current: shown.filter((a) => OPEN_STATUSES.includes(a.status)).sort(byOpening),
    history: shown.filter((a) => !OPEN_STATUSES.includes(a.status)).sort(byOpening),
  };
}
