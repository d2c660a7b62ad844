import { errorFields, type Logger } from '../../platform/logging';
import type { Clock } from './clock';
import type { BackgroundJob } from './server';

/**
 * A scan on the hub's clock (deadlines coming due, certificates expiring): `scan(now)`
 * every EVENT_SCAN_SECONDS and at start. A scan reads only through listed collections
 * (lists by jurisdiction, quarter, status), never a whole collection, and emits its events
 * with `emitOnce`, so scanning again, or in several instances, emits nothing twice. A
 * failed scan is logged and the next one tries again.
 */
export class ClockScan implements BackgroundJob {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly scan: (now: Date) => Promise<void>,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.everyMs).unref();
    void this.run();
  }

  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.scan(this.clock.now())
      .catch((error) => this.logger.warn({ scan: this.name, error: errorFields(error) }, 'scheduler: a scan failed; trying again at the next one'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
