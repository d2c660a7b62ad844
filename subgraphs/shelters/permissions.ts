import { allow, chain, hasRole, isAuthenticated, openTypes, statesPurpose, type Permissions } from '../common/rules';
import { mePermissions } from '../common/me';
import { regionPermissions } from '../common/regions';
import { placementAccess, transportAccess } from './access';

/** Lists of placements and transports: only the roles that may ever read one, for a stated purpose (which of them each sees: domain/known.ts). */
const readsPlacements = chain(hasRole(...placementAccess.rules.LOCATION.roles), statesPurpose);
const readsTransports = chain(hasRole(...transportAccess.rules.LOCATION.roles), statesPurpose);

/** The rules of the root fields; Shelter, Placement and Transport fields are decided by their categories (access.ts). */
export const shelterPermissions: Permissions = {
  Query: {
    shelter: isAuthenticated,
    shelters: isAuthenticated,
    matchShelters: isAuthenticated,
  },
  Mutation: {
    registerShelter: hasRole('registrar'),
    requestPlacement: hasRole('social_worker', 'law_enforcement', 'shelter_staff'),
    acceptPlacement: hasRole('shelter_staff'),
    declinePlacement: hasRole('shelter_staff'),
    confirmPlacement: hasRole('shelter_staff'),
    transferPlacement: hasRole('shelter_staff', 'social_worker'),
    dischargePlacement: hasRole('shelter_staff', 'social_worker'),
    arrangeTransport: hasRole('shelter_staff', 'social_worker'),
  },
  Victim: { id: allow, placements: readsPlacements, currentPlacement: readsPlacements },
  Hearing: { id: allow, transport: readsTransports },
  ...mePermissions,
  ...regionPermissions,
  ...openTypes('Accepts', 'ShelterMatch', 'ShelterEdge', 'ShelterConnection', 'PageInfo'),
};
