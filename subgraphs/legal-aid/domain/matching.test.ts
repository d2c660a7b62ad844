import 'reflect-metadata';
import type { Entity } from '../../common/storage';
import type { AttorneyRecord } from '../models';
import { LegalMatter } from '../schema/vocabulary';
import { matchOf, ranked } from './matching';

// Matching attorneys (matching.ts), without a database: what each meets, and the order.

const attorney = (name: string, languages: string[]) => ({ id: name, _id: name, name, languages }) as Entity<AttorneyRecord>;

describe('matching attorneys', () => {
  it('says what each meets: the jurisdiction, each wanted language she speaks, the matter', () => {
    expect(matchOf(attorney('a', ['de', 'uk']), 'DE', ['uk', 'ru'], LegalMatter.ASYLUM, 2)).toMatchObject({ meets: ['jurisdiction:DE', 'language:uk', 'matter:ASYLUM'], spoken: 1, activeAssignments: 2 });
    expect(matchOf(attorney('a', ['de']), 'DE', ['uk'], undefined, 0).meets).toEqual(['jurisdiction:DE']);
  });

  it('ranks the most wanted languages spoken first, then the least loaded, then by name, and cuts to the page', () => {
    const m = (name: string, languages: string[], load: number) => matchOf(attorney(name, languages), 'DE', ['uk', 'ru'], undefined, load);
    const order = ranked([m('Cora', ['uk'], 0), m('Bea', ['uk', 'ru'], 5), m('Ada', ['uk'], 0), m('Dan', ['uk'], 1), m('Eve', [], 0)], 4).map((x) => x.attorney.name);
    expect(order).toEqual(['Bea', 'Ada', 'Cora', 'Dan']);
  });
});
