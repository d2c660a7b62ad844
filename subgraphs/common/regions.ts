import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { Region } from '../../platform/regions';
import type { RequestContext } from './context';
import { allow, type Permissions } from './rules';

/**
 * `Region`: the regions the hub reports on (`REGIONS`, platform/regions.ts), one entity
 * keyed by its code that every subgraph adds its indicators to (issue 26). Regions are
 * configuration, not records: every subgraph knows them all from its settings, so a
 * representation is resolved by its code without asking anyone, and an unknown code is
 * null.
 */

/**
 * A subgraph's own `Region` class (each subgraph calls this once, as with `Me`: type-graphql
 * keeps field resolvers per class).
 */
export function regionEntity() {
  @Directive('@key(fields: "code")')
  @ObjectType('Region', { description: 'A region the hub reports on: its jurisdictions, and (from each subgraph) its indicators' })
  class RegionEntity implements Pick<Region, 'code'> {
    @Field({ description: 'e.g. WB' })
    code!: string;
  }
  return RegionEntity;
}

/** The region of a code, or null. */
export function regionOf(ctx: Pick<RequestContext, 'regions'>, code: string): Region | null {
  return ctx.regions.find((r) => r.code === code) ?? null;
}

/** `Region` by reference: from the settings. */
export const regionReference = {
  __resolveReference: (reference: { code?: unknown }, ctx: RequestContext): Region | null => (typeof reference.code === 'string' ? regionOf(ctx, reference.code) : null),
};

/**
 * What a region is (code, name, jurisdictions) is public, like the precedents, and so is
 * an indicator's value once its field answered: who may ask which period and view is
 * decided by the platform when the field is asked (common/indicator-answers.ts).
 */
export const regionPermissions: Permissions = { Region: allow, IndicatorValue: allow };
