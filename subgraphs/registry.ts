import type { SubgraphDefinition } from './common/server';
import { victimsSubgraph } from './victims';

/** A subgraph of the hub and the port it listens on by default. */
export interface RegistryEntry {
  port: number;
  definition: SubgraphDefinition;
}

/** The subgraphs of the hub: adding one is one line here. */
export const SUBGRAPHS: RegistryEntry[] = [
  { port: 4001, definition: victimsSubgraph },
];

export function subgraphNamed(name: string): RegistryEntry {
  const entry = SUBGRAPHS.find((s) => s.definition.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((s) => s.definition.name).join(', ')}`);
  return entry;
}
