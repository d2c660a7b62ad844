import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/pagination';
import { Consent } from './consent';
import { AgeGroup, Gender, VictimStatus, Vulnerability } from './enums';
import { Accommodations, RecoveryPeriod, Screening } from './screening';

/**
 * A victim (or presumed victim) of trafficking. Fields that can be denied are nullable:
 * a denial nulls the field, never the victim. The data category of each field is in
 * permissions.ts.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Victim {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Pseudonymous case reference, safe to quote across agencies' })
  caseReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Registering jurisdiction (ISO 3166-1 alpha-2)' })
  jurisdiction!: string | null;

  @Field(() => VictimStatus, { nullable: true })
  status!: VictimStatus | null;

  @Field(() => AgeGroup, { nullable: true })
  ageGroup!: AgeGroup | null;

  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  nationality!: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  languages!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Protected from punishment for offences the victim was compelled to commit (CoE Art. 26)' })
  nonPunishmentProtection!: boolean | null;

  @Field(() => RecoveryPeriod, { nullable: true })
  recoveryPeriod!: RecoveryPeriod | null;

  @Field(() => String, { nullable: true })
  legalName!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth!: string | null;

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true })
  currentLocality!: string | null;

  @Field(() => [Vulnerability], { nullable: true })
  vulnerabilities!: Vulnerability[] | null;

  @Field(() => Accommodations, { nullable: true })
  accommodations!: Accommodations | null;

  @Field(() => Screening, { nullable: true, description: 'Latest identification screening' })
  screening!: Screening | null;

  @Field(() => [Consent], { nullable: true })
  consents!: Consent[] | null;
}

@ObjectType()
export class VictimEdge {
  @Field()
  cursor!: string;

  @Field(() => Victim)
  node!: Victim;
}

@ObjectType()
export class VictimConnection {
  @Field(() => [VictimEdge])
  edges!: VictimEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many victims the whole list holds, across all its pages (exact)' })
  totalCount!: number;
}

@ObjectType({ description: 'Another record that may be the same person; identity is never revealed' })
export class PossibleDuplicate {
  @Field()
  jurisdiction!: string;

  @Field()
  caseReference!: string;
}

@ObjectType()
export class RegisterVictimPayload {
  @Field(() => Victim)
  victim!: Victim;

  @Field(() => [PossibleDuplicate])
  possibleDuplicates!: PossibleDuplicate[];
}
