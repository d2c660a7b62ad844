import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { meEntity, meOf, type MeRecord } from '../../common/me';
import type { VictimContext } from '../models';

/** `Me` in the victims subgraph: the owner of `Query.me`, and what the token says of the caller. */
export const Me = meEntity();

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { nullable: true, description: 'The caller: who the token says it is, and (from each subgraph) its own records' })
  me(@Ctx() ctx: VictimContext): MeRecord | null {
    return meOf(ctx);
  }

  @FieldResolver(() => String, { nullable: true })
  role(@Root() _me: MeRecord, @Ctx() ctx: VictimContext): string {
    return ctx.caller!.role;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The jurisdiction the caller acts in' })
  jurisdiction(@Root() _me: MeRecord, @Ctx() ctx: VictimContext): string {
    return ctx.caller!.jurisdiction;
  }

  @FieldResolver(() => String, { nullable: true, description: "The caller's organisation (the token's org claim)" })
  organisation(@Root() _me: MeRecord, @Ctx() ctx: VictimContext): string {
    return ctx.caller!.org;
  }

  @FieldResolver(() => [String], { nullable: true, description: 'For an auditor: the jurisdictions it oversees' })
  oversees(@Root() _me: MeRecord, @Ctx() ctx: VictimContext): string[] {
    return ctx.caller!.oversight;
  }
}
