import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one service instance (the gateway or a subgraph), served at
 * `/metrics` (platform/http.ts createApp). Every instance has a registry of its own:
 * several services run in one process (`npm start`, the tests), so prom-client's global
 * registry is never used. Label values are bounded: operation names (capped, see
 * BoundedLabel), subgraph names, schema type and field names, database command names,
 * outcomes and status codes; never an id, a value or free text.
 */

/** Seconds, for request and fetch latencies (5 ms … 10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds, for database commands and audit writes (0.5 ms … 5 s). */
const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** What mongoose reports of an operation on a collection (its `operation-start` / `operation-end` events). */
interface DatabaseOperation {
  _id: object;
  method: string;
  result?: unknown;
  error?: unknown;
}

/** The command a collection method sends, for the `command` label of the database metric. */
const COMMAND_OF: Record<string, string> = {
  find: 'find',
  findOne: 'find',
  aggregate: 'aggregate',
  distinct: 'distinct',
  insertOne: 'insert',
  insertMany: 'insert',
  updateOne: 'update',
  updateMany: 'update',
  replaceOne: 'update',
  deleteOne: 'delete',
  deleteMany: 'delete',
  findOneAndUpdate: 'findAndModify',
  findOneAndReplace: 'findAndModify',
  findOneAndDelete: 'findAndModify',
  createIndex: 'createIndexes',
  createIndexes: 'createIndexes',
};

/** GraphQL names only; anything else reads as `invalid`. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Label values taken from what callers send (operation names), kept bounded: a GraphQL
 * name cut to `maxLength`, the first `maxValues` distinct ones kept, every later one
 * counted as `other`; none sent is `anonymous`, one that is not a GraphQL name `invalid`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxValues = 200,
    private readonly maxLength = 64,
    private readonly pattern = NAME,
  ) {}

  value(raw: unknown): string {
    if (raw === undefined || raw === null || raw === '') return 'anonymous';
    if (typeof raw !== 'string' || !this.pattern.test(raw)) return 'invalid';
    const name = raw.slice(0, this.maxLength);
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.maxValues) return 'other';
    this.seen.add(name);
    return name;
  }
}

/**
 * The operation name of a GraphQL request body, as sent: `operationName`, else the name
 * of the document's first operation (read by a pattern, never by logging the document).
 */
export function operationNameOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName !== '') return operationName;
  if (typeof query !== 'string') return undefined;
  return /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query.slice(0, 2_000))?.[1];
}

