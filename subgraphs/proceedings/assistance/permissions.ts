import type { Role } from '../../../platform/auth';
import { forbidden, notFound } from '../../../platform/errors';
import { isVisible } from '../../common/access';
import { chain, hasRole, openTypes, ruleOf, type Permissions } from '../../common/rules';
import { recordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import { jurisdictionOfSide, type Side } from './domain/lifecycle';
import { legalAssistanceAccess } from './access';

/**
 * Who may act on a request. Judges and prosecutors only (police read, never act); then the
 * request must be one the caller may know of — of neither side, or the executing side
 * while it is a DRAFT, answers NOT_FOUND exactly as an unknown id — and only then is a
 * step of the wrong side FORBIDDEN, with a message saying whose step it is.
 */

const ACTORS: Role[] = ['judge', 'prosecutor'];
const READERS: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

const known = async (ctx: ProceedingContext, id: string, field: string) => {
  const request = await ctx.loaders.legalAssistanceRequest.load(recordId(id, field));
  return request && (await isVisible(legalAssistanceAccess, ctx, request)) ? request : null;
};

/** `doing`: how the FORBIDDEN message names the step, e.g. "Acknowledging receipt of". */
function stepOf(side: Side, doing: string) {
  return chain(
    hasRole(...ACTORS),
    ruleOf<ProceedingContext>(async (_parent, args: { id: string }, ctx) => {
      const request = await known(ctx, args.id, 'id');
      if (!request) return notFound('LegalAssistanceRequest', args.id);
      const whose = jurisdictionOfSide(request, side);
      return whose === ctx.caller!.jurisdiction ? true : forbidden(`${doing} request ${request.reference} is the ${side} side's step (${whose})`);
    }),
  );
}

/** Either side's judges and prosecutors. */
const eitherSide = chain(
  hasRole(...ACTORS),
  ruleOf<ProceedingContext>(async (_parent, args: { requestId: string }, ctx) => ((await known(ctx, args.requestId, 'requestId')) ? true : notFound('LegalAssistanceRequest', args.requestId))),
);

export const assistanceQueryRules: Permissions = {
  legalAssistanceRequest: hasRole(...READERS),
  legalAssistanceRequests: hasRole(...READERS),
  verifyDelivery: eitherSide,
};

export const assistanceMutationRules: Permissions = {
  draftLegalAssistanceRequest: hasRole(...ACTORS),
  submitLegalAssistanceRequest: stepOf('requesting', 'Submitting'),
  acknowledgeReceipt: stepOf('executing', 'Acknowledging receipt of'),
  recognizeRequest: stepOf('executing', 'Recognizing'),
  refuseRequest: stepOf('executing', 'Refusing'),
  postponeRequest: stepOf('executing', 'Postponing'),
  recordExecution: stepOf('executing', 'Recording the execution of'),
  closeRequest: stepOf('requesting', 'Closing'),
  extendDeadline: stepOf('executing', 'Extending the recognition deadline of'),
};

export const assistanceOpenTypes = openTypes('LegalAssistanceRequestConnection', 'LegalAssistanceRequestEdge', 'LegalAssistanceTransition', 'DeadlineExtension', 'DeliveryEvidence', 'DeliveryCheck');
