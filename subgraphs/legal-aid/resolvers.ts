import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../common/audited';
import { badInput } from '../../platform/errors';
import { visibleOnly, visibleOrNull } from '../common/access';
import type { Entity } from '../common/storage';
import { pageSize } from '../common/storage';
import { checkAll, countryCode, dateTime, languageCode, languageCodes, newId, recordId, text } from '../common/validate';
import { assignmentAccess, handoffAccess } from './access';
import {
  acceptHandoff,
  assignLegalAid,
  assignmentNamed,
  changeAssignment,
  closeAssignment,
  handOff,
  recordRepresentationConsent,
  refuseHandoff,
  requireAttorneyOf,
} from './assignments';
import { isActive } from './directory';
import { gapsOf } from './gaps';
import type { AssignmentRecord, AttorneyRecord, HandoffRecord, LegalAidContext, ProviderRecord } from './models';
import { MAX_OFFERS_SHOWN, offersForCaller } from './me';
import {
  AccommodationInput,
  AssignLegalAidInput,
  Attorney,
  AttorneyMatch,
  Handoff,
  HandOffInput,
  InterpretationInput,
  LegalAidAssignment,
  LegalAidGap,
  LegalAidProvider,
  ProceedingReference,
  RepresentationConsentInput,
  VictimLegalAid,
  VictimReference,
} from './types';
import { HandoffStatus, InterpretationStatus, LegalMatter, OPEN_STATUSES } from './vocabulary';

type AttorneyDoc = Entity<AttorneyRecord>;
type AssignmentDoc = Entity<AssignmentRecord>;
type HandoffDoc = Entity<HandoffRecord>;

const MAX_MATCHES = 50;

