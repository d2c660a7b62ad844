import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Region as RegionRecord } from '../../../platform/regions';
import { IndicatorValue, PeriodInput } from '../../common/indicator-schema';
import { protectionIndicators } from '../domain/indicators';
import type { ShelterContext } from '../models';
import { Region } from '../schema/region';

@Resolver(() => Region)
export class RegionProtectionResolver {
  @FieldResolver(() => [IndicatorValue], {
    description:
      'Protection (shelters subgraph): PLACEMENTS_STARTED, OCCUPANCY_RATE, SHELTER_BEDS, TRANSPORTS_TO_HEARINGS (docs/indicators.md), by the shelter\'s jurisdiction, never by shelter. Yearly values of the region are public; quarterly and per-jurisdiction ones are for partner systems, auditors, judges and prosecutors of the region',
  })
  protection(
    @Root() region: RegionRecord,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('byJurisdiction', () => Boolean, { nullable: true, defaultValue: false }) byJurisdiction: boolean,
    @Ctx() ctx: ShelterContext,
  ) {
    return protectionIndicators(ctx, region, { period, byJurisdiction });
  }
}
