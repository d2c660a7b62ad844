import { badInputs, type FieldProblem } from '../../platform/errors';

/**
 * Regional indicators (issue 26): the periods they are counted over and the rules that
 * keep a published figure from singling out a person, the same for every subgraph's
 * indicators. The reference is IOM's Counter Trafficking Data Collaborative: no cell
 * below 11 people.
 *
 * - Periods are calendar quarters or years only (`2026-Q3`, `2026`): two overlapping
 *   windows could be differenced to reveal a few people.
 * - A count of people below 11 is suppressed (`value` null, `suppressed` true); one shown
 *   is rounded up to a multiple of 5, so every count of people shown is a multiple of 5
 *   and at least 15.
 * - A rate or median computed from a suppressed count (numerator, denominator or the
 *   group it is the median of) is suppressed too. A rate shown is computed from its
 *   counts of people as they would be shown (rounded up to 5), so that it never gives
 *   back an exact count (over beds, which are public, it would).
 * - Where a total and all but one of its parts would be shown, the missing part could be
 *   derived: the smallest other part is suppressed too (secondary suppression). A rate is
 *   compared by the people it rests on (over public beds, a shown rate gives them back).
 * - Counts of institutions' own events (orders decided, requests overdue) and of
 *   practitioners are not about victims: shown as they are.
 */

export const MIN_PEOPLE = 11;
const ROUND_TO = 5;

export type Granularity = 'QUARTER' | 'YEAR';

export interface PeriodInput {
  granularity: Granularity;
  year: number;
  quarter?: number | null;
}

export interface Period {
  /** `2026-Q3` or `2026`. */
  label: string;
  /** First instant of the period and first instant after it (UTC). */
  start: Date;
  end: Date;
  /** The quarters it covers, by label: one, or four for a year. */
  quarters: string[];
}

