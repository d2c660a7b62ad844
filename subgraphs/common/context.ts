import type { Caller } from '../../platform/auth';
import type { RequestAudit } from './audit';

/** What every resolver and rule of every subgraph receives. */
export interface RequestContext<Models = unknown, Loaders = unknown> {
  caller: Caller | null;
  purpose: string | null;
  models: Models;
  loaders: Loaders;
  audit: RequestAudit;
  /** One clock reading per request, so every decision in it agrees on "now". */
  now: Date;
}
