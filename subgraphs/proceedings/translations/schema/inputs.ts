import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { TranslationSubjectType } from './vocabulary';

@InputType()
export class RequestTranslationInput {
  @Field(() => TranslationSubjectType)
  subjectType!: TranslationSubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field({ description: 'ISO 639-1 code, e.g. de, sq, ro' })
  targetLanguage!: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339 date-time in the future by which it is needed' })
  dueBy?: string | null;
}