/** The quarter a date falls in (UTC), e.g. `2026-Q3`; a `YYYY-MM-DD` day or a Date. */
export function quarterOf(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The quarters from the one `from` falls in to the one `to` falls in, both included (`2026-Q4`, `2027-Q1`): where a record that lasted is listed. */
export function quartersSpanned(from: Date | string, to: Date | string): string[] {
  const [last, quarters] = [quarterOf(to), [quarterOf(from)]];
  while (quarters[quarters.length - 1] < last) {
    const [year, quarter] = quarters[quarters.length - 1].split('-Q').map(Number);
    quarters.push(quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`);
  }
  return quarters;
}

/** The period asked for, checked: BAD_USER_INPUT naming `period.year`, `period.quarter` (every wrong part at once). */
export function checkedPeriod(input: PeriodInput, field = 'period'): Period {
  const problems: FieldProblem[] = [];
  const { granularity, year, quarter } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push({ path: `${field}.year`, message: 'must be a year between 2000 and 2100' });
  if (granularity === 'QUARTER' && (!Number.isInteger(quarter) || quarter! < 1 || quarter! > 4)) problems.push({ path: `${field}.quarter`, message: 'must be 1, 2, 3 or 4 for a QUARTER' });
  if (granularity === 'YEAR' && quarter != null) problems.push({ path: `${field}.quarter`, message: 'must be left out for a YEAR (periods are whole calendar years or quarters)' });
  if (problems.length > 0) throw badInputs(problems);
  if (granularity === 'YEAR') {
    return { label: String(year), start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)), quarters: [1, 2, 3, 4].map((q) => `${year}-Q${q}`) };
  }
  const q = quarter!;
  return { label: `${year}-Q${q}`, start: new Date(Date.UTC(year, (q - 1) * 3, 1)), end: new Date(Date.UTC(year, q * 3, 1)), quarters: [`${year}-Q${q}`] };
}

/** The `count` quarters up to and including the one `now` is in, oldest first (a trend). */
export function lastQuarters(now: Date, count: number): PeriodInput[] {
  const quarters: PeriodInput[] = [];
  let [year, quarter] = [now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) + 1];
  for (let i = 0; i < count; i += 1) {
    quarters.unshift({ granularity: 'QUARTER', year, quarter });
    [year, quarter] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  }
  return quarters;
}

/**
 * What an indicator measures, before the rules: a count of people, a count of events
 * (institutions' own, or practitioners: shown as they are), a rate of two counts, or a
 * median over a group of people.
 */
export type Measure =
  | { kind: 'PEOPLE'; count: number }
  | { kind: 'EVENTS'; count: number }
  | { kind: 'RATE'; numerator: Measure & { kind: 'PEOPLE' | 'EVENTS' }; denominator: Measure & { kind: 'PEOPLE' | 'EVENTS' } }
  | { kind: 'MEDIAN'; values: number[] };

export interface IndicatorValue {
  indicator: string;
  /** Null: the whole region. */
  jurisdiction: string | null;
  period: string;
  value: number | null;
  suppressed: boolean;
  unit: string;
  note: string | null;
  /** The count of people behind the value, before rounding (never published: secondary suppression compares it). */
  people?: number;
}

const tooFew = (count: number) => count < MIN_PEOPLE;
const roundedUp = (count: number) => Math.ceil(count / ROUND_TO) * ROUND_TO;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A measure as it may be published: suppressed, rounded or as it is, by the rules above. */
export function published(measure: Measure): { value: number | null; suppressed: boolean; people?: number } {
  switch (measure.kind) {
    case 'PEOPLE':
      return tooFew(measure.count) ? { value: null, suppressed: true, people: measure.count } : { value: roundedUp(measure.count), suppressed: false, people: measure.count };
    case 'EVENTS':
      return { value: measure.count, suppressed: false };
    case 'RATE': {
      const parts = [measure.numerator, measure.denominator];
      // The people a rate rests on (its numerator's, else its denominator's): secondary suppression compares them, since a
      // rate over a known denominator (beds, whose counts are public) gives its numerator back.
      const people = parts.find((p) => p.kind === 'PEOPLE')?.count;
      const behind = people === undefined ? {} : { people };
      if (parts.some((p) => p.kind === 'PEOPLE' && tooFew(p.count))) return { value: null, suppressed: true, ...behind };
      // Nothing to take a share of (no urgent order decided): no value, and nothing withheld.
      if (measure.denominator.count === 0) return { value: null, suppressed: false, ...behind };
      // Computed from the counts as they would be shown (people rounded up to 5): a rate over public beds must not give back
      // an exact count that its own cell would only show rounded.
      const [numerator, denominator] = parts.map((p) => (p.kind === 'PEOPLE' ? roundedUp(p.count) : p.count));
      return { value: Math.round((numerator / denominator) * 1000) / 1000, suppressed: false, ...behind };
    }
    case 'MEDIAN':
      return tooFew(measure.values.length) ? { value: null, suppressed: true } : { value: median(measure.values), suppressed: false };
  }
}

/**
 * Secondary suppression, for one indicator's cells of one period: the region's total
 * (jurisdiction null) and its parts. When the total is shown and exactly one part is
 * suppressed, the part could be derived from the others: the smallest shown part is
 * suppressed too. Cells without a count of people behind them are left as they are.
 */
export function withComplementsSuppressed(cells: IndicatorValue[]): IndicatorValue[] {
  const total = cells.find((c) => c.jurisdiction === null);
  const parts = cells.filter((c) => c.jurisdiction !== null && c.people !== undefined);
  if (!total || total.suppressed || parts.filter((p) => p.suppressed).length !== 1) return cells;
  const shownParts = parts.filter((p) => !p.suppressed).sort((a, b) => a.people! - b.people! || a.jurisdiction!.localeCompare(b.jurisdiction!));
  const complement = shownParts[0];
  if (!complement) return cells;
  return cells.map((c) => (c === complement ? { ...c, value: null, suppressed: true, note: [c.note, 'suppressed so that another suppressed part cannot be derived from the total'].filter(Boolean).join('; ') } : c));
}

/** One jurisdiction's measures combined into the region's: counts added, rates of the sums, medians of all values. */
export function combined(measures: Measure[]): Measure {
  const [first] = measures;
  switch (first.kind) {
    case 'PEOPLE':
    case 'EVENTS':
      return { kind: first.kind, count: measures.reduce((sum, m) => sum + (m as { count: number }).count, 0) };
    case 'RATE': {
      const rates = measures as Array<Measure & { kind: 'RATE' }>;
      return {
        kind: 'RATE',
        numerator: combined(rates.map((r) => r.numerator)) as Measure & { kind: 'PEOPLE' | 'EVENTS' },
        denominator: combined(rates.map((r) => r.denominator)) as Measure & { kind: 'PEOPLE' | 'EVENTS' },
      };
    }
    case 'MEDIAN':
      return { kind: 'MEDIAN', values: measures.flatMap((m) => (m as { values: number[] }).values) };
  }
}
