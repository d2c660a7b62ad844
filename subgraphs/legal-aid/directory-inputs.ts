import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { ProviderKind } from './vocabulary';

// What a registrar enters into the legal aid directory (directory.ts).

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
