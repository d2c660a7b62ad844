import { visibleOrNotFound } from '../../common/access';
import type { Entity } from '../../common/storage';
import { languageCode, recordId } from '../../common/validate';
import { proceedingAccess } from '../access';
import type { ProceedingContext, ProceedingRecord } from '../models';

/**
 * The case file: one proceeding the caller may see, with who asked and when. Its parts
 * are the proceeding's own fields, read and logged as those fields (permissions.ts), so
 * the file shows exactly what asking for the proceeding would.
 */

export interface CaseFileRecord {
  proceeding: Entity<ProceedingRecord>;
  language: string | null;
  generatedAt: Date;
  requestedBy: { subject: string; role: string; jurisdiction: string; organisation: string };
}

/** The proceeding's case file; an unknown proceeding and one the caller may not see answer the same NOT_FOUND. */
export async function caseFileOf(ctx: ProceedingContext, proceedingId: string, language: string | null | undefined): Promise<CaseFileRecord> {
  const id = recordId(proceedingId, 'proceedingId');
  const asked = language == null ? null : languageCode(language, 'language');
  const proceeding = await visibleOrNotFound(proceedingAccess, ctx, await ctx.loaders.proceeding.load(id), proceedingId);
  const caller = ctx.caller!;
  return { proceeding, language: asked, generatedAt: ctx.now, requestedBy: { subject: caller.sub, role: caller.role, jurisdiction: caller.jurisdiction, organisation: caller.org } };
}
