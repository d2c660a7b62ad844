import 'reflect-metadata';
import type { GraphQLError } from 'graphql';
import type { SharedConsent } from '../../common/consents';
import type { InterpretationRecord } from '../models';
import { InterpretationStatus, TransferCategory } from '../schema/vocabulary';
import { beyondConsents } from './handoffs';
import { movedInterpretation } from './interpretation';

// What a handoff may carry abroad (handoffs.ts) and how an interpretation moves on
// (interpretation.ts), without a database.

const consent = (categories: string[], purposes: string[]): SharedConsent => ({ id: 'c1', categories, purposes });

describe('a handoff abroad', () => {
  it('carries CASE, and what the victim shares with that jurisdiction for LEGAL_REPRESENTATION', () => {
    const consents = [consent(['IDENTITY', 'HEALTH'], ['LEGAL_REPRESENTATION'])];
    expect(beyondConsents(consents, 'AT', [TransferCategory.CASE, TransferCategory.IDENTITY, TransferCategory.HEALTH])).toEqual([]);
    expect(beyondConsents([], 'AT', [TransferCategory.CASE])).toEqual([]);
  });

  it('names every category beyond that, and why', () => {
    const consents = [consent(['IDENTITY'], ['LEGAL_REPRESENTATION']), consent(['HEALTH'], ['SHELTER_PLACEMENT'])];
    expect(beyondConsents(consents, 'AT', [TransferCategory.IDENTITY, TransferCategory.HEALTH, TransferCategory.TESTIMONY])).toEqual([
      {
        path: 'input.transferCategories[1]',
        message: 'HEALTH: the victim shares it with AT for SHELTER_PLACEMENT, not for LEGAL_REPRESENTATION (the purpose the receiving attorney reads the file for)',
      },
      { path: 'input.transferCategories[2]', message: 'TESTIMONY: the victim has not consented to share it with AT for LEGAL_REPRESENTATION' },
    ]);
  });
});

describe('an interpretation', () => {
  const interpretation = (id: string, status: InterpretationStatus, interpreter: string | null = null) => ({ id, status, interpreter }) as InterpretationRecord;
  const refused = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as GraphQLError).extensions;
    }
    throw new Error('allowed');
  };

  it('moves REQUESTED → ASSIGNED → DONE, keeping its interpreter, and the others stay as they are', () => {
    const list = [interpretation('a', InterpretationStatus.REQUESTED), interpretation('b', InterpretationStatus.REQUESTED)];
    const assigned = movedInterpretation(list, 'a', InterpretationStatus.ASSIGNED, 'Olena');
    expect(assigned.map((i) => [i.id, i.status, i.interpreter])).toEqual([
      ['a', 'ASSIGNED', 'Olena'],
      ['b', 'REQUESTED', null],
    ]);
    expect(movedInterpretation(assigned, 'a', InterpretationStatus.DONE, null)[0]).toMatchObject({ status: 'DONE', interpreter: 'Olena' });
    expect(movedInterpretation(list, 'b', InterpretationStatus.CANCELLED, null)[1].status).toBe('CANCELLED');
  });

  it('goes nowhere once DONE or CANCELLED, and not back, and an unknown id is refused', () => {
    expect(refused(() => movedInterpretation([interpretation('a', InterpretationStatus.DONE)], 'a', InterpretationStatus.CANCELLED, null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(refused(() => movedInterpretation([interpretation('a', InterpretationStatus.CANCELLED)], 'a', InterpretationStatus.ASSIGNED, 'X'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(refused(() => movedInterpretation([interpretation('a', InterpretationStatus.ASSIGNED)], 'a', InterpretationStatus.REQUESTED, null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(refused(() => movedInterpretation([interpretation('a', InterpretationStatus.REQUESTED)], 'z', InterpretationStatus.ASSIGNED, 'X'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interpretationId' });
  });
});
