import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { AssistanceUrgency, LegalAssistanceKind } from './vocabulary';

@InputType()
export class DraftLegalAssistanceRequestInput {
  @Field(() => ID, { description: "A proceeding of the caller's jurisdiction" })
  proceedingId!: string;

  @Field({ description: 'ISO 3166-1 alpha-2; not the requesting jurisdiction' })
  executingJurisdiction!: string;

  @Field(() => LegalAssistanceKind)
  kind!: LegalAssistanceKind;

  @Field(() => AssistanceUrgency)
  urgency!: AssistanceUrgency;

  @Field({ description: 'What is asked for, at most 2000 characters' })
  subject!: string;
}
