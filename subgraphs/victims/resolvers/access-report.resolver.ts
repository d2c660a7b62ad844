import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { accessReportOf } from '../domain/access-report';
import type { VictimContext } from '../models';
import { AccessReport } from '../schema/access-report';

@Resolver()
export class AccessReportResolver {
  @Query(() => AccessReport, {
    description:
      "Who read or was refused the victim's data, when, which categories and why, in plain language (social worker or legal aid attorney of the victim's jurisdiction, with a stated purpose)",
  })
  async accessReport(
    @Arg('victimId', () => ID) victimId: string,
    @Ctx() ctx: VictimContext,
    @Arg('from', () => String, { nullable: true, description: 'RFC 3339 date-time; default: from the beginning' }) from?: string,
    @Arg('to', () => String, { nullable: true, description: 'RFC 3339 date-time; default: now' }) to?: string,
  ): Promise<AccessReport> {
    return accessReportOf(ctx, victimId, from, to);
  }
}
