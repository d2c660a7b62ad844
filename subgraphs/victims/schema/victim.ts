import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { Consent } from './consent';
import { Identification } from './lifecycle';
import { AgeGroup, Gender, VictimStatus, Vulnerability } from './vocabulary';
import { Accommodations, RecoveryPeriod, Screening } from './screening';

/**
 * A victim (or presumed victim) of trafficking. Fields that can be denied are nullable:
 * a denial nulls the field, never the victim. Who may read which field is declared
 * in ../access.ts (victimAccess).
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

  @Field(() => Date, { nullable: true, description: 'When the record was closed (closeVictimRecord); the retention period runs from then' })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'After this the personal data is removed (npm run retention); CASE data stays for statistics' })
  retainUntil!: Date | null;

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

  @Field(() => Screening, { nullable: true, description: 'Latest identification screening (the first of `screenings`)' })
  screening!: Screening | null;

  @Field(() => [Screening], { nullable: true, description: 'The identification screenings recorded, newest first (the 20 newest)' })
  screenings!: Screening[] | null;

  @Field(() => Identification, { nullable: true, description: 'How the victim was identified (identifyVictim); null while PRESUMED' })
  identification!: Identification | null;

  @Field(() => [Consent], { nullable: true })
  consents!: Consent[] | null;
}

@ObjectType()
export class VictimConnection extends connectionOf('Victim', () => Victim, 'How many victims the whole list holds, across all its pages (exact)') {}

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
