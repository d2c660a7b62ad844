import 'reflect-metadata';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Gender } from '../../../common/vocabulary';
import { VictimReference } from '../../schema/proceeding';

/**
 * A victim of a proceeding as the defence knows her (decision 117): a label, an age group
 * and a gender, taken at a judge's step through the victims subgraph; her identity only on
 * a judge's order, for that one witness. Who reads which field: ../access.ts (witnessAccess).
 */

export enum WitnessAgeGroup {
  CHILD = 'CHILD',
  ADULT = 'ADULT',
}
registerEnumType(WitnessAgeGroup, { name: 'WitnessAgeGroup', description: 'Under 18 or not when the profile was taken: what the trial needs (a child witness is heard under other rules), no finer' });

@ObjectType({ description: "The identity a judge ordered disclosed to the defence: the witness's name and date of birth, nothing else of her" })
export class WitnessIdentity {
  @Field({ description: 'Her legal name as the victims subgraph recorded it' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when not recorded' })
  dateOfBirth!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A victim of the proceeding, pseudonymised as a witness for the defence: never her identity, contact, location, health or shelter unless a judge orders her identity disclosed' })
export class Witness {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "W-1, W-2, … in the proceeding's victims' order: stable for the proceeding" })
  label!: string | null;

  @Field(() => WitnessAgeGroup, { nullable: true, description: 'When the profile was taken (counsel appointed or identity ordered); null: not known' })
  ageGroup!: WitnessAgeGroup | null;

  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Field(() => Date, { nullable: true, description: "When a judge ordered her identity disclosed to the defence; null: not ordered" })
  identityDisclosedAt!: Date | null;

  @Field(() => WitnessIdentity, { nullable: true, description: "Her name and date of birth: to the defence only after a judge's order for this witness (orderWitnessIdentityDisclosure)" })
  identity!: WitnessIdentity | null;

  @Field(() => String, { nullable: true, description: "The judge's reasons for disclosing her identity (judges and prosecutors of the jurisdiction)" })
  identityDisclosureReasons!: string | null;

  @Field(() => VictimReference, { nullable: true, description: 'The victim the label stands for (judges and prosecutors of the jurisdiction)' })
  victim!: VictimReference | null;
}
