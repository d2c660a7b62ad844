import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import { visibleOnly, visibleOrNull } from '../../common/access';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import { assignmentAccess, handoffAccess } from '../access';
import { assignLegalAid, closeAssignment, recordRepresentationConsent } from '../domain/assignments';
import { requestAccommodation, requestInterpretation, updateInterpretation } from '../domain/interpretation';
import type { AssignmentRecord, HandoffRecord, LegalAidContext } from '../models';
import { LegalAidAssignment } from '../schema/assignment';
import { Attorney } from '../schema/attorney';
import { Handoff } from '../schema/handoff';
import { AccommodationInput, AssignLegalAidInput, InterpretationInput, RepresentationConsentInput } from '../schema/inputs';
import { ProceedingReference, VictimReference } from '../schema/references';
import { InterpretationStatus } from '../schema/vocabulary';

type AssignmentDoc = Entity<AssignmentRecord>;
type HandoffDoc = Entity<HandoffRecord>;

@Resolver(() => LegalAidAssignment)
export class AssignmentResolver {
  @Query(() => LegalAidAssignment, { nullable: true, description: 'An assignment the caller may know of (else null, as for an unknown id)' })
  async legalAidAssignment(@Arg('id', () => ID) id: string, @Ctx() ctx: LegalAidContext): Promise<AssignmentDoc | null> {
    return visibleOrNull(assignmentAccess, ctx, await ctx.loaders.assignment.load(recordId(id, 'id')));
  }

  @Audited('LEGAL_AID_ASSIGNED')
  @Mutation(() => LegalAidAssignment, {
    description: "Assigns an attorney to a victim (a social worker or legal aid attorney of that jurisdiction: the victim's own, or one the victim shares IDENTITY with); OFFERED until the representation consent is recorded",
  })
  assignLegalAid(@Arg('victimId', () => ID) victimId: string, @Arg('input', () => AssignLegalAidInput) input: AssignLegalAidInput, @Ctx() ctx: LegalAidContext) {
    return assignLegalAid(ctx, victimId, input);
  }

  @Audited('REPRESENTATION_CONSENT_RECORDED')
  @Mutation(() => LegalAidAssignment, { description: "Records the victim's consent to be represented (the assigned attorney); the assignment becomes ACTIVE" })
  recordRepresentationConsent(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('input', () => RepresentationConsentInput) input: RepresentationConsentInput,
    @Ctx() ctx: LegalAidContext,
  ) {
    return recordRepresentationConsent(ctx, assignmentId, input);
  }

  @Audited('LEGAL_AID_CLOSED')
  @Mutation(() => LegalAidAssignment, { description: 'Closes an assignment (its attorney, or one of the same provider); not while a linked proceeding is open, unless the file was handed on' })
  closeAssignment(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LegalAidContext) {
    return closeAssignment(ctx, assignmentId, reason);
  }

  @Audited('INTERPRETATION_REQUESTED')
  @Mutation(() => LegalAidAssignment, { description: 'Asks for an interpreter (the assigned attorney or a social worker of its jurisdiction)' })
  requestInterpretation(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('input', () => InterpretationInput) input: InterpretationInput, @Ctx() ctx: LegalAidContext) {
    return requestInterpretation(ctx, assignmentId, input);
  }

  @Audited('INTERPRETATION_UPDATED')
  @Mutation(() => LegalAidAssignment, { description: 'Moves an interpretation on: ASSIGNED (naming the interpreter), DONE or CANCELLED' })
  updateInterpretation(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('interpretationId', () => ID) interpretationId: string,
    @Arg('status', () => InterpretationStatus) status: InterpretationStatus,
    @Ctx() ctx: LegalAidContext,
    @Arg('interpreter', () => String, { nullable: true }) interpreter?: string,
  ) {
    return updateInterpretation(ctx, assignmentId, interpretationId, status, interpreter);
  }

  @Audited('ACCOMMODATION_REQUESTED')
  @Mutation(() => LegalAidAssignment, { description: 'Asks for an accommodation of the victim’s needs (the assigned attorney or a social worker of its jurisdiction)' })
  requestAccommodation(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('input', () => AccommodationInput) input: AccommodationInput, @Ctx() ctx: LegalAidContext) {
    return requestAccommodation(ctx, assignmentId, input);
  }

  @FieldResolver(() => Attorney, { nullable: true })
  attorney(@Root() a: AssignmentDoc, @Ctx() ctx: LegalAidContext) {
    return ctx.loaders.attorney.load(a.attorneyId);
  }

  @FieldResolver(() => VictimReference, { nullable: true })
  victim(@Root() a: AssignmentDoc): VictimReference {
    return { id: a.victimId };
  }

  @FieldResolver(() => ProceedingReference, { nullable: true, description: 'Resolved by the proceedings subgraph, which decides what the caller sees of it' })
  proceeding(@Root() a: AssignmentDoc): ProceedingReference | null {
    return a.proceedingId ? { id: a.proceedingId } : null;
  }

  @FieldResolver(() => [Handoff], { nullable: true, description: 'Handoffs from and to this assignment, oldest first' })
  async handoffs(@Root() a: AssignmentDoc, @Ctx() ctx: LegalAidContext): Promise<HandoffDoc[]> {
    return visibleOnly(handoffAccess, ctx, await ctx.loaders.handoffsOfAssignment.load(a.id));
  }
}
