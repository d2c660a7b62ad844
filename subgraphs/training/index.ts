import 'reflect-metadata';
import { vars } from '../../platform/config';
import { meReference } from '../common/me';
import type { SubgraphDefinition } from '../common/server';
import { isRecordId } from '../common/validate';
import { bodyAccess, certificateAccess, practitionerAccess, verificationAccess } from './access';
import { accreditationRoutes } from './domain/publications';
import { expiryEvents } from './domain/expiry-events';
import { isBodyId } from './domain/code';
import { SigningKeys } from './domain/keys';
import { trainingLoaders, trainingModels, type TrainingContext } from './models';
// The entity types first, in this order: the printed schema lists them as they were declared (schema/training.graphql stays as it is).
import { AccreditationBody } from './schema/body';
import { Practitioner } from './schema/practitioner';
import { Certificate, CertificateVerification } from './schema/certificate';
import { AttorneyReference } from './schema/attorney';
import { Me } from './schema/me';
import { trainingPermissions } from './permissions';
import { MeTrainingResolver } from './resolvers/me';
import { AccreditationBodyResolver } from './resolvers/body';
import { TrainingProgramResolver } from './resolvers/program';
import { AttorneyAccreditationResolver, PractitionerResolver } from './resolvers/practitioner';
import { CertificateResolver, VerificationResolver } from './resolvers/certificate';
import { Region, RegionAccreditationResolver } from './schema/region';
import { regionReference } from '../common/regions';

/**
 * Training accreditation: regional bodies, their programs and modules, practitioners'
 * completions and exchange visits, and certificates that anyone can verify by code, or
 * offline as a credential signed by the body's key (published as a JWKS, with a signed
 * revocation list, at /.well-known/accreditation/<bodyId>/).
 */
const env = {
  ACCREDITATION_KEY_DIR: vars.keyDirectory(
    "directory of the accreditation bodies' private signing keys (<bodyId>/<kid>.pem), written by this service on rotation: shared by its instances, never in the database or in git",
    'accreditation-keys',
  ),
  ACCREDITATION_PUBLIC_URL: vars.optionalUrl("the hub's public base URL (the gateway's), where the bodies' keys are published (default http://localhost:4000)", ['http', 'https']),
};

export const DEFAULT_PUBLIC_URL = 'http://localhost:4000';

export const trainingSubgraph: SubgraphDefinition<ReturnType<typeof trainingModels>, ReturnType<typeof trainingLoaders>, typeof env> = {
  name: 'training',
  env,
  resolvers: [MeTrainingResolver, AccreditationBodyResolver, TrainingProgramResolver, PractitionerResolver, CertificateResolver, VerificationResolver, AttorneyAccreditationResolver, RegionAccreditationResolver],
  orphanedTypes: [Me, Region, AccreditationBody, Practitioner, Certificate, CertificateVerification, AttorneyReference],
  references: {
    Me: meReference,
    Region: regionReference,
    Practitioner: { __resolveReference: (reference: { id: string }, ctx: TrainingContext) => (isRecordId(reference.id) ? ctx.loaders.practitioner.load(reference.id) : null) },
    AccreditationBody: { __resolveReference: (reference: { id: string }, ctx: TrainingContext) => (isBodyId(reference.id) ? ctx.loaders.body.load(reference.id) : null) },
    // Reached from the legal aid subgraph with the practitionerId it requires.
    Attorney: { __resolveReference: (reference: { id: string; practitionerId?: string }) => (isRecordId(reference.id) ? { id: reference.id, practitionerId: reference.practitionerId } : null) },
  },
  permissions: trainingPermissions,
  access: [practitionerAccess, certificateAccess, bodyAccess, verificationAccess],
  models: (connection, settings) =>
    trainingModels(connection, { keys: new SigningKeys(settings.ACCREDITATION_KEY_DIR), publicUrl: settings.ACCREDITATION_PUBLIC_URL ?? DEFAULT_PUBLIC_URL }),
  loaders: trainingLoaders,
  publicRoutes: accreditationRoutes,
  // Certificates expiring soon, as events for partner systems (webhooks).
  jobs: (context) => [expiryEvents(context)],
};
