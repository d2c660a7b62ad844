import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import type { VerificationDoc } from '../access';
import { changeStatus, issueCertificate, scopeOf, STATUS_STEPS, statusOf, verifyCertificate } from '../domain/certificates';
import { certificateCode } from '../domain/code';
import { ReissueCertificateInput } from '../schema/inputs';
import type { BodyRecord, CertificateRecord, PractitionerRecord, TrainingContext } from '../models';
import { AccreditationBody } from '../schema/body';
import { Certificate, CertificateScope, CertificateVerification, StatusChange } from '../schema/certificate';
import { Practitioner } from '../schema/practitioner';
import { CertificateStatus, PractitionerRole, VerificationStatus } from '../schema/vocabulary';

type BodyDoc = Entity<BodyRecord>;
type PractitionerDoc = Entity<PractitionerRecord>;
type CertificateDoc = Entity<CertificateRecord>;

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => Certificate, { nullable: true })
  async certificate(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext): Promise<CertificateDoc | null> {
    return ctx.loaders.certificate.load(certificateCode(code));
  }

  @Audited('CERTIFICATE_ISSUED')
  @Mutation(() => Certificate, {
    description: "Issues a certificate of a program to a practitioner who passed every module (accreditation officers of the program's body's region and of the practitioner's); BAD_USER_INPUT names the modules missing",
  })
  issueCertificate(
    @Arg('practitionerId', () => ID) practitionerId: string,
    @Arg('programCode', () => String) programCode: string,
    @Arg('validMonths', () => Int) validMonths: number,
    @Ctx() ctx: TrainingContext,
  ): Promise<CertificateDoc> {
    return issueCertificate(ctx, { practitionerId, programCode, validMonths });
  }

  @Audited('CERTIFICATE_REISSUED')
  @Mutation(() => Certificate, {
    description: "Issues a certificate again after the practitioner's certificate of the program was revoked, with the reason (as issueCertificate); it refers to the revoked one",
  })
  reissueCertificate(@Arg('input', () => ReissueCertificateInput) input: ReissueCertificateInput, @Ctx() ctx: TrainingContext): Promise<CertificateDoc> {
    return issueCertificate(ctx, input, 'input.');
  }

  @Audited(STATUS_STEPS.SUSPEND.action)
  @Mutation(() => Certificate, { description: "Suspends a VALID certificate (the issuing body's officers)" })
  suspendCertificate(@Arg('code', () => String) code: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: TrainingContext) {
    return changeStatus(ctx, code, 'SUSPEND', reason);
  }

  @Audited(STATUS_STEPS.REINSTATE.action)
  @Mutation(() => Certificate, { description: "Makes a SUSPENDED certificate VALID again (the issuing body's officers)" })
  reinstateCertificate(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext) {
    return changeStatus(ctx, code, 'REINSTATE', null);
  }

  @Audited(STATUS_STEPS.REVOKE.action)
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

  @FieldResolver(() => String, { nullable: true })
  reissueOf(@Root() certificate: CertificateDoc): string | null {
    return certificate.reissueOf ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  reissueReason(@Root() certificate: CertificateDoc): string | null {
    return certificate.reissueReason ?? null;
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
  verifyCertificate(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext): Promise<VerificationDoc> {
    return verifyCertificate(ctx, code);
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
