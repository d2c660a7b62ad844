import type { Entity } from '../../../common/storage';
import { pageOf, type Segment } from '../../../common/storage';
import { visibleOnly } from '../../../common/access';
import { legalAssistanceAccess } from '../access';
import { countryCode } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import type { LegalAssistanceRecord } from '../models';
import { AssistanceRole, LegalAssistanceStatus as S } from '../schema/vocabulary';
import { CAN_BE_OVERDUE, isOverdue } from './lifecycle';

/** The requests a jurisdiction lists: as the requesting side, as the executing side, by status, overdue or not. */

type RequestDoc = Entity<LegalAssistanceRecord>;
type Key = 'requesting' | 'requestingStatus' | 'executing' | 'executingStatus';

export interface RequestFilter {
  jurisdiction?: string;
  role?: AssistanceRole;
  status?: S;
  overdue?: boolean;
  first?: number;
  after?: string;
}

/** The caller's own jurisdiction's requests (another jurisdiction's lists are empty), one page. */
export async function listRequests(ctx: ProceedingContext, { jurisdiction, role, status, overdue, first, after }: RequestFilter) {
  const own = ctx.caller!.jurisdiction;
  const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : own;
  const { assistanceRequests: records } = ctx.models;
  const segments: Array<Segment<LegalAssistanceRecord>> = [];
  const sides = asked !== own ? [] : role ? [role] : [AssistanceRole.REQUESTING, AssistanceRole.EXECUTING];
  for (const side of sides) {
    const [whole, byStatus]: [Key, Key] = side === AssistanceRole.REQUESTING ? ['requesting', 'requestingStatus'] : ['executing', 'executingStatus'];
    if (status == null && overdue == null) {
      segments.push({ records, list: records.list(whole, own) });
      continue;
    }
    for (const s of status != null ? [status] : Object.values(S)) {
      if (side === AssistanceRole.EXECUTING && s === S.DRAFT) continue; // a draft is in no executing list
      const canBeOverdue = CAN_BE_OVERDUE.includes(s);
      if (overdue === true && !canBeOverdue) continue;
      // Narrowed in memory only where a request can be overdue: those lists stay short (they move on).
      const where = overdue != null && canBeOverdue ? (r: RequestDoc) => isOverdue(r, ctx.now) === overdue : undefined;
      segments.push({ records, list: records.list(byStatus, `${own}:${s}`), where });
    }
  }
  const page = await pageOf(segments, { first, after });
  for (const { node } of page.edges) ctx.loaders.legalAssistanceRequest.prime(node.id, node);
  return page;
}

/** A proceeding's requests the caller may know of, in the order drafted (Proceeding.legalAssistanceRequests). */
export async function requestsOfProceeding(ctx: ProceedingContext, proceedingId: string): Promise<RequestDoc[]> {
  return visibleOnly(legalAssistanceAccess, ctx, await ctx.loaders.requestsOfProceeding.load(proceedingId));
}
