import type { Column, ImportKind } from './run';

/**
 * What `npm run import` can load, each kind one mutation of the onboarding API, and the
 * CSV columns of each (lists are separated by `;`). The first line of a file names its
 * columns, in any order; optional columns may be left out or left empty.
 */

const text = (into: string, required = true): Column => ({ into, required });
const list = (into: string, required = true): Column => ({ into, type: 'list', required });
const int = (into: string, required = true): Column => ({ into, type: 'int', required });
const boolean = (into: string): Column => ({ into, type: 'boolean' });

export const KINDS: Record<string, ImportKind> = {
  shelters: {
    noun: 'shelter',
    document: 'mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id name } }',
    columns: {
      name: text('input.name'),
      operator: text('input.operator'),
      jurisdiction: text('input.jurisdiction', false),
      city: text('input.city'),
      capacity: int('input.capacity'),
      services: list('input.services', false),
      accessibility: list('input.accessibility', false),
      acceptsGenders: list('input.acceptsGenders'),
      acceptsUnaccompaniedMinors: boolean('input.acceptsUnaccompaniedMinors'),
      acceptsFamilies: boolean('input.acceptsFamilies'),
      maxStayDays: int('input.maxStayDays'),
      languages: list('input.languages'),
      securityLevel: text('input.securityLevel'),
      address: text('input.address'),
      phone: text('input.phone'),
    },
    made: (data) => `${data.registerShelter.name} (${data.registerShelter.id})`,
  },
};
