import type { Actor, Records } from './records';
import { LEGAL_AID } from './mutation-fixtures/legal-aid';
import { PARTNERS } from './mutation-fixtures/partners';
import { PROCEEDINGS } from './mutation-fixtures/proceedings';
import { SHELTERS } from './mutation-fixtures/shelters';
import { TRAINING } from './mutation-fixtures/training';
import { VICTIMS } from './mutation-fixtures/victims';

/**
 * One row per mutation of the composed schema (test/mutations.test.ts walks them all):
 * who may call it, how to make what it acts on through the API, its variables (named as
 * its arguments), the subgraph it writes to and the audit action it writes there, and
 * which of its ids a stranger may not know of.
 *
 * Adding a mutation: add a row under its name to mutation-fixtures/<its subgraph>.ts.
 * `setUp` returns fresh variables for a call that succeeds as `as`; every id argument
 * (`fooId`, `input.barId`, ID types) is in `hidden` (a caller of the same role in another
 * jurisdiction gets the same answer for it as for a random id) or in `open` with why
 * anyone may know of that record.
 */

export type Variables = Record<string, unknown>;

export interface MutationFixture {
  /** A caller who may make this change. */
  as: Actor;
  /** The subgraph that writes, and the audit action it writes first. */
  writes: 'victims' | 'proceedings' | 'shelters' | 'legal-aid' | 'training' | 'partners';
  action: string;
  /** Makes what the mutation acts on (fresh for each row); resolves to its variables. */
  setUp(records: Records): Promise<Variables>;
  /** Ids of records a stranger may not see: the stranger's answer must not tell them from a random id. */
  hidden: string[];
  /** Ids of records every caller may see, with why (not compared). */
  open?: Record<string, string>;
  /** Someone of a role that may call it, in a jurisdiction with no basis to see the records (default: `as`'s role in LU). */
  stranger?: Actor;
  /** More strangers, each with records of its own: e.g. a caller of the shelter's jurisdiction naming a victim of another. */
  probes?: Probe[];
}

export interface Probe {
  stranger: Actor;
  setUp(records: Records): Promise<Variables>;
  hidden: string[];
}

/** Every mutation's row, by name; the rows live by subgraph in test/support/mutation-fixtures/<subgraph>.ts. */
export const MUTATIONS: Record<string, MutationFixture> = { ...VICTIMS, ...SHELTERS, ...PROCEEDINGS, ...LEGAL_AID, ...TRAINING, ...PARTNERS };
