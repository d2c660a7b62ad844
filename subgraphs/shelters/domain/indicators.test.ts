import { quartersSpanned } from './indicators';

// An ended stay is listed under every quarter it spanned (models.ts `stayedIn`), so who
// stayed at a period's end is read from that quarter's list.

it('the quarters a stay spans, both ends included, across a year', () => {
  expect(quartersSpanned(new Date('2026-10-05T10:00:00Z'), new Date('2027-04-01T00:00:00Z'))).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
  expect(quartersSpanned('2026-02-01', '2026-03-31')).toEqual(['2026-Q1']);
  expect(quartersSpanned('2025-12-31', '2027-01-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
});
