import { COUNTRY_CODES } from '../../../platform/countries';
import { quartersSpanned } from '../../common/indicators';
import { emitOnce } from '../../common/outbox';
import { ClockScan } from '../../common/scheduler';
import type { JobContext } from '../../common/server';
import type { TrainingModels } from '../models';

/**
 * `certificate.expiring` for partner systems (webhooks, decision 116): on the hub's clock,
 * every EVENT_SCAN_SECONDS, the VALID certificates expiring within 30 days, found through
 * their list by the holder's jurisdiction and the quarter of `expiresOn`
 * (`validExpiringIn`), each once (`emitOnce`, per certificate and expiry day).
 */
export const EXPIRING_WITHIN_DAYS = 30;
const DAY = 24 * 3600_000;

export function isExpiring(expiresOn: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return expiresOn >= today && expiresOn <= new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY).toISOString().slice(0, 10);
}

export function expiryEvents(context: JobContext<TrainingModels>): ClockScan {
  const { models, outbox } = context;
  return new ClockScan('certificate-expiry', context.scanMs, context.clock, context.logger, async (now) => {
    const quarters = quartersSpanned(now, new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY));
    const lists = COUNTRY_CODES.flatMap((j) => quarters.map((q) => `${j}/${q}`));
    const certificates = (await models.certificates.loaderBy('validExpiringIn').loadMany(lists)).flatMap((list) => (list instanceof Error ? [] : list));
    for (const c of certificates) {
      if (c.status === 'VALID' && isExpiring(c.expiresOn, now)) await emitOnce(outbox, 'certificate.expiring', { ids: { certificateCode: c.id, expiresOn: c.expiresOn }, jurisdictions: [c.holderJurisdiction], organisations: [c.bodyId] }, now);
    }
  });
}
