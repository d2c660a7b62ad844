import { checkedPeriod, lastQuarters, published, quarterOf, quartersSpanned, withComplementsSuppressed, type IndicatorValue } from './indicators';

// The rules every subgraph's indicators are published by (indicators.ts), at their thresholds.

const refusal = (input: Parameters<typeof checkedPeriod>[0]) => {
  try {
    checkedPeriod(input);
    return null;
  } catch (error) {
    return (error as { extensions: { code: string; fields: Array<{ path: string }> } }).extensions;
  }
};

describe('periods are calendar quarters and years only', () => {
  it('a quarter and a year, with their bounds and quarters', () => {
    expect(checkedPeriod({ granularity: 'QUARTER', year: 2026, quarter: 3 })).toEqual({ label: '2026-Q3', start: new Date('2026-07-01T00:00:00Z'), end: new Date('2026-10-01T00:00:00Z'), quarters: ['2026-Q3'] });
    expect(checkedPeriod({ granularity: 'YEAR', year: 2026 })).toEqual({ label: '2026', start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z'), quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] });
  });

  it('anything else is refused naming each wrong part', () => {
    expect(refusal({ granularity: 'QUARTER', year: 2026, quarter: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'period.quarter' }] });
    expect(refusal({ granularity: 'QUARTER', year: 2026 })).toMatchObject({ fields: [{ path: 'period.quarter' }] });
    expect(refusal({ granularity: 'YEAR', year: 1850, quarter: 2 })).toMatchObject({ fields: [{ path: 'period.year' }, { path: 'period.quarter' }] });
    expect(refusal({ granularity: 'QUARTER', year: 2026.5, quarter: 1.5 })).toMatchObject({ fields: [{ path: 'period.year' }, { path: 'period.quarter' }] });
  });

  it('the quarter of a day or an instant, and the last quarters up to now', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(quarterOf(new Date('2026-09-30T23:59:59Z'))).toBe('2026-Q3');
    expect(lastQuarters(new Date('2026-05-10T00:00:00Z'), 3).map((p) => `${p.year}-Q${p.quarter}`)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('a count of people', () => {
  it.each([
    [0, null],
    [10, null],
    [11, 15],
    [12, 15],
    [15, 15],
    [16, 20],
    [101, 105],
  ])('%i people are published as %p', (count, value) => {
    expect(published({ kind: 'PEOPLE', count })).toEqual({ value, suppressed: value === null, people: count });
  });

  it('counts of events and of practitioners are shown as they are', () => {
    expect(published({ kind: 'EVENTS', count: 3 })).toEqual({ value: 3, suppressed: false });
  });
});

describe('rates and medians follow the counts they are made of', () => {
  const people = (count: number) => ({ kind: 'PEOPLE' as const, count });
  it.each([
    ['numerator below 11', people(10), people(40), null, { people: 10 }],
    ['denominator below 11', { kind: 'EVENTS' as const, count: 3 }, people(10), null, { people: 10 }],
    ['both at 11 and more: of the counts as shown (15 of 45)', people(11), people(44), 0.333, { people: 11 }],
    ['people over beds: 12 shown as 15, so 15 of 20 (an exact 0.6 would give 12 back)', people(12), { kind: 'EVENTS' as const, count: 20 }, 0.75, { people: 12 }],
    ['events over events, any size', { kind: 'EVENTS' as const, count: 2 }, { kind: 'EVENTS' as const, count: 3 }, 0.667, {}],
  ])('a rate with %s (and the people it rests on, for secondary suppression)', (_what, numerator, denominator, value, behind) => {
    expect(published({ kind: 'RATE', numerator, denominator })).toEqual({ value, suppressed: value === null, ...behind });
  });

  it('a rate of events over none has no value, and is not suppressed: nothing is withheld', () => {
    expect(published({ kind: 'RATE', numerator: { kind: 'EVENTS', count: 0 }, denominator: { kind: 'EVENTS', count: 0 } })).toEqual({ value: null, suppressed: false });
  });

  it('a median over 10 people is suppressed, over 11 and 12 shown', () => {
    expect(published({ kind: 'MEDIAN', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toEqual({ value: null, suppressed: true });
    expect(published({ kind: 'MEDIAN', values: [11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toEqual({ value: 6, suppressed: false });
    expect(published({ kind: 'MEDIAN', values: [12, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toEqual({ value: 6.5, suppressed: false });
  });
});

describe('secondary suppression: no suppressed part can be derived from the total and the others', () => {
  const cell = (jurisdiction: string | null, people: number): IndicatorValue => ({ indicator: 'PRESUMED_VICTIMS', jurisdiction, period: '2026-Q3', unit: 'people', note: null, ...published({ kind: 'PEOPLE', count: people }) });
  const shown = (cells: IndicatorValue[]) => Object.fromEntries(cells.map((c) => [c.jurisdiction ?? 'total', c.value]));

  it('one part suppressed: the smallest shown part is suppressed too', () => {
    expect(shown(withComplementsSuppressed([cell(null, 70), cell('AL', 7), cell('RS', 40), cell('BA', 23)]))).toEqual({ total: 70, AL: null, RS: 40, BA: null });
  });

  it('two parts suppressed already, or none, or the total suppressed: nothing more', () => {
    expect(shown(withComplementsSuppressed([cell(null, 50), cell('AL', 7), cell('RS', 36), cell('BA', 7)]))).toEqual({ total: 50, AL: null, RS: 40, BA: null });
    expect(shown(withComplementsSuppressed([cell(null, 50), cell('AL', 20), cell('RS', 30)]))).toEqual({ total: 50, AL: 20, RS: 30 });
    expect(shown(withComplementsSuppressed([cell(null, 9), cell('AL', 4), cell('RS', 5)]))).toEqual({ total: null, AL: null, RS: null });
  });

  it('a rate of people over a count anyone can know (beds): its suppressed part is protected alike', () => {
    const rate = (jurisdiction: string | null, staying: number, beds: number): IndicatorValue => ({ indicator: 'OCCUPANCY_RATE', jurisdiction, period: '2026-Q3', unit: 'rate', note: null, ...published({ kind: 'RATE', numerator: { kind: 'PEOPLE', count: staying }, denominator: { kind: 'EVENTS', count: beds } }) });
    // Shown, 0.75 of 20 beds and 0.7 of 50 would give about 15 and 35, so about the 10 of LV: EE's 11 is suppressed too.
    expect(shown(withComplementsSuppressed([rate(null, 33, 50), rate('LT', 12, 20), rate('LV', 10, 15), rate('EE', 11, 15)]))).toEqual({ total: 0.7, LT: 0.75, LV: null, EE: null });
  });
});

// A record that lasted (a shelter stay, a reintegration plan) is listed under every quarter it spanned, so who was
// there in a period, or at its end, is read from that period's lists.
it('the quarters a stay spans, both ends included, across a year', () => {
  expect(quartersSpanned(new Date('2026-10-05T10:00:00Z'), new Date('2027-04-01T00:00:00Z'))).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
  expect(quartersSpanned('2026-02-01', '2026-03-31')).toEqual(['2026-Q1']);
  expect(quartersSpanned('2025-12-31', '2027-01-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
});
