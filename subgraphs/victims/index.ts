import 'reflect-metadata';
import { vars } from '../../platform/config';
import { meReference } from '../common/me';
import { regionReference } from '../common/regions';
import type { SubgraphDefinition } from '../common/server';
import { localConsents, referralAccess, reintegrationAccess, returnPlanAccess, victimAccess } from './access';
import { victimLoaders, victimModels } from './models';
import { victimPermissions } from './permissions';
import { AccessReportResolver } from './resolvers/access-report.resolver';
import { ConsentResolver } from './resolvers/consent.resolver';
import { ErasureFeedResolver } from './resolvers/erasure.resolver';
import { MeResolver } from './resolvers/me.resolver';
import { RegionIdentificationResolver, RegionReintegrationResolver, RegionResolver } from './resolvers/region.resolver';
import { ReferralResolver } from './resolvers/referral.resolver';
import { RetentionResolver } from './resolvers/retention.resolver';
import { ReturnPlanResolver } from './resolvers/returns.resolver';
import { ReintegrationResolver } from './resolvers/reintegration.resolver';
import { VictimResolver } from './resolvers/victim.resolver';
import { VictimLifecycleResolver } from './resolvers/lifecycle.resolver';
import { Victim } from './schema/victim';
import { victimReference } from './resolvers/victim.reference';

const env = {
  RETENTION_DAYS: vars.integer('days a closed record keeps its personal data before it is anonymized (default 1826, five years)', 0, 36_500),
  IDENTITY_HASH_KEY: vars.secret(
    'hub-wide secret for the keyed identity hashes of duplicate detection; the same for every victims instance, and never changed',
    32,
  ),
};

export const victimsSubgraph: SubgraphDefinition<ReturnType<typeof victimModels>, ReturnType<typeof victimLoaders>, typeof env> = {
  name: 'victims',
  env,
  resolvers: [VictimResolver, ConsentResolver, AccessReportResolver, RetentionResolver, ErasureFeedResolver, MeResolver, VictimLifecycleResolver, ReferralResolver, RegionResolver, RegionIdentificationResolver, RegionReintegrationResolver, ReturnPlanResolver, ReintegrationResolver],
  orphanedTypes: [Victim],
  references: { Victim: victimReference, Me: meReference, Region: regionReference },
  permissions: victimPermissions,
  access: [victimAccess, referralAccess, returnPlanAccess, reintegrationAccess],
  consents: localConsents,
  models: (connection, settings) => victimModels(connection, settings.IDENTITY_HASH_KEY, settings.RETENTION_DAYS),
  loaders: victimLoaders,
  // The owner of victims announces every erasure; the subgraphs that hold victim data follow.
  erasureFeed: (models) => models.erasureNotices,
};
