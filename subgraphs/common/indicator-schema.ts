import 'reflect-metadata';
import { Directive, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Granularity as GranularityName, IndicatorValue as Value, PeriodInput as Input } from './indicators';

/** The GraphQL shape of regional indicators, the same in every subgraph that adds a field to `Region` (issue 26). */

export enum Granularity {
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Granularity, { name: 'Granularity', description: 'Periods are calendar quarters or years only: two overlapping windows could be differenced' });

@InputType({ description: 'A calendar quarter (with `quarter`) or a calendar year (without)' })
export class PeriodInput implements Input {
  @Field(() => Granularity)
  granularity!: GranularityName;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: '1 to 4, for a QUARTER' })
  quarter?: number | null;
}

@Directive('@shareable')
@ObjectType({ description: 'One indicator of one period, for the region (jurisdiction null) or one of its jurisdictions; a count of people below 11 is suppressed and one shown is rounded up to a multiple of 5 (docs/indicators.md)' })
export class IndicatorValue implements Omit<Value, 'people'> {
  @Field({ description: 'e.g. PRESUMED_VICTIMS' })
  indicator!: string;

  @Field(() => String, { nullable: true, description: 'Null for the whole region' })
  jurisdiction!: string | null;

  @Field({ description: 'e.g. 2026-Q3, or 2026' })
  period!: string;

  @Field(() => Float, { nullable: true, description: 'Null when suppressed' })
  value!: number | null;

  @Field({ description: 'True when the value is withheld so that no person can be singled out' })
  suppressed!: boolean;

  @Field({ description: 'people, events, rate (0–1) or days' })
  unit!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
