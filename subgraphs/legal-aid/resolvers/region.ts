import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Region as RegionRecord } from '../../../platform/regions';
import { IndicatorValue, PeriodInput } from '../../common/indicator-schema';
import { legalAidIndicators } from '../domain/indicators';
import type { LegalAidContext } from '../models';
import { Region } from '../schema/region';

@Resolver(() => Region)
export class RegionLegalAidResolver {
  @FieldResolver(() => [IndicatorValue], {
    description:
      'Legal aid (legal aid subgraph): VICTIMS_LEGAL_AID_REQUESTED, VICTIMS_WITH_LEGAL_AID_RATE, REPRESENTATION_GAP_DAYS_MEDIAN, HANDOFFS_ACCEPTED (docs/indicators.md), by the assignment\'s jurisdiction. Yearly values of the region are public; quarterly and per-jurisdiction ones are for partner systems, auditors, judges and prosecutors of the region',
  })
  legalAid(
    @Root() region: RegionRecord,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('byJurisdiction', () => Boolean, { nullable: true, defaultValue: false }) byJurisdiction: boolean,
    @Ctx() ctx: LegalAidContext,
  ) {
    return legalAidIndicators(ctx, region, { period, byJurisdiction });
  }
}
