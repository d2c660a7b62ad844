import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Region as RegionRecord } from '../../../platform/regions';
import { IndicatorValue, PeriodInput } from '../../common/indicator-schema';
import { accreditationIndicators } from '../domain/indicators';
import type { TrainingContext } from '../models';
import { Region } from '../schema/region';

@Resolver(() => Region)
export class RegionAccreditationResolver {
  @FieldResolver(() => [IndicatorValue], {
    description: 'Accreditation (training subgraph): PRACTITIONERS_CERTIFIED (all roles, then one value per PractitionerRole, `note` "role: JUDGE") and CERTIFICATES_EXPIRING_90_DAYS (docs/indicators.md); counts of practitioners, shown as they are. Yearly values of the region are public; quarterly and per-jurisdiction ones are for partner systems, auditors, judges and prosecutors of the region',
  })
  accreditation(
    @Root() region: RegionRecord,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('byJurisdiction', () => Boolean, { nullable: true, defaultValue: false }) byJurisdiction: boolean,
    @Ctx() ctx: TrainingContext,
  ) {
    return accreditationIndicators(ctx, region, { period, byJurisdiction });
  }
}
