import { entityStub, type EntityReference } from '../../common/references';

/** A victim as this subgraph knows it: by id (the victims subgraph resolves the rest). */
export const VictimReference = entityStub('Victim');
export type VictimReference = EntityReference;

/** A proceeding of the proceedings subgraph, by id (it decides what the caller sees of it). */
export const ProceedingReference = entityStub('Proceeding', { resolvable: false });
export type ProceedingReference = EntityReference;
