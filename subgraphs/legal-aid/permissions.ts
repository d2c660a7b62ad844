import { mePermissions } from '../common/me';
import { regionPermissions } from '../common/regions';
import { allow, hasRole, isAuthenticated, openTypes, type Permissions } from '../common/rules';

const ATTORNEY_OR_SOCIAL_WORKER = hasRole('legal_aid_attorney', 'social_worker');

/** The rules of the root fields; assignment and handoff fields are decided by their categories (access.ts). */
export const legalAidPermissions: Permissions = {
  Query: {
    attorney: isAuthenticated,
    legalAidProviders: isAuthenticated,
    matchAttorneys: isAuthenticated,
    legalAidAssignment: hasRole('legal_aid_attorney', 'social_worker', 'judge', 'prosecutor'),
    offeredHandoffs: hasRole('legal_aid_attorney'),
  },
  Mutation: {
    assignLegalAid: ATTORNEY_OR_SOCIAL_WORKER,
    recordRepresentationConsent: hasRole('legal_aid_attorney'),
    closeAssignment: hasRole('legal_aid_attorney'),
    requestInterpretation: ATTORNEY_OR_SOCIAL_WORKER,
    updateInterpretation: ATTORNEY_OR_SOCIAL_WORKER,
    requestAccommodation: ATTORNEY_OR_SOCIAL_WORKER,
    handOff: hasRole('legal_aid_attorney'),
    acceptHandoff: hasRole('legal_aid_attorney'),
    refuseHandoff: hasRole('legal_aid_attorney'),
    // The directory: a registrar of the provider's jurisdiction (checked in domain/directory.ts).
    registerLegalAidProvider: hasRole('registrar'),
    registerAttorney: hasRole('registrar'),
    deactivateAttorney: hasRole('registrar'),
  },
  Victim: { id: allow, legalAid: hasRole('legal_aid_attorney', 'social_worker', 'judge', 'prosecutor') },
  // Gaps need the victim's proceedings and status: for those who act on them.
  VictimLegalAid: { current: allow, history: allow, gaps: ATTORNEY_OR_SOCIAL_WORKER },
  // The directory is open to every authenticated caller (the root fields ask for a token).
  ...mePermissions,
  ...regionPermissions,
  ...openTypes('Attorney', 'LegalAidProvider', 'AttorneyMatch', 'RepresentationConsent', 'Interpretation', 'Accommodation', 'LegalAidGap', 'Proceeding'),
};
