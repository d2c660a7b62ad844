import { ecli, isJurisdictionCode } from './ecli';

// The European Case Law Identifier on its own: each part checked and named when wrong.

describe('ecli', () => {
  it('parses the five parts, upper-casing what was given in lower case', () => {
    expect(ecli(' ecli:de:bgh:2023:123456 ', 'input.ecli')).toEqual({ value: 'ECLI:DE:BGH:2023:123456', country: 'DE', court: 'BGH', year: 2023, ordinal: '123456' });
    expect(ecli('ECLI:CE:ECHR:2010:0107JUD002596504', 'ecli').country).toBe('CE');
  });

  it.each([
    ['DE:BGH:2023:1', 'is not an ECLI: five parts'],
    ['ECLI:XX:BGH:2023:1', '"XX" is not a country code'],
    ['ECLI:DE:1BGH:2023:1', '"1BGH" is not a court code'],
    ['ECLI:DE:BGH:23:1', '"23" is not a year'],
    ['ECLI:DE:BGH:2023:1-2', '"1-2" is not an ordinal'],
  ])('refuses %s, naming the wrong part', (value, message) => {
    expect(() => ecli(value, 'input.ecli')).toThrow(message);
    try {
      ecli(value, 'input.ecli');
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ecli' });
    }
  });

  it('knows ISO countries, the Union and the Council of Europe', () => {
    expect(['DE', 'EU', 'CE'].map(isJurisdictionCode)).toEqual([true, true, true]);
    expect(isJurisdictionCode('XX')).toBe(false);
  });
});
