/** Calendar days as the training record keeps them (YYYY-MM-DD, UTC), on the request's clock. */

export const today = (now: Date) => now.toISOString().slice(0, 10);

/** A calendar day `months` later (earlier, when negative); the 31st becomes the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
