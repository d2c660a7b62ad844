import { caseReferenceOf, identityHash, newCaseReference, normalizeName } from './identity';

// Duplicate detection across borders: equal keyed hashes for the same person however the
// name is written, none without a date of birth, none across keys.

const KEY = 'k'.repeat(32);

describe('identity hashes', () => {
  it('normalizes diacritics, case, punctuation and word order', () => {
    expect(normalizeName('KOVALENKO, Olena')).toBe('kovalenko olena');
    expect(normalizeName('José  Núñez-García')).toBe(normalizeName('garcia jose nunez'));
  });

  it('matches the same person written differently, and only with the same date of birth, nationality and key', () => {
    const hash = identityHash(KEY, 'Olena Kovalenko', '1990-04-02', 'UA');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(identityHash(KEY, 'KOVALENKO, Olena', '1990-04-02', 'UA')).toBe(hash);
    expect(identityHash(KEY, 'Olena Kovalenko', '1990-04-03', 'UA')).not.toBe(hash);
    expect(identityHash(KEY, 'Olena Kovalenko', '1990-04-02', 'MD')).not.toBe(hash);
    expect(identityHash('x'.repeat(32), 'Olena Kovalenko', '1990-04-02', 'UA')).not.toBe(hash);
  });

  it('stores no hash without a date of birth (a name alone is too weak)', () => {
    expect(identityHash(KEY, 'Olena Kovalenko', null, 'UA')).toBeNull();
  });
});

describe('case references', () => {
  it('are of the jurisdiction and year, with six characters that cannot be misread', () => {
    const reference = newCaseReference('DE', new Date('2026-03-01T00:00:00Z'));
    expect(reference).toMatch(/^DE-2026-[A-HJ-NP-Z2-9]{6}$/);
    expect(caseReferenceOf(reference, 'caseReference')).toBe(reference);
  });

  it('are read as typed (spaces around, lower case), and anything else is BAD_USER_INPUT', () => {
    expect(caseReferenceOf('  de-2026-7f3kq9 ', 'caseReference')).toBe('DE-2026-7F3KQ9');
    expect(caseReferenceOf('DE-DEMO-000001', 'caseReference')).toBe('DE-DEMO-000001');
    for (const wrong of ['DE-2026-7F3KQ', 'DEU-2026-7F3KQ9', '', 42]) {
      expect(() => caseReferenceOf(wrong, 'caseReference')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});
