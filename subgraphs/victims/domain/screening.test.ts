import { ageGroupOf, ageOn } from './age';
import { dimensionPresent, indicatesTrafficking, INDICATOR_BY_CODE, type Dimension } from './ilo-indicators';
import { assessScreening } from './screening';

// The domain rules, with hand-written cases: CTDC age bins (from the date of birth, at a
// date) and the ILO 2009 rules for a dimension and for the combination.

describe('CTDC age groups', () => {
  test.each([
    ['2026-11-29', '2026-11-29', 0, 'AGE_0_8'],
    ['2017-11-29', '2026-11-29', 9, 'AGE_9_17'],
    ['2017-11-30', '2026-11-29', 8, 'AGE_0_8'], // the day before the 9th birthday
    ['2008-11-30', '2026-11-29', 17, 'AGE_9_17'], // the day before the 18th birthday: still a child
    ['2008-11-29', '2026-11-29', 18, 'AGE_18_20'],
    ['2005-11-29', '2026-11-29', 21, 'AGE_21_23'],
    ['2002-11-29', '2026-11-29', 24, 'AGE_24_26'],
    ['1999-11-29', '2026-11-29', 27, 'AGE_27_29'],
    ['1996-11-29', '2026-11-29', 30, 'AGE_30_38'],
    ['1987-11-30', '2026-11-29', 38, 'AGE_30_38'],
    ['1987-11-29', '2026-11-29', 39, 'AGE_39_47'],
    ['1978-11-29', '2026-11-29', 48, 'AGE_48_PLUS'],
    ['1930-01-01', '2026-11-29', 96, 'AGE_48_PLUS'],
    ['2008-02-29', '2026-02-28', 17, 'AGE_9_17'], // born on a leap day: 18 only from 1 March
    ['2008-02-29', '2026-03-01', 18, 'AGE_18_20'],
  ])('born %s, on %s: %i years, %s', (dateOfBirth, on, age, group) => {
    expect(ageOn(dateOfBirth, new Date(`${on}T12:00:00Z`))).toBe(age);
    expect(ageGroupOf(ageOn(dateOfBirth, new Date(`${on}T12:00:00Z`)))).toBe(group);
  });

  it('gives nothing finer than the bin: every birth date of a bin answers the same group', () => {
    const on = new Date('2026-11-29T12:00:00Z');
    const groups = new Set<string>();
    // every day from the 21st to the 24th birthday (exclusive), one bin
    for (let t = Date.parse('2002-11-30'); t <= Date.parse('2005-11-29'); t += 86_400_000) {
      groups.add(ageGroupOf(ageOn(new Date(t).toISOString().slice(0, 10), on)));
    }
    expect([...groups]).toEqual(['AGE_21_23']);
  });
});

const indicators = (...codes: string[]) => codes.map((code) => INDICATOR_BY_CODE.get(code)!);

describe('ILO 2009: a dimension is present', () => {
  test.each([
    [['CD_DOCUMENTS', 'CD_VIOLENCE'], true, 'two strong'],
    [['CD_DOCUMENTS', 'CD_THREATS'], true, 'one strong and one medium'],
    [['CD_DOCUMENTS', 'CD_THREAT_TO_INFORM'], true, 'one strong and one weak'],
    [['CD_THREATS', 'CD_FORCED_TASKS', 'CD_FORCED_TO_LIE'], true, 'three medium'],
    [['CD_THREATS', 'CD_FORCED_TASKS', 'CD_THREAT_TO_INFORM'], true, 'two medium and one weak'],
    [['CD_DOCUMENTS'], false, 'one strong alone'],
    [['CD_THREATS', 'CD_FORCED_TASKS'], false, 'two medium'],
    [['CD_THREATS', 'CD_THREAT_TO_INFORM'], false, 'one medium and one weak'],
    [[], false, 'nothing observed'],
  ])('%j → %s (%s)', (codes, present) => {
    expect(dimensionPresent(indicators(...codes))).toBe(present);
  });
});

describe('ILO 2009: the combination', () => {
  const all = (...dimensions: Dimension[]) => new Set<Dimension>(dimensions);
  test.each([
    [all('DECEPTIVE_RECRUITMENT', 'EXPLOITATIVE_CONDITIONS', 'COERCION_AT_DESTINATION'), true],
    [all('COERCIVE_RECRUITMENT', 'EXPLOITATIVE_CONDITIONS', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION'), true],
    [all('ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'EXPLOITATIVE_CONDITIONS', 'COERCION_AT_DESTINATION'), true],
    [all('EXPLOITATIVE_CONDITIONS', 'COERCION_AT_DESTINATION'), false], // no recruitment
    [all('DECEPTIVE_RECRUITMENT', 'COERCION_AT_DESTINATION'), false], // no exploitative conditions
    [all('DECEPTIVE_RECRUITMENT', 'EXPLOITATIVE_CONDITIONS'), false], // nothing at destination
  ])('%j → %s', (present, indicates) => {
    expect(indicatesTrafficking(present)).toBe(indicates);
  });

  it('a screening with each part present indicates trafficking; without exploitative conditions it does not', () => {
    const screened = { screenedAt: new Date('2026-01-10T09:00:00Z'), assessor: 'A', formVersion: '1', recordedBy: 'sw' };
    const full = assessScreening({ ...screened, indicatorCodes: ['DR_NATURE_OF_JOB', 'DR_WAGES', 'EC_EXCESSIVE_HOURS', 'EC_LOW_OR_NO_PAY', 'CD_DOCUMENTS', 'CD_VIOLENCE'] });
    expect(full.dimensions.filter((d) => d.present).map((d) => d.dimension)).toEqual(['DECEPTIVE_RECRUITMENT', 'EXPLOITATIVE_CONDITIONS', 'COERCION_AT_DESTINATION']);
    expect(full.indicatesTrafficking).toBe(true);
    const partial = assessScreening({ ...screened, indicatorCodes: ['DR_NATURE_OF_JOB', 'DR_WAGES', 'EC_EXCESSIVE_HOURS', 'CD_DOCUMENTS', 'CD_VIOLENCE'] });
    expect(partial.dimensions.find((d) => d.dimension === 'EXPLOITATIVE_CONDITIONS')).toMatchObject({ strong: 1, medium: 0, present: false });
    expect(partial.indicatesTrafficking).toBe(false);
  });
});
