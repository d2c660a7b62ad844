import { allow, hasRole, isAuthenticated, openTypes, type Permissions } from '../common/rules';

/** The rules of the root fields; Shelter, Placement and Transport fields are decided by their categories (access.ts). */
export const shelterPermissions: Permissions = {
  Query: {
    shelter: isAuthenticated,
    shelters: isAuthenticated,
    matchShelters: isAuthenticated,
  },
  Mutation: {
    registerShelter: hasRole('shelter_staff'),
    requestPlacement: hasRole('social_worker', 'law_enforcement', 'shelter_staff'),
    confirmPlacement: hasRole('shelter_staff', 'social_worker'),
    transferPlacement: hasRole('shelter_staff', 'social_worker'),
    dischargePlacement: hasRole('shelter_staff', 'social_worker'),
    arrangeTransport: hasRole('shelter_staff', 'social_worker'),
  },
  Victim: { id: allow, placements: isAuthenticated, currentPlacement: isAuthenticated },
  Hearing: { id: allow, transport: isAuthenticated },
  ...openTypes('Accepts', 'ShelterMatch', 'ShelterEdge', 'ShelterConnection', 'PageInfo'),
};
