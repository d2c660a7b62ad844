import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Region as RegionRecord } from '../../../platform/regions';
import { indicatorField } from '../../common/indicator-schema';
import { regionEntity, regionOf } from '../../common/regions';
import { countedIn } from '../domain/indicators';
import { reintegrationCountedIn } from '../domain/reintegration-indicators';
import type { VictimContext } from '../models';

/** `Region` in the victims subgraph: the owner of `Query.region(s)`, and what a region is (its name and jurisdictions). */
export const Region = regionEntity();

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'The regions the hub reports on (REGIONS), public' })
  regions(@Ctx() ctx: VictimContext): readonly RegionRecord[] {
    return ctx.regions;
  }

  @Query(() => Region, { nullable: true, description: 'One region by its code (e.g. WB), public; null for a code the hub does not report on' })
  region(@Arg('code') code: string, @Ctx() ctx: VictimContext): RegionRecord | null {
    return regionOf(ctx, code);
  }

  @FieldResolver(() => String, { description: 'e.g. Western Balkans' })
  name(@Root() region: RegionRecord): string {
    return region.name;
  }

  @FieldResolver(() => [String], { description: 'Its jurisdictions (ISO 3166-1 alpha-2): each belongs to one region at most' })
  jurisdictions(@Root() region: RegionRecord): string[] {
    return region.jurisdictions;
  }
}

export const RegionIdentificationResolver = indicatorField<VictimContext>(
  Region,
  'identification',
  'Identification (victims subgraph): PRESUMED_VICTIMS, IDENTIFIED_VICTIMS, CHILD_VICTIMS, RECOVERY_PERIODS_STARTED, DAYS_TO_IDENTIFICATION_MEDIAN',
  countedIn,
);

export const RegionReintegrationResolver = indicatorField<VictimContext>(
  Region,
  'reintegration',
  'Returns and reintegration (victims subgraph): RETURNS_WITH_RISK_ASSESSMENT_RATE by the sending jurisdiction, REINTEGRATION_PLANS_ACTIVE and REINTEGRATION_GOALS_MET_RATE by the destination',
  reintegrationCountedIn,
);
