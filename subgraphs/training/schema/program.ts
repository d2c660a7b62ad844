import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AccreditationBody } from './body';
import { Competency, PractitionerRole } from './vocabulary';

/** A body's programs: modules with their hours and competency, and who must hold them. */

@ObjectType()
export class TrainingModule {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float)
  hours!: number;

  @Field(() => Competency)
  competency!: Competency;
}

@ObjectType({ description: 'A program of an accreditation body: a certificate needs a passing completion of every module' })
export class TrainingProgram {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => AccreditationBody)
  body!: AccreditationBody;

  @Field(() => Int, { description: 'A module is passed with at least this score (0–100)' })
  passingScore!: number;

  @Field(() => [TrainingModule])
  modules!: TrainingModule[];

  @Field(() => [PractitionerRole], { description: 'The professions that must hold it' })
  requiredFor!: PractitionerRole[];

  @Field(() => Float)
  totalHours!: number;

  @Field(() => Date, { nullable: true, description: 'When it was retired: it takes no new completions or certificates; those it gave stay valid' })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was retired' })
  retirementReason!: string | null;
}
