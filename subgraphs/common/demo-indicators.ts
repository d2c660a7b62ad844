import type { Connection } from 'mongoose';
import type { Caller } from '../../platform/auth';
import { DEFAULT_REGIONS } from '../../platform/regions';
import { AuditLog } from './audit';
import { auditKeys } from './audit-checkpoints';
import type { RequestContext } from './context';
import { answerIndicators, type Counted } from './indicator-answers';
import { lastQuarters, type IndicatorValue, type Period, type PeriodInput } from './indicators';
import { DEMO_QUARTERS, type SeedSecrets } from './demo';
import { RequestAudit } from './request-audit';

/**
 * What a subgraph's demo data shows on its indicator field (the seed tests: the demo shows
 * trends, issue 26): every value of each default region for each of the last eight quarters
 * and the years they fall in, asked as a partner system of the region through the
 * platform's answer, each read logged in the subgraph's own chain on `connection`.
 */
export async function demoIndicatorValues<C extends RequestContext>(asked: {
  /** The subgraph's database and name (its audit chain). */
  connection: Connection;
  service: string;
  /** The request context but its caller and audit: the subgraph's models and the clock's `now`. */
  context: Pick<C, 'models' | 'now'>;
  secrets: Pick<SeedSecrets, 'AUDIT_CHAIN_KEY' | 'AUDIT_SIGNING_KEY'>;
  field: string;
  countedIn: (ctx: C, jurisdiction: string, period: Period) => Promise<Counted[]>;
}): Promise<Array<Omit<IndicatorValue, 'people'>>> {
  const { connection, service, context, secrets, field, countedIn } = asked;
  const now = context.now;
  const quarters = lastQuarters(now, DEMO_QUARTERS);
  const periods: PeriodInput[] = [...quarters, ...[...new Set(quarters.map((q) => q.year))].map((year) => ({ granularity: 'YEAR' as const, year }))];
  const log = new AuditLog(connection, service, auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
  const values: Array<Omit<IndicatorValue, 'people'>> = [];
  try {
    for (const region of DEFAULT_REGIONS) {
      const caller: Caller = { sub: 'seed-test', role: 'partner_system', jurisdiction: region.jurisdictions[0], org: 'seed test', issuer: 'seed test', oversight: [] };
      const ctx = { ...context, caller, audit: new RequestAudit(log, caller, null) } as unknown as C;
      for (const period of periods) values.push(...(await answerIndicators(ctx, region, field, { period }, (jurisdiction, within) => countedIn(ctx, jurisdiction, within))));
      await ctx.audit.flush();
    }
  } finally {
    log.stop();
  }
  return values;
}

/** The indicators with a value shown (not suppressed, not zero) somewhere among `values`. */
export const shownIndicators = <V extends Pick<IndicatorValue, 'indicator' | 'suppressed' | 'value'>>(values: V[], name = (v: V) => v.indicator): string[] =>
  [...new Set(values.filter((v) => !v.suppressed && v.value).map(name))].sort();
