import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { AccommodationKind, InterpretationOccasion, LegalMatter, ProviderKind, TransferCategory } from './vocabulary';

// What a registrar enters into the legal aid directory (domain/directory.ts).

@InputType()
export class RegisterLegalAidProviderInput {
  @Field({ description: "The provider's id, and the `org` claim of its attorneys' tokens (2-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'); unique in the hub" })
  organisation!: string;

  @Field()
  name!: string;

  @Field(() => ProviderKind)
  kind!: ProviderKind;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2: the registrar's own (the default)" })
  jurisdiction?: string | null;
}

@InputType()
export class RegisterAttorneyInput {
  @Field(() => ID, { description: 'A provider of the registrar’s jurisdiction' })
  providerId!: string;

  @Field()
  name!: string;

  @Field({ description: 'Unique at the provider' })
  barNumber!: string;

  @Field(() => [String], { description: "ISO 3166-1 alpha-2, where she practises; the provider's jurisdiction among them" })
  jurisdictions!: string[];

  @Field(() => [String], { description: 'ISO 639 codes' })
  languages!: string[];

  @Field({ description: "The token subject she signs in as (her practitioner id in training); unique at the provider" })
  subject!: string;

  @Field({ defaultValue: true })
  acceptingCases!: boolean;
}

// What attorneys and social workers enter for an assignment and its handoff.

@InputType()
export class AssignLegalAidInput {
  @Field(() => ID)
  attorneyId!: string;

  @Field(() => LegalMatter)
  matter!: LegalMatter;

  @Field(() => ID, { nullable: true, description: 'A proceeding of that jurisdiction the caller may see' })
  proceedingId?: string | null;

  @Field({ description: "ISO 3166-1 alpha-2: the caller's own" })
  jurisdiction!: string;
}

@InputType()
export class RepresentationConsentInput {
  @Field({ description: 'YYYY-MM-DD, not in the future' })
  givenOn!: string;

  @Field({ description: 'ISO 639-1' })
  language!: string;

  @Field()
  interpreterUsed!: boolean;
}

@InputType()
export class HandOffInput {
  @Field(() => ID)
  toAttorneyId!: string;

  @Field()
  toJurisdiction!: string;

  @Field({ description: "Notes for the receiving attorney (the two attorneys only)" })
  reason!: string;

  @Field(() => [TransferCategory])
  transferCategories!: TransferCategory[];
}

@InputType()
export class InterpretationInput {
  @Field({ description: 'ISO 639-1' })
  language!: string;

  @Field(() => InterpretationOccasion)
  occasion!: InterpretationOccasion;

  @Field({ description: 'RFC 3339 date-time, in the future' })
  at!: string;
}

@InputType()
export class AccommodationInput {
  @Field(() => AccommodationKind)
  kind!: AccommodationKind;

  @Field()
  details!: string;
}
