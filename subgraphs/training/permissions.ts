import { allow, chain, hasRole, isAuthenticated, isPublic, openTypes, ruleOf, type Permissions } from '../common/rules';
import type { Entity } from '../common/storage';
import { mePermissions } from '../common/me';
import { regionPermissions } from '../common/regions';
import { bodyNamed, mayActFor, mayEstablish, programNamed, programOfModule } from './domain/bodies';
import { certificateNamed } from './domain/certificates';
import type { BodyRecord, TrainingContext } from './models';
import { practitionerKeptBy } from './domain/practitioners';

/**
 * The rules of the root fields; Practitioner, Certificate and the public types are decided
 * by their declarations (access.ts). Every write is for accreditation officers, the role
 * checked first. Acting for a body (its programs, certificates, key) needs a jurisdiction
 * in its region: the body is found from the arguments (BAD_USER_INPUT or NOT_FOUND when
 * there is none), then the region (FORBIDDEN naming it; bodies are public). Writing to a
 * practitioner's training record needs an officer of her jurisdiction or region too, and
 * anyone else is answered as for an unknown practitioner (domain/practitioners.ts).
 */
const officer = hasRole('accreditation_officer');

function actsForBody(locate: (args: any, ctx: TrainingContext) => Promise<Entity<BodyRecord>>) {
  return ruleOf<TrainingContext>(async (_parent, args, ctx) => mayActFor(await locate(args, ctx), ctx.caller!));
}

const keepsRecord = ruleOf<TrainingContext>(async (_parent, args: { practitionerId: string }, ctx) => Boolean(await practitionerKeptBy(ctx, args.practitionerId)));

const keepsReissued = ruleOf<TrainingContext>(async (_parent, args: { input?: { practitionerId?: string } }, ctx) => Boolean(await practitionerKeptBy(ctx, args.input?.practitionerId, 'input.practitionerId')));

const bodyOf = (ctx: TrainingContext, id: string) => bodyNamed(ctx, id, 'bodyId');
const bodyOfCertificate = actsForBody(async (args, ctx) => bodyOf(ctx, (await certificateNamed(ctx, args.code)).bodyId));

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
    ownPractitionerRecord: isAuthenticated,
  },
  Mutation: {
    registerPractitioner: officer,
    recordCompletion: chain(officer, actsForBody(async (args, ctx) => bodyOf(ctx, (await programOfModule(ctx, args.moduleCode, 'moduleCode')).program.bodyId)), keepsRecord),
    recordExchangeVisit: chain(officer, keepsRecord),
    issueCertificate: chain(officer, actsForBody(async (args, ctx) => bodyOf(ctx, (await programNamed(ctx, args.programCode, 'programCode')).bodyId)), keepsRecord),
    suspendCertificate: chain(officer, bodyOfCertificate),
    reinstateCertificate: chain(officer, bodyOfCertificate),
    revokeCertificate: chain(officer, bodyOfCertificate),
    rotateSigningKey: chain(officer, actsForBody((args, ctx) => bodyOf(ctx, args.bodyId))),
    establishAccreditationBody: chain(isAuthenticated, ruleOf<TrainingContext>((_parent, args, ctx) => mayEstablish(args.input?.jurisdictions, ctx.caller!))),
    defineProgram: chain(officer, actsForBody((args, ctx) => bodyOf(ctx, args.bodyId))),
    retireProgram: chain(officer, actsForBody(async (args, ctx) => bodyOf(ctx, (await programNamed(ctx, args.code, 'code')).bodyId))),
    reissueCertificate: chain(officer, actsForBody(async (args, ctx) => bodyOf(ctx, (await programNamed(ctx, args.input?.programCode, 'input.programCode')).bodyId)), keepsReissued),
  },
  ...mePermissions,
  ...regionPermissions,
  Attorney: { id: allow, accreditation: isAuthenticated },
  ...openTypes('SigningKey', 'TrainingProgram', 'TrainingModule', 'Completion', 'ExchangeVisit', 'CertificateScope', 'StatusChange', 'PractitionerEdge', 'PractitionerConnection', 'PageInfo'),
};
