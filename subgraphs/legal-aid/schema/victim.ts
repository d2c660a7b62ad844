import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { LegalAidAssignment } from './assignment';
import { ProceedingReference } from './references';
import { GapReason } from './vocabulary';

@ObjectType({ description: 'A time the victim needed a lawyer and had none active' })
export class LegalAidGap {
  @Field()
  from!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: still open' })
  to!: Date | null;

  @Field(() => GapReason)
  reason!: GapReason;

  @Field(() => ProceedingReference, { nullable: true })
  proceeding!: ProceedingReference | null;
}

@ObjectType({ description: "A victim's legal aid, across jurisdictions, as far as the caller may see it" })
export class VictimLegalAid {
  @Field(() => [LegalAidAssignment], { description: 'Offered or active now' })
  current!: LegalAidAssignment[];

  @Field(() => [LegalAidAssignment], { description: 'Handed off or closed, oldest first' })
  history!: LegalAidAssignment[];

  @Field(() => [LegalAidGap], {
    nullable: true,
    description:
      "Periods with an open proceeding of the victim's (as the caller may see it) and no ACTIVE assignment, and, in the destination of a return of hers not cancelled, from its proposal until an assignment there is ACTIVE",
  })
  gaps!: LegalAidGap[] | null;
}
