import { Field, Int, ObjectType } from 'type-graphql';
import { IndicatorDimension, IndicatorStrength } from './vocabulary';

@ObjectType({ description: 'An ILO operational indicator of trafficking' })
export class IloIndicator {
  @Field()
  code!: string;

  @Field(() => IndicatorDimension)
  dimension!: IndicatorDimension;

  @Field(() => IndicatorStrength)
  strength!: IndicatorStrength;

  @Field()
  description!: string;
}

@ObjectType()
export class DimensionAssessment {
  @Field(() => IndicatorDimension)
  dimension!: IndicatorDimension;

  @Field(() => Int)
  strong!: number;

  @Field(() => Int)
  medium!: number;

  @Field(() => Int)
  weak!: number;

  @Field({ description: 'Whether the ILO threshold for this dimension is met' })
  present!: boolean;
}

@ObjectType({ description: 'A standardized identification screening (ILO indicators)' })
export class Screening {
  @Field()
  screenedAt!: Date;

  @Field({ description: 'Who assessed (name or staff reference)' })
  assessor!: string;

  @Field()
  formVersion!: string;

  @Field(() => [IloIndicator])
  indicators!: IloIndicator[];

  @Field(() => [DimensionAssessment])
  dimensions!: DimensionAssessment[];

  @Field({ description: 'Recruitment, exploitation and coercion dimensions all present: reasonable grounds to treat as a victim' })
  indicatesTrafficking!: boolean;

  @Field({ description: 'When it was recorded in the hub' })
  recordedAt!: Date;

  @Field({ description: 'Subject of the token that recorded it' })
  recordedBy!: string;
}

@ObjectType({ description: 'Recovery and reflection period (Council of Europe Convention, Art. 13)' })
export class RecoveryPeriod {
  @Field()
  startsOn!: string;

  @Field()
  endsOn!: string;

  @Field(() => Int)
  days!: number;
}

@ObjectType({ description: 'What the victim needs to take part (interpretation, disability)' })
export class Accommodations {
  @Field(() => String, { nullable: true, description: 'ISO 639-1 language for interpretation' })
  interpretationLanguage!: string | null;

  @Field(() => [String])
  disabilityNeeds!: string[];
}
