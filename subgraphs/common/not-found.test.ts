import { parse } from 'graphql';
import { argumentHolding } from './not-found';

// Which argument held the id a NOT_FOUND answer is about (the hub test of it through the
// gateway is in test/input.test.ts).

describe('argumentHolding', () => {
  const id = 'AAAAAAAAAAAAAAAAAAAAAA';

  it('names the argument, the input field or the list item holding the id, from variables or literals', () => {
    const document = parse(`mutation($v: ID!, $input: PlaceInput!) {
      a: grantConsent(victimId: $v) { id }
      b: requestPlacement(input: $input) { id }
      c: closeCase(ids: ["x", "${id}"]) { id }
    }`);
    const variables = { v: id, input: { victimId: 'other', shelterId: id } };
    expect(argumentHolding(document, variables, 'a', { what: 'Victim', id })).toBe('victimId');
    expect(argumentHolding(document, variables, 'b', { what: 'Shelter', id })).toBe('input.shelterId');
    expect(argumentHolding(document, variables, 'c', { what: 'Case', id })).toBe('ids[1]');
  });

  it('of several arguments holding the same id, names the one named like what was not found', () => {
    const document = parse(`mutation($s: ID!, $v: ID!) { requestPlacement(shelterId: $s, victimId: $v) { id } }`);
    const variables = { s: id, v: id };
    expect(argumentHolding(document, variables, 'requestPlacement', { what: 'Victim', id })).toBe('victimId');
    expect(argumentHolding(document, variables, 'requestPlacement', { what: 'Shelter', id })).toBe('shelterId');
    expect(argumentHolding(document, variables, 'requestPlacement', { what: 'Active placement of victim', id })).toBe('victimId');
  });

  it('finds an id given as a number (an ID argument takes 25 as "25")', () => {
    const document = parse(`query($b: ID) { trainingPrograms(bodyId: $b) { code } }`);
    expect(argumentHolding(document, { b: 25 }, 'trainingPrograms', { what: 'AccreditationBody', id: '25' })).toBe('bodyId');
  });

  it('names nothing when no argument of that root field holds the id', () => {
    const document = parse(`query($id: ID!) { victim(id: $id) { id } other: victim(id: "x") { id } }`);
    expect(argumentHolding(document, { id: 'x' }, 'victim', { what: 'Victim', id })).toBeNull();
  });
});
