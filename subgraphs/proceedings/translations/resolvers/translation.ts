import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import type { Entity } from '../../../common/storage';
import type { EvidenceRecord, ProceedingContext, ProceedingRecord, ProtectiveOrderRecord } from '../../models';
import type { PrecedentRecord } from '../../precedents/models';
import { Precedent } from '../../precedents/schema/precedent';
import { Evidence } from '../../schema/evidence';
import { ProtectiveOrder } from '../../schema/order';
import { Proceeding } from '../../schema/proceeding';
import type { TranslationRecord } from '../models';
import { assignTranslation, deliverTranslation, isStale, requestTranslation, translationsOfProceeding, translationsOfSubject } from '../domain/translations';
import { RequestTranslationInput } from '../schema/inputs';
import { Translation } from '../schema/translation';
import { TranslationSubjectType as T } from '../schema/vocabulary';

type TranslationDoc = Entity<TranslationRecord>;

@Resolver(() => Translation)
export class TranslationResolver {
  @Audited('TRANSLATION_REQUESTED')
  @Mutation(() => Translation, {
    description:
      "Asks for a translation of a record's text (its original, TranslationSubjectType) into an ISO 639-1 language (a judge or prosecutor of the record's jurisdiction); a record the caller may not see answers as an unknown id",
  })
  requestTranslation(@Arg('input', () => RequestTranslationInput) input: RequestTranslationInput, @Ctx() ctx: ProceedingContext) {
    return requestTranslation(ctx, input);
  }

  @Audited('TRANSLATION_ASSIGNED')
  @Mutation(() => Translation, {
    description:
      'Assigns a translation not yet delivered to a translator, named by the code of a certificate that the training subgraph answers VALID, of an INTERPRETER, of a program building LEGAL_TRANSLATION (a judge or prosecutor of its jurisdiction); any other is refused, naming its status',
  })
  assignTranslation(@Arg('translationId', () => ID) translationId: string, @Arg('translator', () => String) translator: string, @Ctx() ctx: ProceedingContext) {
    return assignTranslation(ctx, translationId, translator);
  }

  @Audited('TRANSLATION_DELIVERED')
  @Mutation(() => Translation, {
    description:
      'Hands in the translator’s text (a judge or prosecutor of its jurisdiction: translators are not callers of the hub), recording the SHA-256 of the original as it is now; again, a revision',
  })
  deliverTranslation(@Arg('translationId', () => ID) translationId: string, @Arg('text', () => String) text: string, @Ctx() ctx: ProceedingContext) {
    return deliverTranslation(ctx, translationId, text);
  }

  @FieldResolver(() => Boolean, { nullable: true })
  stale(@Root() t: TranslationDoc, @Ctx() ctx: ProceedingContext): Promise<boolean | null> {
    return isStale(ctx, t);
  }
}

@Resolver(() => Evidence)
export class EvidenceTranslationsResolver {
  @FieldResolver(() => [Translation], { nullable: true, description: 'Its translations the caller may know of, in the order requested' })
  translations(@Root() e: Entity<EvidenceRecord>, @Ctx() ctx: ProceedingContext) {
    return translationsOfSubject(ctx, T.EVIDENCE, e.id);
  }
}

@Resolver(() => ProtectiveOrder)
export class OrderTranslationsResolver {
  @FieldResolver(() => [Translation], { nullable: true, description: 'Its translations the caller may know of, in the order requested' })
  translations(@Root() o: Entity<ProtectiveOrderRecord>, @Ctx() ctx: ProceedingContext) {
    return translationsOfSubject(ctx, T.PROTECTIVE_ORDER, o.id);
  }
}

@Resolver(() => Precedent)
export class PrecedentTranslationsResolver {
  @FieldResolver(() => [Translation], { nullable: true, description: 'Its translations, for a caller with a token (the delivered text is as public as the summary it translates)' })
  translations(@Root() p: Entity<PrecedentRecord>, @Ctx() ctx: ProceedingContext) {
    return translationsOfSubject(ctx, T.PRECEDENT, p.id);
  }
}

@Resolver(() => Proceeding)
export class ProceedingTranslationsResolver {
  @FieldResolver(() => [Translation], { nullable: true, description: 'The translations of the proceeding and of its evidence, protective orders and precedents the caller may know of, in the order requested' })
  translations(@Root() p: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext) {
    return translationsOfProceeding(ctx, p.id);
  }
}
