import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Purpose } from '../../../platform/purposes';
import { DataCategoryEnum, PurposeEnum } from './vocabulary';

@ObjectType({ description: "A victim's consent to share categories of data with other jurisdictions (modelled on FHIR Consent)" })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => [DataCategoryEnum])
  categories!: DataCategoryEnum[];

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 jurisdictions that may see the categories' })
  granteeJurisdictions!: string[];

  @Field(() => [PurposeEnum], { description: 'What the shared data may be used for: a read under this consent must state one of them' })
  purposes!: Purpose[];

  @Field(() => String, { nullable: true, description: 'Free text of the one who recorded it (not shown to other jurisdictions)' })
  note!: string | null;

  @Field()
  grantedAt!: Date;

  @Field(() => String, { nullable: true, description: "Subject of the token that recorded the consent (not shown to other jurisdictions)" })
  grantedBy!: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field({ description: 'Neither withdrawn nor expired' })
  active!: boolean;
}

@Directive('@inaccessible')
@ObjectType({ description: 'An active consent as another subgraph needs it to decide a field: its id and categories' })
export class SharedConsent {
  @Field(() => ID)
  id!: string;

  @Field(() => [DataCategoryEnum])
  categories!: DataCategoryEnum[];

  @Field(() => [PurposeEnum])
  purposes!: Purpose[];
}

@Directive('@inaccessible')
@ObjectType({ description: "What one victim shares with the caller's jurisdiction" })
export class VictimSharing {
  @Field(() => ID)
  victimId!: string;

  @Field(() => String, { nullable: true, description: "The victim's own jurisdiction (null: no such victim)" })
  jurisdiction!: string | null;

  @Field(() => [SharedConsent], { description: "Active consents that name the caller's jurisdiction" })
  consents!: SharedConsent[];
}
