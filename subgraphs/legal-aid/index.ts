import 'reflect-metadata';
// The types first, in this order: the published schema lists them as they were declared.
import { ProceedingReference, VictimReference } from './schema/references';
import './schema/provider';
import { Attorney } from './schema/attorney';
import { LegalAidAssignment } from './schema/assignment';
import { Handoff } from './schema/handoff';
import './schema/victim';
import { Me } from './schema/me';
import { Region, RegionLegalAidResolver } from './schema/region';
import { meReference } from '../common/me';
import { regionReference } from '../common/regions';
import { referenceById } from '../common/references';
import { isRecordId } from '../common/validate';
import type { SubgraphDefinition } from '../common/server';
import { assignmentAccess, handoffAccess } from './access';
import { legalAidErasure } from './domain/erasure';
import { legalAidLoaders, legalAidModels, type LegalAidContext } from './models';
import { legalAidPermissions } from './permissions';
// The resolvers in this order: the published Query and Mutation list their fields as they were declared.
import { AttorneyRegistrationResolver, ProviderRegistrationResolver } from './resolvers/directory';
import { LegalAidMeResolver } from './resolvers/me';
import { AttorneyResolver } from './resolvers/attorney';
import { AssignmentResolver } from './resolvers/assignment';
import { HandoffResolver } from './resolvers/handoff';
import { VictimLegalAidGapsResolver, VictimLegalAidResolver } from './resolvers/victim';

/**
 * Legal aid that follows the survivor across borders: a directory of providers and
 * attorneys, assignments of victims (by id; the victims subgraph decides consent), files
 * handed from attorney to attorney between jurisdictions within what the victim's consents
 * allow, interpretation and accommodations, and the gaps in representation while a
 * proceeding is open (asked of the proceedings subgraph, as the caller may see it), and the
 * region's legal aid indicators (domain/indicators.ts). The directory is set up by each
 * jurisdiction's registrar (domain/directory.ts). README.md.
 */
export const legalAidSubgraph: SubgraphDefinition<ReturnType<typeof legalAidModels>, ReturnType<typeof legalAidLoaders>, Record<string, never>> = {
  name: 'legal-aid',
  database: 'legal_aid',
  env: {},
  resolvers: [AttorneyResolver, AssignmentResolver, HandoffResolver, VictimLegalAidResolver, VictimLegalAidGapsResolver, ProviderRegistrationResolver, AttorneyRegistrationResolver, LegalAidMeResolver, RegionLegalAidResolver],
  orphanedTypes: [Attorney, LegalAidAssignment, Handoff, VictimReference, ProceedingReference, Me, Region],
  references: {
    Attorney: { __resolveReference: (reference: { id: string }, ctx: LegalAidContext) => (isRecordId(reference.id) ? ctx.loaders.attorney.load(reference.id) : null) },
    LegalAidAssignment: { __resolveReference: (reference: { id: string }, ctx: LegalAidContext) => (isRecordId(reference.id) ? ctx.loaders.assignment.load(reference.id) : null) },
    Victim: referenceById,
    Me: meReference,
    Region: regionReference,
  },
  permissions: legalAidPermissions,
  access: [assignmentAccess, handoffAccess],
  models: (connection) => legalAidModels(connection),
  loaders: legalAidLoaders,
  erasure: legalAidErasure,
};
