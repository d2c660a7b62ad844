import { Field, ID, ObjectType } from 'type-graphql';
import { DataCategoryEnum } from './enums';

@ObjectType({ description: "A victim's consent to share categories of data with other jurisdictions (modelled on FHIR Consent)" })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => [DataCategoryEnum])
  categories!: DataCategoryEnum[];

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 jurisdictions that may see the categories' })
  granteeJurisdictions!: string[];

  @Field()
  purpose!: string;

  @Field()
  grantedAt!: Date;

  @Field({ description: 'Subject of the token that recorded the consent' })
  grantedBy!: string;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field({ description: 'Neither withdrawn nor expired' })
  active!: boolean;
}
