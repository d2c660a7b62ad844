import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import { providersOf } from '../domain/directory';
import { matchAttorneys } from '../domain/matching';
import type { AttorneyRecord, LegalAidContext } from '../models';
import { Attorney, AttorneyMatch } from '../schema/attorney';
import { LegalAidProvider } from '../schema/provider';
import { LegalMatter } from '../schema/vocabulary';

type AttorneyDoc = Entity<AttorneyRecord>;

/** The directory as every authenticated caller reads it, and matching. */
@Resolver(() => Attorney)
export class AttorneyResolver {
  @Query(() => Attorney, { nullable: true })
  attorney(@Arg('id', () => ID) id: string, @Ctx() ctx: LegalAidContext): Promise<AttorneyDoc | null> {
    return ctx.loaders.attorney.load(recordId(id, 'id'));
  }

  @Query(() => [LegalAidProvider], { description: 'The legal aid providers of a jurisdiction (default: the caller’s)' })
  legalAidProviders(@Ctx() ctx: LegalAidContext, @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string) {
    return providersOf(ctx, jurisdiction);
  }

  @Query(() => [AttorneyMatch], { description: 'Attorneys of a jurisdiction accepting cases, those who speak the wanted languages first, then the least loaded' })
  matchAttorneys(
    @Arg('jurisdiction', () => String) jurisdiction: string,
    @Ctx() ctx: LegalAidContext,
    @Arg('languages', () => [String], { defaultValue: [] }) wanted: string[],
    @Arg('matter', () => LegalMatter, { nullable: true }) matter?: LegalMatter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number,
  ) {
    return matchAttorneys(ctx, jurisdiction, wanted, matter, first);
  }

  @FieldResolver(() => LegalAidProvider, { nullable: true })
  provider(@Root() attorney: AttorneyDoc, @Ctx() ctx: LegalAidContext) {
    return ctx.loaders.provider.load(attorney.providerId);
  }

  @FieldResolver(() => Int, { nullable: true })
  async activeAssignments(@Root() attorney: AttorneyDoc, @Ctx() ctx: LegalAidContext): Promise<number> {
    return (await ctx.loaders.openAssignmentsOfAttorney.load(attorney.id)).length;
  }
}
