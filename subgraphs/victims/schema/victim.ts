import 'reflect-metadata';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  forRoles,
  namedByVictimConsent,
  overseesJurisdiction,
  ownJurisdiction,
  PROFESSIONALS,
  protectedCategories,
  typeAccess,
  victimConsent,
} from '../../common/access';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import { connectionOf } from '../../common/storage';
import type { VictimContext, VictimRecord } from '../models';
import { Consent } from './consent';
import { Identification } from './lifecycle';
import { AgeGroup, Gender, VictimStatus, Vulnerability } from './vocabulary';
import { Accommodations, RecoveryPeriod, Screening } from './screening';

/**
 * A victim (or presumed victim) of trafficking. Fields that can be denied are nullable:
 * a denial nulls the field, never the victim. Who may read which field is declared
 * below the class (victimAccess).
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

/**
 * Who may read which Victim field. Protected categories: the hub's roles for each, acting
 * in the victim's own jurisdiction or holding an active consent of the victim for that
 * category and jurisdiction. The consent records (purposes, grantees, who recorded them)
 * are not CASE data: professionals of the victim's jurisdiction and auditors overseeing it
 * see them all; a professional of a jurisdiction an active consent names sees only the
 * consents naming it, without who recorded them (resolvers/victim.resolver.ts); shelters,
 * partner systems and accreditation officers see none.
 */
export const victimAccess = typeAccess<Entity<VictimRecord>>({
  typeName: 'Victim',
  noun: 'this victim',
  id: (victim) => victim.id,
  jurisdiction: (victim) => victim.jurisdiction,
  visibleOn: [namedByVictimConsent((victim) => victim.id)],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as VictimContext).loaders.victim.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    caseReference: 'CASE',
    jurisdiction: 'CASE',
    status: 'CASE',
    ageGroup: 'CASE',
    gender: 'CASE',
    nationality: 'CASE',
    languages: 'CASE',
    nonPunishmentProtection: 'CASE',
    recoveryPeriod: 'CASE',
    closedAt: 'CASE',
    retainUntil: 'CASE',
    consents: 'CONSENT_RECORDS',
    legalName: 'IDENTITY',
    dateOfBirth: 'IDENTITY',
    contactPhone: 'CONTACT',
    currentLocality: 'LOCATION',
    vulnerabilities: 'HEALTH',
    accommodations: 'HEALTH',
    screening: 'TESTIMONY',
    screenings: 'TESTIMONY',
    // The grounds of an identification are part of the victim's account, like a screening.
    identification: 'TESTIMONY',
  },
  rules: {
    ...protectedCategories([ownJurisdiction((victim) => victim.jurisdiction), victimConsent((victim) => victim.id)]),
    CONSENT_RECORDS: {
      roles: [...PROFESSIONALS, 'auditor'],
      bases: [
        overseesJurisdiction((victim) => victim.jurisdiction),
        forRoles(PROFESSIONALS, ownJurisdiction((victim) => victim.jurisdiction)),
        forRoles(PROFESSIONALS, namedByVictimConsent((victim) => victim.id)),
      ],
      denied: (whom) => `The consent records of this victim are not shown to ${whom}`,
    },
  },
});

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
