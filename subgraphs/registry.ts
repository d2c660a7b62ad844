import type { AuditedService } from './common/audit-api';
import { auditedService } from './common/schema';
import type { SubgraphDefinition } from './common/server';
import { legalAidSubgraph } from './legal-aid';
import { partnersSubgraph } from './partners';
import { proceedingsSubgraph } from './proceedings';
import { sheltersSubgraph } from './shelters';
import { trainingSubgraph } from './training';
import { victimsSubgraph } from './victims';

/** A subgraph of the hub and the port it listens on by default. */
export interface RegistryEntry {
  port: number;
  definition: SubgraphDefinition;
  /** This one answers the hub's audit root fields and routes them to the owners (exactly one entry). */
  auditDirectory?: true;
}

/** The subgraphs of the hub: adding one is one line here. Victims first: the others ask it for consent decisions. */
export const SUBGRAPHS: RegistryEntry[] = [
  { port: 4001, definition: victimsSubgraph, auditDirectory: true },
  { port: 4002, definition: proceedingsSubgraph },
  { port: 4003, definition: sheltersSubgraph },
  { port: 4004, definition: legalAidSubgraph },
  { port: 4005, definition: trainingSubgraph },
  { port: 4006, definition: partnersSubgraph },
];

export function subgraphNamed(name: string, registry = SUBGRAPHS): RegistryEntry {
  const entry = registry.find((s) => s.definition.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; known: ${registry.map((s) => s.definition.name).join(', ')}`);
  return entry;
}

/** For the owner of the erasure feed: the subgraphs that follow it (they declare `erasure`), to nudge after an erasure. */
export function erasureFollowersFor(entry: RegistryEntry, registry = SUBGRAPHS): string[] | undefined {
  return entry.definition.erasureFeed ? registry.filter((s) => s.definition.erasure).map((s) => s.definition.name) : undefined;
}

/** For the directory entry: which subgraph keeps the trail of which subject types. */
export function auditDirectoryFor(entry: RegistryEntry, registry = SUBGRAPHS): AuditedService[] | undefined {
  return entry.auditDirectory ? registry.map((s) => auditedService(s.definition)) : undefined;
}
