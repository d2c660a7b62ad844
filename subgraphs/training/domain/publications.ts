import type { PublicRoutes } from '../../common/server';
import { isBodyId } from './code';
import { signStatusList } from './credential';
import { jwksOf } from './keys';
import { STATUS_PURPOSES, statusSlotOf, type StatusPurpose } from './status-list';
import { CertificateStatus } from '../schema/vocabulary';
import type { BodyRecord, TrainingModels } from '../models';

/** A body's keys and status lists, served without a token (the platform's `publicRoutes`). */

async function publishingBody(models: TrainingModels, bodyId: string): Promise<BodyRecord | null> {
  return isBodyId(bodyId) ? ((await models.Body.findById(bodyId).lean()) as BodyRecord | null) : null;
}

/** The status each purpose's bit stands for: revoked for good, or suspended until reinstated. */
const SET_BY: Record<StatusPurpose, string> = { revocation: CertificateStatus.REVOKED, suspension: CertificateStatus.SUSPENDED };

/** Status lists are cached for a minute: a revocation reaches a verifier that fetches the list within that. */
const STATUS_LIST_MAX_AGE = 60;

/**
 * What each body publishes, without a token, at the subgraph's port and (proxied) the
 * gateway's: its keys as a JWKS, and per purpose its Bitstring Status List credentials
 * (`…/status/revocation/1`, `…/status/suspension/1`, list 2 once a body has given more
 * than 131,072 positions), built from the certificates it withdrew (the `withdrawn` list,
 * kept by status) and signed with its current key.
 */
export const accreditationRoutes: PublicRoutes<TrainingModels> = {
  '/.well-known/accreditation/:bodyId/jwks.json': async ({ bodyId }, { models }) => {
    const body = await publishingBody(models, bodyId);
    return body && { contentType: 'application/jwk-set+json', body: JSON.stringify(jwksOf(body)), maxAgeSeconds: 60 };
  },
  '/.well-known/accreditation/:bodyId/status/:purpose/:list': async ({ bodyId, purpose, list }, { models, now }) => {
    if (!(STATUS_PURPOSES as readonly string[]).includes(purpose) || !/^[1-9][0-9]{0,5}$/.test(list)) return null;
    const body = await publishingBody(models, bodyId);
    if (!body) return null;
    const number = Number(list);
    const highest = await models.statusPositions.length(`status/${body._id}`);
    if (number > (highest === 0 ? 1 : statusSlotOf(highest).list)) return null;
    const withdrawn = await models.certificates.loaderBy('withdrawn').load(body._id);
    const set = withdrawn
      .filter((c) => c.status === SET_BY[purpose as StatusPurpose] && typeof c.statusPosition === 'number')
      .map((c) => statusSlotOf(c.statusPosition))
      .filter((slot) => slot.list === number)
      .map((slot) => slot.index);
    const jwt = await signStatusList(models.keys, models.publicUrl, body, purpose as StatusPurpose, number, set, now);
    return { contentType: 'application/vc+jwt', body: jwt, maxAgeSeconds: STATUS_LIST_MAX_AGE };
  },
};
