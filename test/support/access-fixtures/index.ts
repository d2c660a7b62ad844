import type { TypeFixture } from '../access-matrix';
import { legalAidFixtures } from './legal-aid';
import { partnersFixtures } from './partners';
import { proceedingsFixtures } from './proceedings';
import { sheltersFixtures } from './shelters';
import { trainingFixtures } from './training';
import { victimsFixtures } from './victims';

/**
 * One table per subgraph (by its registry name): for each type it declares access for,
 * how its records come to be and are read. A new subgraph adds its table here; the
 * matrix test names every declared type that has none.
 */
export const ACCESS_FIXTURES: Record<string, Record<string, TypeFixture>> = {
  victims: victimsFixtures,
  proceedings: proceedingsFixtures,
  shelters: sheltersFixtures,
  'legal-aid': legalAidFixtures,
  training: trainingFixtures,
  partners: partnersFixtures,
};
