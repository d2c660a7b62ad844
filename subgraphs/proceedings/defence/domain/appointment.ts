import { badInput } from '../../../../platform/errors';
import { visibleOnly } from '../../../common/access';
import { pageOf, type Entity } from '../../../common/storage';
import { checkAll, countryCode, dateTime, newId, recordId, text } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import type { ProceedingStage } from '../../schema/vocabulary';
import { appointmentAccess } from '../access';
import { appoints, type AppointmentRecord } from '../models';
import type { AppointDefenceCounselInput } from '../schema/inputs';
import { checkDefendant, checkNotAppointed } from './rules';
import { recordWitnesses } from './witnesses';

/** Appointing (with the witnesses' profiles, domain/witnesses.ts) and ending defence counsel (judges of the proceeding's jurisdiction), a counsel's own proceedings, the disclosure deadline. */

export async function appointCounsel(ctx: ProceedingContext, proceedingId: string, input: AppointDefenceCounselInput) {
  const proceeding = (await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId')))!; // the rule found it
  const checked = await checkAll({
    defendant: () => checkDefendant(proceeding.defendants.map((d) => d.alias), text(input.defendant, 'input.defendant', { max: 100 }), 'input.defendant'),
    counselSubject: () => text(input.counselSubject, 'input.counselSubject', { max: 200 }),
    counselOrganisation: () => text(input.counselOrganisation, 'input.counselOrganisation', { max: 200 }),
  });
  const { defenceAppointments } = ctx.models;
  // One writer per proceeding, so that two appointments of one counsel cannot race past the check.
  return defenceAppointments.lists.exclusive(`defence/appointments/${proceeding.id}`, async () => {
    checkNotAppointed(await defenceAppointments.loaderBy('proceeding').load(proceeding.id), checked.counselSubject, 'input.counselSubject');
    // What she will read of the victims: their witness profiles, taken now with the judge's token (decision 117).
    await recordWitnesses(ctx, proceeding, 'DEFENCE_COUNSEL_APPOINTED');
    const _id = newId();
    return ctx.audit.change('DEFENCE_COUNSEL_APPOINTED', 'DefenceAppointment', _id, ['proceedingId', 'defendant', 'counselSubject', 'counselOrganisation'], () =>
      defenceAppointments.create({
        _id,
        proceedingId: proceeding.id,
        jurisdiction: proceeding.jurisdiction,
        ...checked,
        appointedAt: ctx.now,
        appointedBy: ctx.caller!.sub,
        endedAt: null,
        endedBy: null,
        endReason: null,
      }),
    );
  });
}

export async function endAppointment(ctx: ProceedingContext, appointmentId: string, reason: string | null | undefined) {
  const id = recordId(appointmentId, 'appointmentId');
  const appointment = (await ctx.loaders.defenceAppointment.load(id))!; // the rule found it
  const checked = await checkAll({
    appointmentId: () => {
      if (appointment.endedAt) throw badInput('appointmentId', `the appointment already ended on ${appointment.endedAt.toISOString()}`);
    },
    reason: () => (reason != null ? text(reason, 'reason', { max: 1000 }) : null),
  });
  return ctx.audit.change('DEFENCE_APPOINTMENT_ENDED', 'DefenceAppointment', id, ['endedAt', 'endReason', 'active'], async () =>
    (await ctx.models.defenceAppointments.update(id, (current) => {
      if (current.endedAt) throw badInput('appointmentId', `the appointment already ended on ${current.endedAt.toISOString()}`);
      return { endedAt: ctx.now, endedBy: ctx.caller!.sub, endReason: checked.reason };
    }))!,
  );
}

/** A judge sets when the prosecution must have disclosed its evidence (a checked date-time, decision 22). */
export async function setDisclosureDeadline(ctx: ProceedingContext, proceedingId: string, dueBy: string) {
  const id = recordId(proceedingId, 'proceedingId');
  const checked = await checkAll({
    dueBy: () => {
      const at = dateTime(dueBy, 'dueBy');
      if (at <= ctx.now) throw badInput('dueBy', 'must be in the future');
      return at;
    },
  });
  return ctx.audit.change('DISCLOSURE_DEADLINE_SET', 'Proceeding', id, ['disclosureDueBy'], async () => (await ctx.models.proceedings.update(id, { disclosureDueBy: checked.dueBy }))!);
}

/** Proceeding.defenceAppointments: every one for the court and the prosecution, her own to a counsel. */
export async function appointmentsOf(ctx: ProceedingContext, proceedingId: string) {
  return visibleOnly(appointmentAccess, ctx, await ctx.loaders.appointmentsOfProceeding.load(proceedingId));
}

/**
 * A counsel's proceedings: those of her active appointments, oldest appointment first, read
 * from the appointments listed by counsel subject (never a scan); `jurisdiction` narrows it.
 */
export async function counselProceedingsPage(ctx: ProceedingContext, args: { jurisdiction?: string; stage?: ProceedingStage; first?: number; after?: string }) {
  const caller = ctx.caller!;
  if (args.stage != null) throw badInput('stage', "a defence counsel's list is of the proceedings she is appointed in, not filtered by stage");
  const only = args.jurisdiction != null ? countryCode(args.jurisdiction, 'jurisdiction') : null;
  const { defenceAppointments } = ctx.models;
  const where = (a: Entity<AppointmentRecord>) => appoints(a, caller) && (only === null || a.jurisdiction === only);
  const page = await pageOf([{ records: defenceAppointments, list: defenceAppointments.list('activeCounsel', caller.sub), where }], { first: args.first, after: args.after });
  const proceedings = await Promise.all(page.edges.map((edge) => ctx.loaders.proceeding.load(edge.node.proceedingId)));
  return {
    edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: proceedings[i] as Entity<ProceedingRecord> })),
    pageInfo: page.pageInfo,
    get totalCount() {
      return page.totalCount;
    },
  };
}