/** Interpretation moves REQUESTED → ASSIGNED → DONE, and may be CANCELLED before it is done. */
const INTERPRETATION_NEXT: Record<string, string[]> = {
  REQUESTED: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

@Resolver(() => Attorney)
export class AttorneyResolver {
  @Query(() => Attorney, { nullable: true })
  attorney(@Arg('id', () => ID) id: string, @Ctx() ctx: LegalAidContext): Promise<AttorneyDoc | null> {
    return ctx.loaders.attorney.load(recordId(id, 'id'));
  }

  @Query(() => [LegalAidProvider], { description: 'The legal aid providers of a jurisdiction (default: the caller’s)' })
  async legalAidProviders(@Ctx() ctx: LegalAidContext, @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string) {
    const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : ctx.caller!.jurisdiction;
    const { providers } = ctx.models;
    const entries = await providers.lists.read(providers.list('jurisdiction', asked), 0, 1000);
    return (await ctx.loaders.provider.loadMany(entries.map((e) => e.ref))).filter((p): p is Entity<ProviderRecord> => p !== null && !(p instanceof Error));
  }

  @Query(() => [AttorneyMatch], { description: 'Attorneys of a jurisdiction accepting cases, those who speak the wanted languages first, then the least loaded' })
  async matchAttorneys(
    @Arg('jurisdiction', () => String) jurisdiction: string,
    @Ctx() ctx: LegalAidContext,
    @Arg('languages', () => [String], { defaultValue: [] }) wanted: string[],
    @Arg('matter', () => LegalMatter, { nullable: true }) matter?: LegalMatter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number,
  ) {
    const size = pageSize(first);
    if (size > MAX_MATCHES) throw badInput('first', `must be between 1 and ${MAX_MATCHES}`);
    const where = countryCode(jurisdiction, 'jurisdiction');
    const langs = languageCodes(wanted, 'languages');
    const { attorneys } = ctx.models;
    const entries = await attorneys.lists.read(attorneys.list('jurisdiction', where), 0, 5000);
    const found = (await ctx.loaders.attorney.loadMany(entries.map((e) => e.ref))).filter((a): a is AttorneyDoc => a !== null && !(a instanceof Error) && a.acceptingCases && isActive(a));
    const loads = await ctx.loaders.openAssignmentsOfAttorney.loadMany(found.map((a) => a.id));
    const matches = found.map((attorney, i) => {
      const spoken = langs.filter((l) => attorney.languages.includes(l));
      return {
        attorney,
        meets: [`jurisdiction:${where}`, ...spoken.map((l) => `language:${l}`), ...(matter ? [`matter:${matter}`] : [])],
        spoken: spoken.length,
        activeAssignments: (loads[i] as AssignmentDoc[]).length,
      };
    });
    return matches
      .sort((a, b) => b.spoken - a.spoken || a.activeAssignments - b.activeAssignments || a.attorney.name.localeCompare(b.attorney.name))
      .slice(0, size);
  }

  @FieldResolver(() => LegalAidProvider)
  provider(@Root() attorney: AttorneyDoc, @Ctx() ctx: LegalAidContext) {
    return ctx.loaders.provider.load(attorney.providerId);
  }

  @FieldResolver(() => Int)
  async activeAssignments(@Root() attorney: AttorneyDoc, @Ctx() ctx: LegalAidContext): Promise<number> {
    return (await ctx.loaders.openAssignmentsOfAttorney.load(attorney.id)).length;
  }
}

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
  async requestInterpretation(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('input', () => InterpretationInput) input: InterpretationInput, @Ctx() ctx: LegalAidContext) {
    const assignment = await this.actingFor(ctx, assignmentId, 'asks for an interpreter');
    const { language, at } = await checkAll({
      language: () => languageCode(input.language, 'input.language'),
      at: () => {
        const at = dateTime(input.at, 'input.at');
        if (at <= ctx.now) throw badInput('input.at', 'must be in the future');
        return at;
      },
    });
    const interpretation = { id: newId(), language, occasion: input.occasion, at, status: InterpretationStatus.REQUESTED, interpreter: null, requestedAt: ctx.now, requestedBy: ctx.caller!.sub };
    return ctx.audit.change('INTERPRETATION_REQUESTED', 'LegalAidAssignment', assignment.id, ['interpretations'], () =>
      changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => ({ interpretations: [...a.interpretations, interpretation] })),
    );
  }

  @Audited('INTERPRETATION_UPDATED')
  @Mutation(() => LegalAidAssignment, { description: 'Moves an interpretation on: ASSIGNED (naming the interpreter), DONE or CANCELLED' })
  async updateInterpretation(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('interpretationId', () => ID) interpretationId: string,
    @Arg('status', () => InterpretationStatus) status: InterpretationStatus,
    @Ctx() ctx: LegalAidContext,
    @Arg('interpreter', () => String, { nullable: true }) interpreter?: string,
  ) {
    const assignment = await this.actingFor(ctx, assignmentId, 'arranges interpretation');
    if (status === InterpretationStatus.ASSIGNED && interpreter == null) throw badInput('interpreter', 'is needed to assign an interpretation');
    const named = interpreter != null ? text(interpreter, 'interpreter', { max: 200 }) : null;
    return ctx.audit.change('INTERPRETATION_UPDATED', 'LegalAidAssignment', assignment.id, ['interpretations'], () =>
      changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => {
        const current = a.interpretations.find((i) => i.id === interpretationId);
        if (!current) throw badInput('interpretationId', 'no interpretation of this assignment has this id');
        if (!INTERPRETATION_NEXT[current.status].includes(status)) throw badInput('status', `the interpretation is ${current.status}; it can go to ${INTERPRETATION_NEXT[current.status].join(' or ') || 'nothing'}`);
        return { interpretations: a.interpretations.map((i) => (i.id === interpretationId ? { ...i, status, interpreter: named ?? i.interpreter } : i)) };
      }),
    );
  }

  @Audited('ACCOMMODATION_REQUESTED')
  @Mutation(() => LegalAidAssignment, { description: 'Asks for an accommodation of the victim’s needs (the assigned attorney or a social worker of its jurisdiction)' })
  async requestAccommodation(@Arg('assignmentId', () => ID) assignmentId: string, @Arg('input', () => AccommodationInput) input: AccommodationInput, @Ctx() ctx: LegalAidContext) {
    const assignment = await this.actingFor(ctx, assignmentId, 'asks for an accommodation');
    const accommodation = { id: newId(), kind: input.kind, details: text(input.details, 'input.details', { max: 1000 }), requestedAt: ctx.now, requestedBy: ctx.caller!.sub };
    return ctx.audit.change('ACCOMMODATION_REQUESTED', 'LegalAidAssignment', assignment.id, ['accommodations'], () =>
      changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => ({ accommodations: [...a.accommodations, accommodation] })),
    );
  }

  /** The assigned attorney, or a social worker of the assignment's jurisdiction. */
  private async actingFor(ctx: LegalAidContext, assignmentId: string, doing: string): Promise<AssignmentDoc> {
    const assignment = await assignmentNamed(ctx, assignmentId);
    if (ctx.caller!.role === 'social_worker' && ctx.caller!.jurisdiction === assignment.jurisdiction) return assignment;
    requireAttorneyOf(ctx, assignment, `or a social worker of ${assignment.jurisdiction} ${doing}`);
    return assignment;
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

@Resolver(() => VictimReference)
export class VictimLegalAidResolver {
  @FieldResolver(() => VictimLegalAid, { description: "The victim's legal aid the caller may see, across jurisdictions, and its gaps (contributed by the legal aid subgraph)" })
  async legalAid(@Root() victim: VictimReference, @Ctx() ctx: LegalAidContext) {
    const all = await ctx.loaders.assignmentsOfVictim.load(victim.id);
    const shown = await visibleOnly(assignmentAccess, ctx, all);
    const byOpening = (a: AssignmentDoc, b: AssignmentDoc) => a.openedAt.getTime() - b.openedAt.getTime();
    return {
      victimId: victim.id,
      shown,
      current: shown.filter((a) => OPEN_STATUSES.includes(a.status)).sort(byOpening),
      history: shown.filter((a) => !OPEN_STATUSES.includes(a.status)).sort(byOpening),
    };
  }
}

@Resolver(() => VictimLegalAid)
export class VictimLegalAidGapsResolver {
  @FieldResolver(() => [LegalAidGap], { nullable: true })
  gaps(@Root() legalAid: { victimId: string; shown: AssignmentDoc[] }, @Ctx() ctx: LegalAidContext) {
    return gapsOf(ctx, legalAid.victimId, legalAid.shown);
  }
}
