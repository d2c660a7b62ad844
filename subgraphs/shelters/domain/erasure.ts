import type { Erasure } from '../../common/erasure';
import type { ShelterModels } from '../models';

/**
 * What shelters remove when a victim's data is erased (common/erasure.ts): what a
 * placement says about the person (the needs, and the end reason, free text that may
 * name the next shelter) and how she is taken to court (pickup location, escort). Kept:
 * that a placement was held in which shelter and when, which the beds and occupancy are
 * counted from, and the trip's hearing and time, as the shelter's pseudonymous record.
 */
export const shelterErasure: Erasure<ShelterModels> = {
  fields: ['Placement.needs', 'Placement.endReason', 'Transport.pickupLocation', 'Transport.escort'],
  async erase(models, victimId) {
    for (const placement of await models.placements.loaderBy('victim').load(victimId)) {
      if (placement.needs.length > 0 || placement.endReason !== null) await models.placements.update(placement.id, { needs: [], endReason: null });
    }
    for (const transport of await models.transports.loaderBy('victim').load(victimId)) {
      if (transport.pickupLocation !== null || transport.escort !== null) await models.transports.update(transport.id, { pickupLocation: null, escort: null });
    }
  },
};