/** The values of the other labels: schema names, driver command names and subgraph names are finite, but capped all the same. */
const otherwiseBounded = new BoundedLabel(1_000, 64, /^[_A-Za-z][-_0-9A-Za-z]*$/);

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operations = new BoundedLabel();

  private readonly requests: Counter<'operation' | 'status'>;
  private readonly inFlight: Gauge;
  private readonly requestSeconds: Histogram<'operation'>;
  private readonly fetchSeconds: Histogram<'subgraph'>;
  private readonly fetchErrors: Counter<'subgraph' | 'kind'>;
  private readonly decisions: Counter<'type' | 'field' | 'outcome'>;
  private readonly auditSeconds: Histogram<'outcome'>;
  private readonly auditFailures: Counter;
  private readonly dbSeconds: Histogram<'command' | 'outcome'>;
  private readonly loopDelay: IntervalHistogram;

  constructor(readonly service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    this.requests = new Counter({
      name: 'hub_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name (as sent, bounded) and HTTP status',
      labelNames: ['operation', 'status'],
      registers,
    });
    this.inFlight = new Gauge({
      name: 'hub_graphql_requests_in_flight',
      help: 'GraphQL requests received and not yet answered (what a stopping service drains)',
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request, by operation name (as sent, bounded)',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.fetchSeconds = new Histogram({
      name: 'hub_subgraph_fetch_duration_seconds',
      help: 'Gateway: time of one fetch from a subgraph, by subgraph',
      labelNames: ['subgraph'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.fetchErrors = new Counter({
      name: 'hub_subgraph_fetch_errors_total',
      help: 'Gateway: subgraph fetches that failed, by subgraph and kind (network: no answer; http: a non-2xx status; graphql: an answer with errors)',
      labelNames: ['subgraph', 'kind'],
      registers,
    });
    this.decisions = new Counter({
      name: 'hub_authorization_decisions_total',
      help: 'Subgraph: field access decisions (common/access.ts), by type, field and outcome (allow or deny)',
      labelNames: ['type', 'field', 'outcome'],
      registers,
    });
    this.auditSeconds = new Histogram({
      name: 'hub_audit_write_duration_seconds',
      help: 'Subgraph: time until audit events are in the chain (one append: a request flush or a change), by outcome',
      labelNames: ['outcome'],
      buckets: FAST_BUCKETS,
      registers,
    });
    this.auditFailures = new Counter({
      name: 'hub_audit_write_failures_total',
      help: 'Subgraph: audit appends that failed (the request they belong to failed with them)',
      registers,
    });
    this.dbSeconds = new Histogram({
      name: 'hub_db_command_duration_seconds',
      help: 'Subgraph: database operation latency, from the call to its answer (a cursor: to its last document), by the command it sends and outcome',
      labelNames: ['command', 'outcome'],
      buckets: FAST_BUCKETS,
      registers,
    });

    // Event-loop lag, sampled every 10 ms while the service runs (stopped by stop()).
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.loopDelay.enable();
    const delay = this.loopDelay;
    const lag = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const nanoseconds = read();
          this.set(Number.isFinite(nanoseconds) ? nanoseconds / 1e9 : 0);
        },
      });
    lag('nodejs_eventloop_lag_mean_seconds', 'Mean event-loop delay since start', () => delay.mean);
    lag('nodejs_eventloop_lag_p99_seconds', '99th percentile of the event-loop delay since start', () => delay.percentile(99));
    lag('nodejs_eventloop_lag_max_seconds', 'Largest event-loop delay since start', () => delay.max);
    new Gauge({
      name: 'process_resident_memory_bytes',
      help: 'Resident memory of the process (shared by the services it runs)',
      registers,
      collect() {
        this.set(process.memoryUsage.rss());
      },
    });
    new Gauge({
      name: 'nodejs_heap_size_used_bytes',
      help: 'V8 heap in use (shared by the services of the process)',
      registers,
      collect() {
        this.set(process.memoryUsage().heapUsed);
      },
    });
  }

  /** One GraphQL request received: in flight until `request` counts its answer. */
  requestReceived(): void {
    this.inFlight.inc();
  }

  /** One GraphQL request answered (called when its response is finished). */
  request(operationName: string | undefined, status: number, seconds: number): void {
    this.inFlight.dec();
    const operation = this.operations.value(operationName);
    this.requests.inc({ operation, status: String(status) });
    this.requestSeconds.observe({ operation }, seconds);
  }

  /** Wraps the gateway's fetcher to one subgraph: latency of every fetch, network and HTTP failures. */
  timedFetcher<F extends (url: string, init?: any) => Promise<{ status: number }>>(subgraph: string, fetcher: F): F {
    const label = otherwiseBounded.value(subgraph);
    return (async (url: string, init?: any) => {
      const end = this.fetchSeconds.startTimer({ subgraph: label });
      try {
        const response = await fetcher(url, init);
        if (response.status < 200 || response.status >= 300) this.fetchErrors.inc({ subgraph: label, kind: 'http' });
        return response;
      } catch (error) {
        this.fetchErrors.inc({ subgraph: label, kind: 'network' });
        throw error;
      } finally {
        end();
      }
    }) as F;
  }

  /** A subgraph answered with errors in its body (FORBIDDEN fields included). */
  subgraphErrors(subgraph: string): void {
    this.fetchErrors.inc({ subgraph: otherwiseBounded.value(subgraph), kind: 'graphql' });
  }

  decision(typeName: string, fieldName: string, allowed: boolean): void {
    this.decisions.inc({ type: otherwiseBounded.value(typeName), field: otherwiseBounded.value(fieldName), outcome: allowed ? 'allow' : 'deny' });
  }

  auditWrite(seconds: number, failed: boolean): void {
    this.auditSeconds.observe({ outcome: failed ? 'failure' : 'success' }, seconds);
    if (failed) this.auditFailures.inc();
  }

  dbCommand(commandName: string, seconds: number, failed: boolean): void {
    this.dbSeconds.observe({ command: otherwiseBounded.value(commandName), outcome: failed ? 'failure' : 'success' }, seconds);
  }

  /**
   * Times every database operation of a mongoose connection from its `operation-start` and
   * `operation-end` events (mongoose's collection layer, which every model and every
   * `model.collection` call goes through), named by the command it sends (`findOne` →
   * `find`, `insertMany` → `insert`, …; a method of no known command by its own name). An
   * operation that answers with a cursor (find, aggregate) is timed until its `toArray`
   * settles. The driver's command monitoring is not used: it decodes every reply a second
   * time for its event, 6–13 % of a page's CPU (docs/benchmarks.md, 2026-12-03).
   */
  observeDatabase(connection: { on(event: string, listener: (operation: DatabaseOperation) => void): unknown }): void {
    const started = new WeakMap<object, number>();
    connection.on('operation-start', (operation) => started.set(operation._id, performance.now()));
    connection.on('operation-end', (operation) => {
      const at = started.get(operation._id);
      if (at === undefined) return;
      started.delete(operation._id);
      const command = COMMAND_OF[operation.method] ?? operation.method;
      const done = (failed: boolean) => this.dbCommand(command, (performance.now() - at) / 1000, failed);
      const cursor = operation.result as { toArray?: () => Promise<unknown> } | undefined;
      if (operation.error === undefined && typeof cursor?.toArray === 'function') {
        const toArray = cursor.toArray;
        cursor.toArray = function timedToArray(this: unknown) {
          return toArray.call(this).then(
            (documents) => (done(false), documents),
            (error: unknown) => {
              done(true);
              throw error;
            },
          );
        };
        return;
      }
      done(operation.error !== undefined);
    });
  }

  /** The text exposition, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  stop(): void {
    this.loopDelay.disable();
  }
}
