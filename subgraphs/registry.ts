import type { SubgraphDefinition } from './common/server';
import { victimsSubgraph } from './victims';

/** Settings every subgraph may need; secrets come from the environment, never from git. */
export interface HubSettings {
  identityKey: string;
}

/** The subgraphs of the hub: adding one is one line here. */
export const SUBGRAPHS: Array<{ name: string; port: number; define(settings: HubSettings): SubgraphDefinition }> = [
  { name: 'victims', port: 4001, define: (settings) => victimsSubgraph({ identityKey: settings.identityKey }) },
];

export const GATEWAY_PORT = 4000;

export function subgraphNamed(name: string) {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  return entry;
}
