import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badInput } from '../../../platform/errors';
import { accessReportEntries } from '../../common/access-report';
import { dateTime, recordId } from '../../common/validate';
import type { VictimContext } from '../models';
import { AccessReport } from '../schema/access-report';
import { victimAccess } from '../schema/victim';

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
    const id = recordId(victimId, 'victimId');
    const since = from != null ? dateTime(from, 'from') : new Date(0);
    const until = to != null ? dateTime(to, 'to') : ctx.now;
    if (since > until) throw badInput('from', 'must not be after to');
    const victim = (await ctx.loaders.victim.load(id))!; // the rule found it, in the caller's jurisdiction
    const events = await ctx.audit.log.trail('Victim', id);
    // Producing the report is itself an access to the victim's audit trail.
    ctx.audit.noteEvent('ACCESS_REPORT', 'Victim', id, ['accessReport']);
    return {
      victimId: id,
      caseReference: victim.caseReference,
      from: since,
      to: until,
      generatedAt: ctx.now,
      entries: accessReportEntries(events, victimAccess, since, until),
    };
  }
}
