import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { pageOf } from '../../common/storage';
import { countryCode, isRecordId, recordId } from '../../common/validate';
import { bodyNamed, establishAccreditationBody, rotateSigningKey } from '../domain/bodies';
import { defineProgram, retireProgram, type ProgramInput } from '../domain/programs';
import { bodyId, catalogCode } from '../domain/code';
import { ownPractitioner } from './me';
import { jwksUrlOf, revocationListUrlOf } from '../domain/credential';
import { keysWithRetirement } from '../domain/keys';
import type { BodyRecord, CertificateRecord, PractitionerRecord, ProgramRecord, TrainingContext } from '../models';
import { CompletionInput, DefineProgramInput, EstablishAccreditationBodyInput, ExchangeVisitInput, RegisterPractitionerInput } from '../schema/inputs';
import { cpdHours, recordCompletion, recordExchangeVisit, registerPractitioner, type PractitionerInput } from '../domain/practitioners';
import {
  AccreditationBody,
  AttorneyReference,
  Certificate,
  Completion,
  ExchangeVisit,
  Practitioner,
  PractitionerConnection,
  SigningKey,
  TrainingModule,
  TrainingProgram,
} from '../schema/types';
import { PractitionerRole } from '../schema/vocabulary';

type BodyDoc = Entity<BodyRecord>;
type ProgramDoc = Entity<ProgramRecord>;
type PractitionerDoc = Entity<PractitionerRecord>;
type CertificateDoc = Entity<CertificateRecord>;

@Resolver(() => AccreditationBody)
export class AccreditationBodyResolver {
  @Query(() => [AccreditationBody], { description: 'Every accreditation body (public)' })
  accreditationBodies(@Ctx() ctx: TrainingContext): Promise<BodyDoc[]> {
    return ctx.loaders.allBodies.load('all');
  }

  @Query(() => AccreditationBody, { nullable: true, description: 'One accreditation body (public)' })
  accreditationBody(@Arg('id', () => ID) id: string, @Ctx() ctx: TrainingContext): Promise<BodyDoc | null> {
    return ctx.loaders.body.load(bodyId(id, 'id'));
  }

  @Audited('ACCREDITATION_BODY_ESTABLISHED')
  @Mutation(() => AccreditationBody, {
    description: "Establishes a region's accreditation body with its first signing key, made here (a registrar of one of its jurisdictions); an id already taken: CONFLICT",
  })
  establishAccreditationBody(@Arg('input', () => EstablishAccreditationBodyInput) input: EstablishAccreditationBodyInput, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return establishAccreditationBody(ctx, input);
  }

  @Audited('SIGNING_KEY_ROTATED')
  @Mutation(() => AccreditationBody, { description: 'A new signing key for the body (its officers); older keys stay published as retired, so what they signed before keeps verifying' })
  rotateSigningKey(@Arg('bodyId', () => ID) bodyId: string, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return rotateSigningKey(ctx, bodyId);
  }

  @FieldResolver(() => String)
  jwksUrl(@Root() body: BodyDoc, @Ctx() ctx: TrainingContext): string {
    return jwksUrlOf(ctx.models.publicUrl, body.id);
  }

  @FieldResolver(() => String)
  revocationListUrl(@Root() body: BodyDoc, @Ctx() ctx: TrainingContext): string {
    return revocationListUrlOf(ctx.models.publicUrl, body.id);
  }

  @FieldResolver(() => [SigningKey])
  signingKeys(@Root() body: BodyDoc): SigningKey[] {
    return keysWithRetirement(body).map((k) => ({ kid: k.kid, alg: k.alg, createdAt: k.createdAt, current: k.kid === body.currentKid, retiredAt: k.retiredAt }));
  }
}

@Resolver(() => TrainingProgram)
export class TrainingProgramResolver {
  @Query(() => TrainingProgram, { nullable: true })
  trainingProgram(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext): Promise<ProgramDoc | null> {
    return ctx.loaders.program.load(catalogCode(code, 'code'));
  }

  @Query(() => [TrainingProgram], { description: "A body's programs (every body's when left out), in the order they were set up" })
  async trainingPrograms(@Ctx() ctx: TrainingContext, @Arg('bodyId', () => ID, { nullable: true }) bodyId?: string): Promise<ProgramDoc[]> {
    if (bodyId == null) return ctx.loaders.allPrograms.load('all');
    return ctx.loaders.programsOfBody.load((await bodyNamed(ctx, bodyId, 'bodyId')).id);
  }

  @Audited('PROGRAM_DEFINED')
  @Mutation(() => TrainingProgram, { description: "Defines a program of the body (its accreditation officers); program and module codes are unique, every wrong field named at once" })
  defineProgram(@Arg('bodyId', () => ID) bodyId: string, @Arg('input', () => DefineProgramInput) input: DefineProgramInput, @Ctx() ctx: TrainingContext): Promise<ProgramDoc> {
    return defineProgram(ctx, bodyId, input as ProgramInput);
  }

  @Audited('PROGRAM_RETIRED')
  @Mutation(() => TrainingProgram, { description: "Retires a program (its body's accreditation officers): no new completions or certificates; those it gave stay valid" })
  retireProgram(@Arg('code', () => String) code: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: TrainingContext): Promise<ProgramDoc> {
    return retireProgram(ctx, code, reason);
  }

  @FieldResolver(() => Date, { nullable: true })
  retiredAt(@Root() program: ProgramDoc): Date | null {
    return program.retiredAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  retirementReason(@Root() program: ProgramDoc): string | null {
    return program.retirementReason ?? null;
  }

  @FieldResolver(() => String)
  code(@Root() program: ProgramDoc): string {
    return program.id;
  }

  @FieldResolver(() => AccreditationBody)
  async body(@Root() program: ProgramDoc, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return (await ctx.loaders.body.load(program.bodyId))!;
  }

  @FieldResolver(() => [TrainingModule])
  modules(@Root() program: ProgramDoc): TrainingModule[] {
    return program.modules as TrainingModule[];
  }

  @FieldResolver(() => Number)
  totalHours(@Root() program: ProgramDoc): number {
    return program.modules.reduce((sum, m) => sum + m.hours, 0);
  }
}

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
    const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : ctx.caller!.jurisdiction;
    const { practitioners } = ctx.models;
    const list = role ? practitioners.list('jurisdictionRole', `${asked}:${role}`) : practitioners.list('jurisdiction', asked);
    return pageOf([{ records: practitioners, list }], { first, after });
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
  async accreditation(@Root() attorney: AttorneyReference, @Ctx() ctx: TrainingContext): Promise<PractitionerDoc | null> {
    const id = attorney.practitionerId;
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
    const byId = isRecordId(id) ? await ctx.loaders.practitioner.load(id) : null;
    // By subject: only an attorney's record (another profession's holder of the same `sub` is someone else).
    return byId ?? (await ctx.loaders.practitionersWithSubject.load(id)).find((p) => p.role === PractitionerRole.ATTORNEY) ?? null;
  }
}
