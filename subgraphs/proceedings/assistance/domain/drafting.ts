import { badInput } from '../../../../platform/errors';
import { checkAll, countryCode, newId, recordId, text } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { assistanceReference } from '../models';
import type { DraftLegalAssistanceRequestInput } from '../schema/inputs';
import { drafted } from './lifecycle';

/** Drafting a request: the requesting side writes it in one of its proceedings; nothing travels yet. */

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** A new DRAFT in a proceeding of the caller's jurisdiction to another jurisdiction. */
export async function draftRequest(ctx: ProceedingContext, input: DraftLegalAssistanceRequestInput) {
  const caller = ctx.caller!;
  // The whole input first, every wrong field in one answer; then whether the proceeding is the caller's.
  const { proceedingId, executing, subject } = await checkAll({
    proceedingId: () => recordId(input.proceedingId, 'input.proceedingId'),
    executing: () => {
      const code = countryCode(input.executingJurisdiction, 'input.executingJurisdiction');
      if (code === caller.jurisdiction) throw badInput('input.executingJurisdiction', `must be another jurisdiction than the requesting one (${caller.jurisdiction})`);
      return code;
    },
    subject: () => text(input.subject, 'input.subject', { max: 2000 }),
  });
  const proceeding = await ctx.loaders.proceeding.load(proceedingId);
  if (!proceeding || proceeding.jurisdiction !== caller.jurisdiction) throw badInput('input.proceedingId', `no proceeding of ${caller.jurisdiction} has this id`);
  const _id = newId();
  return ctx.audit.change('LEGAL_ASSISTANCE_DRAFTED', 'LegalAssistanceRequest', _id, ['reference', 'executingJurisdiction', 'proceeding', 'kind', 'urgency', 'subject'], async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ctx.models.assistanceRequests.create(
          drafted(
            {
              _id,
              reference: assistanceReference(caller.jurisdiction, executing, ctx.now),
              requestingJurisdiction: caller.jurisdiction,
              executingJurisdiction: executing,
              proceedingId,
              kind: input.kind,
              urgency: input.urgency,
              subject,
            },
            caller.sub,
            ctx.now,
          ),
        );
      } catch (error) {
        // Another request drew the same reference (one in a billion a year per pair): draw again.
        if (!isDuplicateKey(error) || attempt === 3) throw error;
      }
    }
  });
}
