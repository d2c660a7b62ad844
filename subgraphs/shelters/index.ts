import 'reflect-metadata';
// The entities first, in this order: the published schema lists them as they were declared.
import { HearingReference, VictimReference } from './schema/references';
import { Shelter } from './schema/shelter';
import { Placement } from './schema/placement';
import { Transport } from './schema/transport';
import { Me } from './schema/me';
import { Region, RegionProtectionResolver } from './schema/region';
import { isRecordId } from '../common/validate';
import type { SubgraphDefinition } from '../common/server';
import { placementAccess, shelterAccess, transportAccess } from './access';
import { shelterErasure } from './domain/erasure';
import { requestExpiry } from './domain/expiry';
import { vars } from '../../platform/config';
import { meReference } from '../common/me';
import { regionReference } from '../common/regions';
import { DEFAULT_REQUEST_HOURS, shelterLoaders, shelterModels, type ShelterContext } from './models';
import { shelterPermissions } from './permissions';
// The resolvers in this order: the published Query and Mutation list their fields as they were declared.
import { ShelterResolver } from './resolvers/shelter';
import { PlacementResolver } from './resolvers/placement';
import { VictimPlacementsResolver } from './resolvers/victim';
import { HearingTransportResolver, TransportResolver } from './resolvers/transport';
import { MeSheltersResolver } from './resolvers/me';
import { referenceById } from '../common/references';
import { placementReference } from './domain/known';

/**
 * Shelters: live capacity that is never overbooked (beds are slots, common/storage/slots.ts),
 * matching a person's needs, confidential addresses, placements of victims (by id; the
 * victims subgraph resolves them and decides consent) and safe transport to hearings of
 * the proceedings subgraph.
 */
const byId = <K extends keyof ReturnType<typeof shelterLoaders>>(loader: K) => ({
  __resolveReference: (reference: { id: string }, ctx: ShelterContext) => (isRecordId(reference.id) ? (ctx.loaders[loader] as { load(id: string): unknown }).load(reference.id) : null),
});

const env = {
  PLACEMENT_REQUEST_HOURS: vars.integer('hours a shelter has to accept or decline a placement request before it expires and frees its bed (default 48)', 1, 720),
};

export const sheltersSubgraph: SubgraphDefinition<ReturnType<typeof shelterModels>, ReturnType<typeof shelterLoaders>, typeof env> = {
  name: 'shelters',
  env,
  resolvers: [ShelterResolver, PlacementResolver, VictimPlacementsResolver, HearingTransportResolver, TransportResolver, MeSheltersResolver, RegionProtectionResolver],
  orphanedTypes: [Shelter, Placement, Transport, VictimReference, HearingReference, Me, Region],
  references: {
    Me: meReference,
    Region: regionReference,
    Shelter: byId('shelter'),
    Placement: placementReference,
    Victim: referenceById,
    Hearing: referenceById,
  },
  permissions: shelterPermissions,
  access: [shelterAccess, placementAccess, transportAccess],
  models: (connection, settings) => shelterModels(connection, settings.PLACEMENT_REQUEST_HOURS ?? DEFAULT_REQUEST_HOURS),
  loaders: shelterLoaders,
  erasure: shelterErasure,
  jobs: (context) => [requestExpiry(context)],
};
