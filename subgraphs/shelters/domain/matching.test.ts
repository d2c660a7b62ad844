import 'reflect-metadata';
import type { GraphQLError } from 'graphql';
import type { Entity } from '../../common/storage';
import { Gender } from '../../common/vocabulary';
import type { ShelterRecord } from '../models';
import type { ShelterNeedsInput } from '../schema/inputs';
import { Accessibility, SecurityLevel, ShelterService } from '../schema/vocabulary';
import { checkedNeeds, match, ranked } from './matching';

// Matching a person's needs to shelters (matching.ts), without a database: who a shelter
// takes in at all, what it meets and misses, and the order of the answer.

function shelter(name: string, overrides: Partial<ShelterRecord> = {}): Entity<ShelterRecord> {
  return {
    id: name,
    _id: name,
    name,
    jurisdiction: 'DE',
    city: 'Berlin',
    operator: 'ngo',
    capacity: 10,
    services: [ShelterService.MEDICAL],
    accessibility: [Accessibility.WHEELCHAIR],
    accepts: { genders: [Gender.FEMALE], unaccompaniedMinors: false, families: true, maxStayDays: 90 },
    languages: ['de', 'uk'],
    securityLevel: SecurityLevel.HIGH,
    address: 'secret',
    phone: '+49',
    registeredAt: new Date(0),
    registeredBy: 'registrar',
    ...overrides,
  } as Entity<ShelterRecord>;
}

const needs = (overrides: Partial<ShelterNeedsInput> = {}) =>
  checkedNeeds({ minor: false, family: false, accessibility: [], languages: [], services: [], ...overrides } as ShelterNeedsInput);

describe('the needs', () => {
  it('are refused naming the wrong one', () => {
    const refused = (input: Partial<ShelterNeedsInput>) => {
      try {
        needs(input);
      } catch (error) {
        return (error as GraphQLError).extensions;
      }
      throw new Error('accepted');
    };
    expect(refused({ from: '2031-05-10', until: '2031-05-09' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'needs.until' });
    expect(refused({ jurisdiction: 'Germany' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'needs.jurisdiction' });
  });
});

describe('a shelter', () => {
  it('does not take in whom it does not accept', () => {
    expect(match(shelter('a'), needs({ gender: Gender.MALE }))).toBeNull();
    expect(match(shelter('a'), needs({ minor: true }))).toBeNull();
    expect(match(shelter('a', { accepts: { genders: [Gender.FEMALE], unaccompaniedMinors: true, families: false, maxStayDays: 90 } }), needs({ family: true }))).toBeNull();
    expect(match(shelter('a'), needs({ from: '2031-01-01', until: '2031-04-02' }))).toBeNull(); // 91 days
    expect(match(shelter('a'), needs({ gender: Gender.FEMALE, family: true, from: '2031-01-01', until: '2031-04-01' }))).not.toBeNull(); // 90 days
  });

  it('meets a security level at or above the one asked, and one spoken language is enough', () => {
    const found = match(shelter('a'), needs({ securityLevel: SecurityLevel.STANDARD, languages: ['uk', 'ru'], services: [ShelterService.MEDICAL, ShelterService.CHILD_CARE] }));
    expect(found).toMatchObject({ meets: ['service:MEDICAL', 'language:uk', 'securityLevel:STANDARD'], misses: ['service:CHILD_CARE'] });
    expect(match(shelter('a'), needs({ securityLevel: SecurityLevel.SECRET_LOCATION, languages: ['ru'] }))).toMatchObject({ meets: [], misses: ['language:ru', 'securityLevel:SECRET_LOCATION'] });
    expect(match(shelter('a', { securityLevel: SecurityLevel.SECRET_LOCATION }), needs({ securityLevel: SecurityLevel.HIGH }))?.meets).toEqual(['securityLevel:HIGH']);
    expect(match(shelter('a'), needs({ securityLevel: SecurityLevel.HIGH }))?.meets).toEqual(['securityLevel:HIGH']);
  });
});

describe('the answer', () => {
  it('ranks the most needs met first, then the most free beds, then by name', () => {
    const m = (name: string, meets: number, free: number) => ({ shelter: shelter(name), meets: Array.from({ length: meets }, (_, i) => `n${i}`), misses: [], free });
    const order = ranked([m('Cedar', 1, 5), m('Birch', 2, 1), m('Alder', 1, 5), m('Dogwood', 1, 9)]).map((x) => x.shelter.name);
    expect(order).toEqual(['Birch', 'Dogwood', 'Alder', 'Cedar']);
  });
});
