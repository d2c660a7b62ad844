import type { Role } from '../../platform/auth';
import { actsInOwnJurisdiction, allow, hasRole, isAuthenticated, openTypes, type Permissions } from '../common/rules';
import { recordId } from '../common/validate';
import type { ProceedingContext } from './models';

/** The rules of the root fields; Proceeding fields are decided by their categories (types.ts). */

const proceedingOf = async (args: { proceedingId: string }, ctx: ProceedingContext) => ctx.loaders.proceeding.load(recordId(args.proceedingId, 'proceedingId'));
const actsOnProceeding = (roles: Role[]) => actsInOwnJurisdiction('Proceeding', roles, proceedingOf, (args) => args.proceedingId);

/** The roles that see anything of a proceeding (the summary, at least). */
const READERS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'partner_system', 'legal_aid_attorney'];

export const proceedingPermissions: Permissions = {
  Query: {
    proceeding: isAuthenticated,
    proceedings: hasRole(...READERS),
  },
  Mutation: {
    openProceeding: hasRole('prosecutor', 'judge'),
    advanceStage: actsOnProceeding(['prosecutor', 'judge']),
    scheduleHearing: actsOnProceeding(['judge', 'prosecutor']),
  },
  Victim: { id: allow, proceedings: isAuthenticated },
  ...openTypes('ProceedingConnection', 'ProceedingEdge', 'PageInfo', 'Defendant', 'Hearing'),
};
