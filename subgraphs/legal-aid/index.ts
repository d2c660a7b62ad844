import 'reflect-metadata';
import { meReference } from '../common/me';
import { referenceById } from '../common/references';
import { isRecordId } from '../common/validate';
import type { SubgraphDefinition } from '../common/server';
import { assignmentAccess, handoffAccess } from './access';
import { AttorneyRegistrationResolver, ProviderRegistrationResolver } from './directory-resolvers';
import { legalAidErasure } from './erasure';
import { LegalAidMeResolver, Me } from './me';
import { legalAidLoaders, legalAidModels, type LegalAidContext } from './models';
import { legalAidPermissions } from './permissions';
import { AssignmentResolver, AttorneyResolver, HandoffResolver, VictimLegalAidGapsResolver, VictimLegalAidResolver } from './resolvers';
import { Attorney, Handoff, LegalAidAssignment, ProceedingReference, VictimReference } from './types';

/**
 * Legal aid that follows the survivor across borders: a directory of providers and
 * attorneys, assignments of victims (by id; the victims subgraph decides consent), files
 * handed from attorney to attorney between jurisdictions within what the victim's consents
 * allow, interpretation and accommodations, and the gaps in representation while a
 * proceeding is open (asked of the proceedings subgraph, as the caller may see it). The
 * directory is set up by each jurisdiction's registrar (directory.ts).
 */
export const legalAidSubgraph: SubgraphDefinition<ReturnType<typeof legalAidModels>, ReturnType<typeof legalAidLoaders>, Record<string, never>> = {
  name: 'legal-aid',
  database: 'legal_aid',
  env: {},
  resolvers: [AttorneyResolver, AssignmentResolver, HandoffResolver, VictimLegalAidResolver, VictimLegalAidGapsResolver, ProviderRegistrationResolver, AttorneyRegistrationResolver, LegalAidMeResolver],
  orphanedTypes: [Attorney, LegalAidAssignment, Handoff, VictimReference, ProceedingReference, Me],
  references: {
    Attorney: { __resolveReference: (reference: { id: string }, ctx: LegalAidContext) => (isRecordId(reference.id) ? ctx.loaders.attorney.load(reference.id) : null) },
    LegalAidAssignment: { __resolveReference: (reference: { id: string }, ctx: LegalAidContext) => (isRecordId(reference.id) ? ctx.loaders.assignment.load(reference.id) : null) },
    Victim: referenceById,
    Me: meReference,
  },
  permissions: legalAidPermissions,
  access: [assignmentAccess, handoffAccess],
  models: (connection) => legalAidModels(connection),
  loaders: legalAidLoaders,
  erasure: legalAidErasure,
};
