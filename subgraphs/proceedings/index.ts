import 'reflect-metadata';
import { isRecordId } from '../common/validate';
import type { SubgraphDefinition } from '../common/server';
import { proceedingLoaders, proceedingModels, type ProceedingContext } from './models';
import { proceedingPermissions } from './permissions';
import { ProceedingResolver, VictimProceedingsResolver } from './resolvers';
import { Proceeding, proceedingAccess, VictimReference } from './types';

/**
 * Court cases: proceedings with their charges, pseudonymized defendants, victims (by id,
 * resolved by the victims subgraph) and hearings. Protective orders and evidence with its
 * chain of custody come next (issue 9).
 */
export const proceedingsSubgraph: SubgraphDefinition<ReturnType<typeof proceedingModels>, ReturnType<typeof proceedingLoaders>, {}> = {
  name: 'proceedings',
  env: {},
  resolvers: [ProceedingResolver, VictimProceedingsResolver],
  orphanedTypes: [Proceeding, VictimReference],
  references: {
    Proceeding: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.proceeding.load(reference.id) : null) },
    Victim: { __resolveReference: (reference: { id: string }) => (isRecordId(reference.id) ? { id: reference.id } : null) },
  },
  permissions: proceedingPermissions,
  access: [proceedingAccess],
  models: proceedingModels,
  loaders: proceedingLoaders,
};
