import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Entity } from '../common/loaders';
import { pageOf } from '../common/pagination';
import { countryCode, isRecordId, recordId } from '../common/validate';
import type { VerificationDoc } from './access';
import { bodyNamed, rotateSigningKey } from './bodies';
import { changeStatus, issueCertificate, statusOf } from './certificates';
import { bodyId, catalogCode, certificateCode } from './code';
import { jwksUrlOf, revocationListUrlOf } from './credential';
import { keysWithRetirement } from './keys';
import type { BodyRecord, CertificateRecord, PractitionerRecord, ProgramRecord, TrainingContext } from './models';
import { cpdHours, recordCompletion, recordExchangeVisit, registerPractitioner, type PractitionerInput } from './practitioners';
import {
  AccreditationBody,
  AttorneyReference,
  Certificate,
  CertificateScope,
  CertificateVerification,
  Completion,
  CompletionInput,
  ExchangeVisit,
  ExchangeVisitInput,
  Practitioner,
  PractitionerConnection,
  RegisterPractitionerInput,
  SigningKey,
  StatusChange,
  TrainingModule,
  TrainingProgram,
} from './types';
import { CertificateStatus, PractitionerRole, VerificationStatus } from './vocabulary';

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

  @Mutation(() => Practitioner, { description: "Registers a practitioner in the officer's jurisdiction (accreditation officers)" })
  registerPractitioner(@Arg('input', () => RegisterPractitionerInput) input: RegisterPractitionerInput, @Ctx() ctx: TrainingContext): Promise<PractitionerDoc> {
    return registerPractitioner(ctx, input as PractitionerInput);
  }

  @Mutation(() => Completion, { description: "Records a module completed, with its score (accreditation officers of the program's body's region and of the practitioner's)" })
  recordCompletion(
    @Arg('practitionerId', () => ID) practitionerId: string,
    @Arg('moduleCode', () => String) moduleCode: string,
    @Arg('input', () => CompletionInput) input: CompletionInput,
    @Ctx() ctx: TrainingContext,
  ) {
    return recordCompletion(ctx, practitionerId, moduleCode, input);
  }

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

function scopeOf(certificate: CertificateRecord): CertificateScope {
  return {
    programCode: certificate.programCode,
    programTitle: certificate.programTitle,
    role: certificate.holderRole as PractitionerRole,
    competencies: certificate.competencies as CertificateScope['competencies'],
  };
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => Certificate, { nullable: true })
  async certificate(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext): Promise<CertificateDoc | null> {
    return ctx.loaders.certificate.load(certificateCode(code));
  }

  @Mutation(() => Certificate, {
    description: "Issues a certificate of a program to a practitioner who passed every module (accreditation officers of the program's body's region and of the practitioner's); BAD_USER_INPUT names the modules missing",
  })
  issueCertificate(
    @Arg('practitionerId', () => ID) practitionerId: string,
    @Arg('programCode', () => String) programCode: string,
    @Arg('validMonths', () => Int) validMonths: number,
    @Ctx() ctx: TrainingContext,
  ): Promise<CertificateDoc> {
    return issueCertificate(ctx, practitionerId, programCode, validMonths);
  }

  @Mutation(() => Certificate, { description: "Suspends a VALID certificate (the issuing body's officers)" })
  suspendCertificate(@Arg('code', () => String) code: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: TrainingContext) {
    return changeStatus(ctx, code, 'SUSPEND', reason);
  }

  @Mutation(() => Certificate, { description: "Makes a SUSPENDED certificate VALID again (the issuing body's officers)" })
  reinstateCertificate(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext) {
    return changeStatus(ctx, code, 'REINSTATE', null);
  }

  @Mutation(() => Certificate, { description: "Revokes a certificate for good (the issuing body's officers); verification shows it at once" })
  revokeCertificate(@Arg('code', () => String) code: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: TrainingContext) {
    return changeStatus(ctx, code, 'REVOKE', reason);
  }

  @FieldResolver(() => String)
  code(@Root() certificate: CertificateDoc): string {
    return certificate.id;
  }

  @FieldResolver(() => CertificateStatus)
  status(@Root() certificate: CertificateDoc, @Ctx() ctx: TrainingContext): CertificateStatus {
    return statusOf(certificate, ctx.now);
  }

  @FieldResolver(() => CertificateScope)
  scope(@Root() certificate: CertificateDoc): CertificateScope {
    return scopeOf(certificate);
  }

  @FieldResolver(() => AccreditationBody)
  async body(@Root() certificate: CertificateDoc, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return (await ctx.loaders.body.load(certificate.bodyId))!;
  }

  @FieldResolver(() => Practitioner, { nullable: true })
  holder(@Root() certificate: CertificateDoc, @Ctx() ctx: TrainingContext): Promise<PractitionerDoc | null> {
    return ctx.loaders.practitioner.load(certificate.practitionerId);
  }

  @FieldResolver(() => StatusChange, { nullable: true })
  revocation(@Root() certificate: CertificateDoc): StatusChange | null {
    return certificate.status === CertificateStatus.REVOKED ? { on: certificate.revokedAt!, reason: certificate.revocationReason! } : null;
  }

  @FieldResolver(() => StatusChange, { nullable: true })
  suspension(@Root() certificate: CertificateDoc): StatusChange | null {
    return certificate.status === CertificateStatus.SUSPENDED ? { on: certificate.suspendedAt!, reason: certificate.suspensionReason! } : null;
  }
}

@Resolver(() => CertificateVerification)
export class VerificationResolver {
  @Query(() => CertificateVerification, {
    description: "Anyone, without a token: a certificate's status, holder, role, body, scope and dates as of now (NOT_FOUND for an unknown code; BAD_USER_INPUT for a mistyped one)",
  })
  async verifyCertificate(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext): Promise<VerificationDoc> {
    const checked = certificateCode(code);
    return { id: checked, certificate: await ctx.loaders.certificate.load(checked), checkedAt: ctx.now };
  }

  @FieldResolver(() => String)
  code(@Root() verification: VerificationDoc): string {
    return verification.id;
  }

  @FieldResolver(() => VerificationStatus)
  status(@Root() { certificate }: VerificationDoc, @Ctx() ctx: TrainingContext): VerificationStatus {
    return certificate ? (statusOf(certificate, ctx.now) as string as VerificationStatus) : VerificationStatus.NOT_FOUND;
  }

  @FieldResolver(() => String, { nullable: true })
  holderName(@Root() { certificate }: VerificationDoc): string | null {
    return certificate?.holderName ?? null;
  }

  @FieldResolver(() => PractitionerRole, { nullable: true })
  role(@Root() { certificate }: VerificationDoc): PractitionerRole | null {
    return (certificate?.holderRole as PractitionerRole | undefined) ?? null;
  }

  @FieldResolver(() => AccreditationBody, { nullable: true })
  body(@Root() { certificate }: VerificationDoc, @Ctx() ctx: TrainingContext): Promise<BodyDoc | null> | null {
    return certificate ? ctx.loaders.body.load(certificate.bodyId) : null;
  }

  @FieldResolver(() => CertificateScope, { nullable: true })
  scope(@Root() { certificate }: VerificationDoc): CertificateScope | null {
    return certificate ? scopeOf(certificate) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  issuedOn(@Root() { certificate }: VerificationDoc): string | null {
    return certificate?.issuedOn ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  expiresOn(@Root() { certificate }: VerificationDoc): string | null {
    return certificate?.expiresOn ?? null;
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
    return byId ?? (await ctx.loaders.practitionersWithSubject.load(id))[0] ?? null;
  }
}
