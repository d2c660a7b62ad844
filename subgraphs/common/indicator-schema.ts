import 'reflect-metadata';
import { Arg, Ctx, Directive, Field, FieldResolver, Float, InputType, Int, ObjectType, registerEnumType, Resolver, Root, type ClassType } from 'type-graphql';
import type { Region as RegionRecord } from '../../platform/regions';
import type { RequestContext } from './context';
import { answerIndicators, type Counted } from './indicator-answers';
import type { Granularity as GranularityName, IndicatorValue as Value, Period, PeriodInput as Input } from './indicators';

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

/** What every indicator field's description ends with: who may read which view (common/indicator-answers.ts). */
const VIEWS = "Yearly values of the region are public; quarterly and per-jurisdiction ones are for partner systems, auditors, judges and prosecutors of the region";

/**
 * A subgraph's indicator field on its `Region` class (`regionEntity()`), e.g.
 * `indicatorField(Region, 'protection', 'Protection (shelters subgraph): …', countedIn)`:
 * `(period: PeriodInput!, byJurisdiction: Boolean = false): [IndicatorValue!]!`, answered by
 * the platform (answerIndicators: the period checked, the view decided, the read logged,
 * the rules of publication applied) from what the subgraph counts for one jurisdiction and
 * period (`countedIn`). The resolver class goes into the subgraph's `resolvers`.
 */
export function indicatorField<C extends RequestContext>(region: ClassType, field: string, counts: string, countedIn: (ctx: C, jurisdiction: string, period: Period) => Promise<Counted[]>): ClassType {
  // The resolver's method is named after the field, its decorators applied here: type-graphql finds a field's resolver
  // by the type and the method's name, so two indicator fields of one subgraph's Region must not share a method name.
  class IndicatorFieldResolver {}
  const resolve = (of: RegionRecord, period: PeriodInput, byJurisdiction: boolean, ctx: C) =>
    answerIndicators(ctx, of, field, { period, byJurisdiction }, (jurisdiction, within) => countedIn(ctx, jurisdiction, within));
  const prototype = IndicatorFieldResolver.prototype;
  Object.defineProperty(prototype, field, { value: resolve, writable: true, configurable: true });
  Ctx()(prototype, field, 3);
  Arg('byJurisdiction', () => Boolean, { nullable: true, defaultValue: false })(prototype, field, 2);
  Arg('period', () => PeriodInput)(prototype, field, 1);
  Root()(prototype, field, 0);
  FieldResolver(() => [IndicatorValue], { name: field, description: `${counts} (docs/indicators.md). ${VIEWS}` })(prototype, field, Object.getOwnPropertyDescriptor(prototype, field)!);
  Resolver(() => region)(IndicatorFieldResolver);
  return IndicatorFieldResolver;
}
