import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TranslationStatus, TranslationSubjectType } from './vocabulary';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A translation of a record’s text (its original: TranslationSubjectType) into another language, by a certified translator' })
export class Translation {
  @Field(() => ID)
  id!: string;

  @Field(() => TranslationSubjectType, { nullable: true })
  subjectType!: TranslationSubjectType;

  @Field(() => ID, { nullable: true, description: 'The id of the evidence, proceeding, protective order or precedent translated' })
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code of the target language' })
  language!: string;

  @Field(() => TranslationStatus, { nullable: true })
  status!: TranslationStatus;

  @Field(() => String, { nullable: true, description: 'Certificate code of the translator (a VALID legal translation certificate when assigned); null until assigned' })
  translator!: string | null;

  @Field(() => Date, { nullable: true })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  dueBy!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Delivered, and the original has changed since: the SHA-256 of its text now differs from the one recorded at delivery (worked out on every read)',
  })
  stale!: boolean | null;

  @Field(() => String, { nullable: true, description: 'The translated text, once delivered: read only by whoever may read the original' })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the exact original text translated, recorded at delivery' })
  originalSha256!: string | null;
}
