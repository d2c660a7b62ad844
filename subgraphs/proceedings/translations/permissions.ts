import type { Role } from '../../../platform/auth';
import { forbidden, notFound } from '../../../platform/errors';
import { isVisible } from '../../common/access';
import { appointmentOf } from '../defence/access';
import { chain, hasRole, ruleOf, type Permissions } from '../../common/rules';
import { recordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import { translationAccess } from './access';
import { originalOf, typeNameOf } from './domain/original';
import type { RequestTranslationInput } from './schema/inputs';

/**
 * Who may ask for, assign and hand in translations. The role first (FORBIDDEN naming the
 * roles); then the record must be one the caller may know of — a subject or translation
 * the caller may not see answers NOT_FOUND exactly as an unknown id —; and only then is
 * one of another jurisdiction FORBIDDEN (a team member sees the other party's proceeding
 * but asks its own court for translations; a precedent is public, so anyone knows of it).
 */

/** Judges and prosecutors of the subject's jurisdiction; appointed defence counsel of the subject's proceeding. */
const REQUESTERS: Role[] = ['judge', 'prosecutor', 'defence_counsel'];

/**
 * The one rule of who may ask for a translation: a judge or prosecutor of the subject's
 * jurisdiction, or counsel appointed in the subject's proceeding for a subject she may know
 * of (the proceeding, its orders, evidence disclosed to her defendant; not a precedent of
 * another proceeding, public as it is).
 */
export const mayRequestTranslation = chain(
  hasRole(...REQUESTERS),
  ruleOf<ProceedingContext>(async (_parent, args: { input: RequestTranslationInput }, ctx) => {
    const { subjectType } = args.input;
    const subjectId = recordId(args.input.subjectId, 'input.subjectId');
    const original = await originalOf(ctx, subjectType, subjectId);
    if (!original || !(await original.visible(ctx))) return notFound(typeNameOf(subjectType), subjectId);
    if (ctx.caller!.role === 'defence_counsel') {
      const hers = original.proceedingId !== null && (await appointmentOf(ctx, original.proceedingId)) !== null;
      return hers ? true : forbidden(`An appointed counsel asks for translations only of the records of a proceeding she is appointed in`);
    }
    if (original.jurisdiction !== ctx.caller!.jurisdiction) return forbidden(`Only a judge or prosecutor of ${original.jurisdiction} may ask for a translation of this ${original.typeName}`);
    return true;
  }),
);

/** Who manages a translation once asked for (assigns it, hands in the text): a judge or prosecutor of its jurisdiction. */
const MANAGERS: Role[] = ['judge', 'prosecutor'];

const managesTranslation = chain(
  hasRole(...MANAGERS),
  ruleOf<ProceedingContext>(async (_parent, args: { translationId: string }, ctx) => {
    const id = recordId(args.translationId, 'translationId');
    const translation = await ctx.loaders.translation.load(id);
    if (!translation || !(await isVisible(translationAccess, ctx, translation))) return notFound('Translation', id);
    return translation.jurisdiction === ctx.caller!.jurisdiction ? true : forbidden(`Only a judge or prosecutor of ${translation.jurisdiction} may act on this translation`);
  }),
);

export const translationMutationRules: Permissions = {
  requestTranslation: mayRequestTranslation,
  assignTranslation: managesTranslation,
  deliverTranslation: managesTranslation,
};
