/**
 * Where a subgraph reads the time: each request takes one reading (`ctx.now`), so every
 * decision in it agrees on "now". Deployed services run on the system clock; tests run
 * the hub on a settable one, to reach deadlines, expiry and overdue states without
 * inserting records that are already past them.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The system time shifted by an offset that tests set or move forward. */
export class SettableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `at`, and runs on from there. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
