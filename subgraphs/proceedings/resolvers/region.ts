import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Region as RegionRecord } from '../../../platform/regions';
import { IndicatorValue, PeriodInput } from '../../common/indicator-schema';
import { prosecutionIndicators } from '../domain/indicators';
import type { ProceedingContext } from '../models';
import { Region } from '../schema/region';

@Resolver(() => Region)
export class RegionProsecutionResolver {
  @FieldResolver(() => [IndicatorValue], {
    description:
      'Prosecution (proceedings subgraph): PROCEEDINGS_OPENED and CONVICTIONS (counts of people), URGENT_ORDERS_DECIDED_IN_TIME_RATE and MLA_REQUESTS_OVERDUE (institutions’ own events, shown as they are); docs/indicators.md. Yearly values of the region are public; quarterly and per-jurisdiction ones are for partner systems, auditors, judges and prosecutors of the region',
  })
  prosecution(
    @Root() region: RegionRecord,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('byJurisdiction', () => Boolean, { nullable: true, defaultValue: false }) byJurisdiction: boolean,
    @Ctx() ctx: ProceedingContext,
  ) {
    return prosecutionIndicators(ctx, region, { period, byJurisdiction });
  }
}
