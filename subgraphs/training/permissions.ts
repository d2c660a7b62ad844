import { allow, chain, hasRole, isAuthenticated, isPublic, openTypes, ruleOf, type Permissions } from '../common/rules';
import type { Entity } from '../common/loaders';
import { bodyNamed, mayActFor, programNamed, programOfModule } from './bodies';
import { certificateNamed } from './certificates';
import type { BodyRecord, TrainingContext } from './models';
import { mayKeepRecordOf, practitionerNamed } from './practitioners';

/**
 * The rules of the root fields; Practitioner, Certificate and the public types are decided
 * by their declarations (access.ts). Acting for a body is for accreditation officers whose
 * jurisdiction is in its region: the role first, then the body found from the arguments
 * (BAD_USER_INPUT or NOT_FOUND when there is none), then the region (FORBIDDEN).
 */
function officerOfBody(locate: (args: any, ctx: TrainingContext) => Promise<Entity<BodyRecord>>) {
  return chain(
    hasRole('accreditation_officer'),
    ruleOf<TrainingContext>(async (_parent, args, ctx) => mayActFor(await locate(args, ctx), ctx.caller!)),
  );
}

const bodyOf = (ctx: TrainingContext, id: string) => bodyNamed(ctx, id, 'bodyId');

/** A practitioner's record: the officers of their jurisdiction or region. */
const keepsRecord = chain(
  hasRole('accreditation_officer'),
  ruleOf<TrainingContext>(async (_parent, args: { practitionerId: string }, ctx) => mayKeepRecordOf(ctx, await practitionerNamed(ctx, args.practitionerId))),
);

export const trainingPermissions: Permissions = {
  Query: {
    accreditationBodies: isPublic,
    accreditationBody: isPublic,
    verifyCertificate: isPublic,
    trainingProgram: isAuthenticated,
    trainingPrograms: isAuthenticated,
    practitioner: isAuthenticated,
    practitioners: isAuthenticated,
    certificate: isAuthenticated,
  },
  Mutation: {
    registerPractitioner: hasRole('accreditation_officer'),
    recordCompletion: officerOfBody(async (args, ctx) => bodyOf(ctx, (await programOfModule(ctx, args.moduleCode, 'moduleCode')).program.bodyId)),
    recordExchangeVisit: keepsRecord,
    issueCertificate: officerOfBody(async (args, ctx) => bodyOf(ctx, (await programNamed(ctx, args.programCode, 'programCode')).bodyId)),
    suspendCertificate: officerOfBody(async (args, ctx) => bodyOf(ctx, (await certificateNamed(ctx, args.code)).bodyId)),
    reinstateCertificate: officerOfBody(async (args, ctx) => bodyOf(ctx, (await certificateNamed(ctx, args.code)).bodyId)),
    revokeCertificate: officerOfBody(async (args, ctx) => bodyOf(ctx, (await certificateNamed(ctx, args.code)).bodyId)),
    rotateSigningKey: officerOfBody((args, ctx) => bodyOf(ctx, args.bodyId)),
  },
  Attorney: { id: allow, accreditation: isAuthenticated },
  ...openTypes('SigningKey', 'TrainingProgram', 'TrainingModule', 'Completion', 'ExchangeVisit', 'CertificateScope', 'StatusChange', 'PractitionerEdge', 'PractitionerConnection', 'PageInfo'),
};
