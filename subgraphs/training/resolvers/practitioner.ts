import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import { attorneyAccreditation, ownPractitioner, practitionersOf, registerPractitioner, type PractitionerInput } from '../domain/practitioners';
import { cpdHours, recordCompletion, recordExchangeVisit } from '../domain/record';
import type { CertificateRecord, PractitionerRecord, TrainingContext } from '../models';
import { Certificate } from '../schema/certificate';
import { CompletionInput, ExchangeVisitInput, RegisterPractitionerInput } from '../schema/inputs';
import { AttorneyReference } from '../schema/attorney';
import { Completion, ExchangeVisit, Practitioner, PractitionerConnection } from '../schema/practitioner';
import { PractitionerRole } from '../schema/vocabulary';

type PractitionerDoc = Entity<PractitionerRecord>;
type CertificateDoc = Entity<CertificateRecord>;

@Resolver(() => Practitioner)
export class PractitionerResolver {
  @Query(() => Practitioner, { nullable: true })
  practitioner(@Arg('id', () => ID) id: string, @Ctx() ctx: TrainingContext): Promise<PractitionerDoc | null> {
    return ctx.loaders.practitioner.load(recordId(id, 'id'));
  }

  @Query(() => PractitionerConnection, { description: "Practitioners of a jurisdiction (default: the caller's), optionally of one profession, in the order they were registered" })
  practitioners(
    @Ctx() ctx: TrainingContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('role', () => PractitionerRole, { nullable: true }) role?: PractitionerRole,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return practitionersOf(ctx, { jurisdiction, role, first, after });
  }

  @Query(() => Practitioner, {
    nullable: true,
    description: "The caller's own practitioner record: the one registered with her token's issuer and subject, in her jurisdiction and with her profession's role (null when none)",
  })
  ownPractitionerRecord(@Ctx() ctx: TrainingContext): Promise<PractitionerDoc | null> {
    return ownPractitioner(ctx);
  }

  @Audited('PRACTITIONER_REGISTERED')
  @Mutation(() => Practitioner, { description: "Registers a practitioner in the officer's jurisdiction (accreditation officers)" })
  registerPractitioner(@Arg('input', () => RegisterPractitionerInput) input: RegisterPractitionerInput, @Ctx() ctx: TrainingContext): Promise<PractitionerDoc> {
    return registerPractitioner(ctx, input as PractitionerInput);
  }

  @Audited('COMPLETION_RECORDED')
  @Mutation(() => Completion, { description: "Records a module completed, with its score (accreditation officers of the program's body's region and of the practitioner's)" })
  recordCompletion(
    @Arg('practitionerId', () => ID) practitionerId: string,
    @Arg('moduleCode', () => String) moduleCode: string,
    @Arg('input', () => CompletionInput) input: CompletionInput,
    @Ctx() ctx: TrainingContext,
  ) {
    return recordCompletion(ctx, practitionerId, moduleCode, input);
  }

  @Audited('EXCHANGE_VISIT_RECORDED')
  @Mutation(() => ExchangeVisit, { description: "Records a judge's exchange visit to a court of a sister jurisdiction (accreditation officers of the judge's region)" })
  recordExchangeVisit(@Arg('practitionerId', () => ID) practitionerId: string, @Arg('input', () => ExchangeVisitInput) input: ExchangeVisitInput, @Ctx() ctx: TrainingContext) {
    return recordExchangeVisit(ctx, practitionerId, input);
  }

  @FieldResolver(() => [Completion], { nullable: true, description: 'Oldest first: accreditation officers of the region, and the practitioner' })
  completions(@Root() practitioner: PractitionerDoc, @Ctx() ctx: TrainingContext) {
    return ctx.loaders.completionsOf.load(practitioner.id);
  }

  @FieldResolver(() => [ExchangeVisit], { nullable: true, description: 'Oldest first: as completions' })
  exchangeVisits(@Root() practitioner: PractitionerDoc, @Ctx() ctx: TrainingContext) {
    return ctx.loaders.exchangeVisitsOf.load(practitioner.id);
  }

  @FieldResolver(() => [Certificate], { description: 'Every certificate, in every status, oldest first' })
  certificates(@Root() practitioner: PractitionerDoc, @Ctx() ctx: TrainingContext): Promise<CertificateDoc[]> {
    return ctx.loaders.certificatesOf.load(practitioner.id);
  }

  @FieldResolver(() => Number, { description: 'Continuing professional development: hours of modules passed and exchange visits in the last `months` months' })
  cpdHours(@Root() practitioner: PractitionerDoc, @Ctx() ctx: TrainingContext, @Arg('months', () => Int, { defaultValue: 12 }) months: number): Promise<number> {
    return cpdHours(ctx, practitioner, months);
  }
}

@Resolver(() => AttorneyReference)
export class AttorneyAccreditationResolver {
  @Directive('@requires(fields: "practitionerId")')
  @FieldResolver(() => Practitioner, {
    nullable: true,
    description: "The attorney's training record and certificates (contributed by the training subgraph): the practitioner with that id, or whose token subject it is",
  })
  accreditation(@Root() attorney: AttorneyReference, @Ctx() ctx: TrainingContext): Promise<PractitionerDoc | null> {
    return attorneyAccreditation(ctx, attorney.practitionerId);
  }
}
