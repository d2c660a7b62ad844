import { badInput } from '../../../platform/errors';
import { accessReportEntries } from '../../common/access-report';
import { dateTime, recordId } from '../../common/validate';
import { reintegrationAccess, returnPlanAccess, victimAccess } from '../access';
import type { VictimContext } from '../models';

/**
 * Who read or was refused a victim's data in a period, in plain language (common/access-report.ts).
 * The rule (permissions.ts) found the victim in the caller's jurisdiction before this runs.
 */
export async function accessReportOf(ctx: VictimContext, victimId: string, from: string | undefined, to: string | undefined) {
  const id = recordId(victimId, 'victimId');
  const since = from != null ? dateTime(from, 'from') : new Date(0);
  const until = to != null ? dateTime(to, 'to') : ctx.now;
  if (since > until) throw badInput('from', 'must not be after to');
  const victim = (await ctx.loaders.victim.load(id))!; // the rule found it, in the caller's jurisdiction
  const events = await ctx.audit.log.trail('Victim', id);
  // Her returns are hers too: who in the destination read her plan, and each step taken.
  const plans = await ctx.loaders.returnPlansOfVictim.load(id);
  const reintegrations = await ctx.loaders.reintegrationPlansOfVictim.load(id);
  const planEntries = [
    ...(await Promise.all(plans.map((plan) => ctx.audit.log.trail('ReturnPlan', plan.id)))).map((trail) => accessReportEntries(trail, returnPlanAccess, since, until)),
    ...(await Promise.all(reintegrations.map((plan) => ctx.audit.log.trail('ReintegrationPlan', plan.id)))).map((trail) => accessReportEntries(trail, reintegrationAccess, since, until)),
  ];
  // Producing the report is itself an access to the victim's audit trail.
  ctx.audit.noteEvent('ACCESS_REPORT', 'Victim', id, ['accessReport']);
  return {
    victimId: id,
    caseReference: victim.caseReference,
    from: since,
    to: until,
    generatedAt: ctx.now,
    entries: [accessReportEntries(events, victimAccess, since, until), ...planEntries].flat().sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}
