import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import { visibleOrNull } from '../../common/access';
import type { Entity } from '../../common/storage';
import { assignmentAccess } from '../access';
import { acceptHandoff, handOff, MAX_OFFERS_SHOWN, offersForCaller, refuseHandoff } from '../domain/handoffs';
import type { HandoffRecord, LegalAidContext } from '../models';
import { LegalAidAssignment } from '../schema/assignment';
import { Attorney } from '../schema/attorney';
import { Handoff } from '../schema/handoff';
import { HandOffInput } from '../schema/inputs';

type HandoffDoc = Entity<HandoffRecord>;

@Resolver(() => Handoff)
export class HandoffResolver {
  @Audited('HANDOFF_OFFERED')
  @Mutation(() => Handoff, {
    description:
      'Offers the file to an attorney of the next jurisdiction (the current attorney), with the categories of the victim’s data it carries: only what the victim shares with that jurisdiction',
  })
  handOff(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('input', () => HandOffInput) input: HandOffInput, @Ctx() ctx: LegalAidContext) {
    return handOff(ctx, assignmentId, input);
  }

  @Audited('HANDOFF_ACCEPTED')
  @Mutation(() => Handoff, { description: 'Takes the file over (a registered, active attorney of the receiving provider): a new assignment of the receiving attorney, OFFERED until she records the representation consent; the old one is HANDED_OFF' })
  acceptHandoff(@Arg('handoffId', () => ID) handoffId: string, @Ctx() ctx: LegalAidContext) {
    return acceptHandoff(ctx, handoffId);
  }

  @Audited('HANDOFF_REFUSED')
  @Mutation(() => Handoff, { description: 'Declines the file, with a reason (a registered, active attorney of the receiving provider); the old assignment stays ACTIVE' })
  refuseHandoff(@Arg('handoffId', () => ID) handoffId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LegalAidContext) {
    return refuseHandoff(ctx, handoffId, reason);
  }

  @Query(() => [Handoff], {
    description: `Handoffs waiting for an answer from the caller's provider in the caller's jurisdiction: who offers which categories, and when; for a registered, active attorney of that provider (who may answer them), newest first, at most ${MAX_OFFERS_SHOWN} (the same as me { handoffsOffered })`,
  })
  offeredHandoffs(@Ctx() ctx: LegalAidContext): Promise<HandoffDoc[]> {
    return offersForCaller(ctx);
  }

  @FieldResolver(() => Attorney, { nullable: true })
  async fromAttorney(@Root() h: HandoffDoc, @Ctx() ctx: LegalAidContext) {
    // Read for the directory entry only: what the caller sees of the assignment is decided by its own fields.
    const from = await ctx.loaders.assignment.load(h.fromAssignmentId);
    return from ? ctx.loaders.attorney.load(from.attorneyId) : null;
  }

  @FieldResolver(() => LegalAidAssignment, { nullable: true, description: 'The assignment handed over, as far as the caller may see it (the receiving attorney: once accepted, what the handoff carried)' })
  async fromAssignment(@Root() h: HandoffDoc, @Ctx() ctx: LegalAidContext) {
    return visibleOrNull(assignmentAccess, ctx, await ctx.loaders.assignment.load(h.fromAssignmentId));
  }

  @FieldResolver(() => LegalAidAssignment, { nullable: true, description: 'The new assignment, once accepted' })
  async toAssignment(@Root() h: HandoffDoc, @Ctx() ctx: LegalAidContext) {
    return h.toAssignmentId ? visibleOrNull(assignmentAccess, ctx, await ctx.loaders.assignment.load(h.toAssignmentId)) : null;
  }

  @FieldResolver(() => Attorney, { nullable: true })
  toAttorney(@Root() h: HandoffDoc, @Ctx() ctx: LegalAidContext) {
    return ctx.loaders.attorney.load(h.toAttorneyId);
  }
}
