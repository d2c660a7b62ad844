import type { PublicRoutes } from '../../common/server';
import { isBodyId } from './code';
import { signRevocationList } from './credential';
import { jwksOf } from './keys';
import type { BodyRecord, TrainingModels } from '../models';

/** A body's keys and revocation list, served without a token (the platform's `publicRoutes`). */

async function publishingBody(models: TrainingModels, bodyId: string): Promise<BodyRecord | null> {
  return isBodyId(bodyId) ? ((await models.Body.findById(bodyId).lean()) as BodyRecord | null) : null;
}

/**
 * What each body publishes, without a token, at the subgraph's port and (proxied) the
 * gateway's: its keys as a JWKS, and its revocation list signed with its current key.
 */
export const accreditationRoutes: PublicRoutes<TrainingModels> = {
  '/.well-known/accreditation/:bodyId/jwks.json': async ({ bodyId }, { models }) => {
    const body = await publishingBody(models, bodyId);
    return body && { contentType: 'application/jwk-set+json', body: JSON.stringify(jwksOf(body)), maxAgeSeconds: 60 };
  },
  '/.well-known/accreditation/:bodyId/revocations.jwt': async ({ bodyId }, { models, now }) => {
    const body = await publishingBody(models, bodyId);
    if (!body) return null;
    const withdrawn = await models.certificates.loaderBy('withdrawn').load(body._id);
    return { contentType: 'application/jwt', body: await signRevocationList(models.keys, models.publicUrl, body, withdrawn, now), maxAgeSeconds: 0 };
  },
};
