import type { Role } from '../../platform/auth';
import { actsInOwnJurisdiction, allow, hasRole, isAuthenticated, openTypes, type Permissions } from '../common/rules';
import { recordId } from '../common/validate';
import type { ProceedingContext } from './models';

/** The rules of the root fields; Proceeding fields are decided by their categories (types.ts). */

const proceedingOf = async (args: { proceedingId: string }, ctx: ProceedingContext) => ctx.loaders.proceeding.load(recordId(args.proceedingId, 'proceedingId'));
const orderOf = async (args: { orderId: string }, ctx: ProceedingContext) => ctx.loaders.protectiveOrder.load(recordId(args.orderId, 'orderId'));
const actsOnProceeding = (roles: Role[]) => actsInOwnJurisdiction('Proceeding', roles, proceedingOf, (args) => args.proceedingId);

/** The roles that see anything of a proceeding (the summary, at least). */
const READERS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'partner_system', 'legal_aid_attorney'];

export const proceedingPermissions: Permissions = {
  Query: {
    proceeding: isAuthenticated,
    proceedings: hasRole(...READERS),
    pendingProtectiveOrders: hasRole('judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'),
  },
  Mutation: {
    openProceeding: hasRole('prosecutor', 'judge'),
    advanceStage: actsOnProceeding(['prosecutor', 'judge']),
    scheduleHearing: actsOnProceeding(['judge', 'prosecutor']),
    requestProtectiveOrder: actsOnProceeding(['prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney']),
    decideProtectiveOrder: actsInOwnJurisdiction('ProtectiveOrder', ['judge'], orderOf, (args) => args.orderId),
  },
  Victim: { id: allow, proceedings: isAuthenticated },
  ...openTypes('ProceedingConnection', 'ProceedingEdge', 'PageInfo', 'Defendant', 'Hearing', 'ProtectiveOrderConnection', 'ProtectiveOrderEdge'),
};
