import type { Caller } from '../../platform/auth';
import type { ServiceAudience } from '../../platform/service-tokens';
import type { Purpose } from '../../platform/purposes';
import type { Region } from '../../platform/regions';
import type { Decision } from './access';
import type { RequestAudit } from './audit';
import type { ConsentSource, Credentials } from './consents';
import type { Outbox } from './outbox';
import type { Peers } from './peers';
import type { ServiceMetrics } from '../../platform/metrics';

/** What every resolver and rule of every subgraph receives. */
export interface RequestContext<Models = unknown, Loaders = unknown> {
  caller: Caller | null;
  /** A hub service asking with its own token (then `caller` is null): it may read the erasure feed, nothing else. */
  service?: string | null;
  /** What the hub service's token is for (it opens that feed's field only). */
  serviceUse?: ServiceAudience;
  /** The purpose the request states (X-Purpose), from the vocabulary and allowed for the role. */
  purpose: Purpose | null;
  /** The caller's own token and purpose, for calls to other services on its behalf. */
  credentials: Credentials;
  models: Models;
  loaders: Loaders;
  audit: RequestAudit;
  /** One clock reading per request, so every decision in it agrees on "now". */
  now: Date;
  /** Access decisions of this request, by type, record and category (common/access.ts). */
  decisions: Map<string, Promise<Decision>>;
  /** What victims share with the caller's jurisdiction (common/consents.ts). */
  consents: ConsentSource;
  /** Other subgraphs' entities, asked on the caller's behalf (common/peers.ts). */
  peers: Peers;
  /** The regions the hub reports on (REGIONS: the deployment's, one set for every subgraph). */
  regions: readonly Region[];
  /** Its outbox of events for partner systems (common/outbox.ts, `emitEvent`). */
  outbox?: Outbox;
  /** The subgraph's metrics (access decisions are counted in common/access.ts); absent outside a running subgraph. */
  metrics?: ServiceMetrics;
}
