import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import { visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { isRecordId } from '../../../common/validate';
import { proceedingAccess } from '../../access';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { Evidence } from '../../schema/evidence';
import { Proceeding } from '../../schema/proceeding';
import { appointCounsel, appointmentsOf, endAppointment, setDisclosureDeadline } from '../domain/appointment';
import { discloseEvidence, disclosuresOf, evidenceOfDisclosure, orderDisclosure, orderOfDisclosure } from '../domain/disclosure';
import { isActive, type AppointmentDoc, type DisclosureDoc, type WitnessDoc } from '../models';
import { orderWitnessIdentityDisclosure, witnessesOf } from '../domain/witnesses';
import { Witness, WitnessIdentity } from '../schema/witness';
import { VictimReference } from '../../schema/proceeding';
import { DefenceAppointment, Disclosure, DisclosureOrder } from '../schema/defence';
import { AppointDefenceCounselInput, DiscloseEvidenceInput } from '../schema/inputs';

@Resolver(() => DefenceAppointment)
export class DefenceAppointmentResolver {
  @Audited('DEFENCE_COUNSEL_APPOINTED')
  @Mutation(() => DefenceAppointment, { description: "Appoints counsel for one of the proceeding's defendants (a judge of its jurisdiction); she reads it for the defence while the appointment is active" })
  appointDefenceCounsel(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => AppointDefenceCounselInput) input: AppointDefenceCounselInput, @Ctx() ctx: ProceedingContext) {
    return appointCounsel(ctx, proceedingId, input);
  }

  @Audited('DEFENCE_APPOINTMENT_ENDED')
  @Mutation(() => DefenceAppointment, { description: "Ends an appointment (a judge of the proceeding's jurisdiction); the counsel's access ends with the next request" })
  endDefenceAppointment(@Arg('appointmentId', () => ID) appointmentId: string, @Ctx() ctx: ProceedingContext, @Arg('reason', () => String, { nullable: true }) reason?: string) {
    return endAppointment(ctx, appointmentId, reason);
  }

  @FieldResolver(() => Proceeding, { nullable: true })
  async proceeding(@Root() appointment: AppointmentDoc, @Ctx() ctx: ProceedingContext) {
    return visibleOrNull(proceedingAccess, ctx, await ctx.loaders.proceeding.load(appointment.proceedingId));
  }

  @FieldResolver(() => Boolean, { nullable: true })
  active(@Root() appointment: AppointmentDoc): boolean {
    return isActive(appointment);
  }
}

@Resolver(() => Disclosure)
export class DisclosureResolver {
  @Audited('DISCLOSURE_ORDERED')
  @Mutation(() => DisclosureOrder, { description: "Orders that an H2 or H3 item may be disclosed to the defence, with reasons (a judge of its jurisdiction)" })
  orderDisclosure(@Arg('evidenceId', () => ID) evidenceId: string, @Arg('reasons') reasons: string, @Ctx() ctx: ProceedingContext) {
    return orderDisclosure(ctx, evidenceId, reasons);
  }

  @Audited('EVIDENCE_DISCLOSED')
  @Mutation(() => Disclosure, { description: "Discloses an item to one defendant, whose counsel then reads it (a prosecutor of its jurisdiction); an H2 or H3 item only on a judge's order; once per item and defendant" })
  discloseEvidence(@Arg('evidenceId', () => ID) evidenceId: string, @Arg('input', () => DiscloseEvidenceInput) input: DiscloseEvidenceInput, @Ctx() ctx: ProceedingContext) {
    return discloseEvidence(ctx, evidenceId, input);
  }

  @FieldResolver(() => Evidence, { nullable: true })
  evidence(@Root() disclosure: DisclosureDoc, @Ctx() ctx: ProceedingContext) {
    return evidenceOfDisclosure(ctx, disclosure);
  }

  @FieldResolver(() => DisclosureOrder, { nullable: true })
  order(@Root() disclosure: DisclosureDoc, @Ctx() ctx: ProceedingContext) {
    return orderOfDisclosure(ctx, disclosure);
  }
}

/** The defence's fields of a proceeding (who reads them: the DEFENCE category of proceedingAccess). */
@Resolver(() => Proceeding)
export class ProceedingDefenceResolver {
  @Audited('DISCLOSURE_DEADLINE_SET')
  @Mutation(() => Proceeding, { description: "Sets when the prosecution must have disclosed its evidence to the defence (a judge of the proceeding's jurisdiction)" })
  setDisclosureDeadline(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('dueBy', { description: 'A date-time such as 2030-01-31T12:00:00Z, in the future' }) dueBy: string, @Ctx() ctx: ProceedingContext) {
    return setDisclosureDeadline(ctx, proceedingId, dueBy);
  }

  @FieldResolver(() => [DefenceAppointment], { nullable: true, description: 'Counsel appointed for its defendants (a counsel: her own)' })
  defenceAppointments(@Root() proceeding: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext) {
    return appointmentsOf(ctx, proceeding.id);
  }

  @FieldResolver(() => [Disclosure], { nullable: true, description: 'What the prosecution disclosed to the defence (a counsel: to her defendant)' })
  disclosures(@Root() proceeding: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext) {
    return disclosuresOf(ctx, proceeding.id);
  }

  @FieldResolver(() => [Witness], { nullable: true, description: 'Its victims as witnesses, W-1 first: to counsel pseudonymised (label, age group, gender; her identity only on a judge\'s order)' })
  witnesses(@Root() proceeding: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext) {
    return witnessesOf(ctx, proceeding.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the prosecution must have disclosed its evidence, set by a judge' })
  disclosureDueBy(@Root() proceeding: Entity<ProceedingRecord>): Date | null {
    return proceeding.disclosureDueBy ?? null;
  }
}

@Resolver(() => Witness)
export class WitnessResolver {
  @Audited('WITNESS_IDENTITY_DISCLOSURE_ORDERED')
  @Mutation(() => Witness, {
    description:
      "Orders one witness's identity (name, date of birth) disclosed to the proceeding's appointed counsel, with reasons (a judge of its jurisdiction, who must be able to read it: it is taken now from the victims subgraph with her token)",
  })
  orderWitnessIdentityDisclosure(
    @Arg('proceedingId', () => ID) proceedingId: string,
    @Arg('witness', () => String, { description: 'The label, e.g. W-1' }) witness: string,
    @Arg('reasons', () => String) reasons: string,
    @Ctx() ctx: ProceedingContext,
  ) {
    return orderWitnessIdentityDisclosure(ctx, proceedingId, witness, reasons);
  }

  @FieldResolver(() => Date, { nullable: true })
  identityDisclosedAt(@Root() w: WitnessDoc): Date | null {
    return w.identityOrder?.orderedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  identityDisclosureReasons(@Root() w: WitnessDoc): string | null {
    return w.identityOrder?.reasons ?? null;
  }

  @FieldResolver(() => WitnessIdentity, { nullable: true })
  identity(@Root() w: WitnessDoc): WitnessIdentity | null {
    return w.identity ?? null;
  }

  @FieldResolver(() => VictimReference, { nullable: true })
  victim(@Root() w: WitnessDoc): VictimReference {
    return { id: w.victimId };
  }
}

export const defenceReferences = {
  Witness: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.witness.load(reference.id) : null) },
  DefenceAppointment: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.defenceAppointment.load(reference.id) : null) },
  Disclosure: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.disclosure.load(reference.id) : null) },
  DisclosureOrder: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.disclosureOrder.load(reference.id) : null) },
};
