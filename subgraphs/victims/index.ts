import 'reflect-metadata';
import type { SubgraphDefinition } from '../common/server';
import { victimLoaders } from './loaders';
import { victimModels } from './models';
import { victimPermissions } from './permissions';
import { AuditResolver } from './resolvers/audit.resolver';
import { ConsentResolver } from './resolvers/consent.resolver';
import { VictimResolver } from './resolvers/victim.resolver';
import { Victim } from './types/victim';
import { victimReference } from './victim.reference';

export interface VictimsSettings {
  /** Hub-wide secret for identity hashes (duplicate detection across borders). */
  identityKey: string;
}

export function victimsSubgraph(settings: VictimsSettings): SubgraphDefinition {
  return {
    name: 'victims',
    resolvers: [VictimResolver, ConsentResolver, AuditResolver],
    orphanedTypes: [Victim],
    references: { Victim: victimReference },
    permissions: victimPermissions,
    models: (connection) => victimModels(connection, settings.identityKey),
    loaders: victimLoaders,
  };
}
