import { entityStub, type EntityReference } from '../../common/references';

// Other subgraphs' entities this one adds fields to, known here by id only.

/** A victim as this subgraph knows it: by id (the victims subgraph resolves the rest). */
export const VictimReference = entityStub('Victim');
export type VictimReference = EntityReference;

/** A hearing of the proceedings subgraph, by id: this subgraph adds its transport. */
export const HearingReference = entityStub('Hearing');
export type HearingReference = EntityReference;
