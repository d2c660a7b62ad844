import { DEMO_INTERPRETER_CERTIFICATES } from '../../common/demo';
import type { EvidenceRecord, ProceedingRecord, ProtectiveOrderRecord } from '../models';
import type { PrecedentRecord } from '../precedents/models';
import type { TranslationRecord } from './models';
import { sha256, textOf } from './domain/original';
import { TranslationStatus as S, TranslationSubjectType as T } from './schema/vocabulary';

const DAY = 86_400_000;

/**
 * Six demo translations in every status: an item of evidence asked for in English
 * (REQUESTED), a German proceeding's charges assigned to a certified interpreter of DE and
 * an Albanian order to one of AL (ASSIGNED), another item and a precedent translated from
 * their originals as they are (DELIVERED), and a closed German proceeding translated into
 * Ukrainian before its outcome was recorded: its original changed since, so it reads
 * `stale: true`. The translators are the training seed's interpreters
 * (DEMO_INTERPRETER_CERTIFICATES, VALID ones), named by certificate code.
 */
export function demoTranslations(
  data: { proceedings: ProceedingRecord[]; evidence: EvidenceRecord[]; orders: ProtectiveOrderRecord[]; precedents: PrecedentRecord[] },
  now: Date,
  stableId: (kind: string, i: number) => string,
): TranslationRecord[] {
  const translatorOf = (jurisdiction: string) => DEMO_INTERPRETER_CERTIFICATES.find((c) => c.jurisdiction === jurisdiction && c.status === 'VALID')!.code;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const deEvidence = data.evidence.filter((e) => e.jurisdiction === 'DE');
  const deOpen = data.proceedings.find((p) => p.jurisdiction === 'DE' && p.closedAt === null)!;
  const deClosed = data.proceedings.find((p) => p.jurisdiction === 'DE' && p.closedAt !== null && p.outcome)!;
  const alOrder = data.orders.find((o) => o.jurisdiction === 'AL')!;
  const precedent = data.precedents.find((p) => p.proceedingId !== null) ?? data.precedents[0];
  const plans: Array<{ subjectType: T; record: { _id: string; jurisdiction: string }; proceedingId: string | null; language: string; status: S; translated?: string; original?: string }> = [
    { subjectType: T.EVIDENCE, record: deEvidence[0], proceedingId: deEvidence[0].proceedingId, language: 'en', status: S.REQUESTED },
    { subjectType: T.PROCEEDING, record: deOpen, proceedingId: deOpen._id, language: 'ro', status: S.ASSIGNED },
    { subjectType: T.PROTECTIVE_ORDER, record: alOrder, proceedingId: alOrder.proceedingId, language: 'it', status: S.ASSIGNED },
    { subjectType: T.EVIDENCE, record: deEvidence[1], proceedingId: deEvidence[1].proceedingId, language: 'ro', status: S.DELIVERED, translated: `${deEvidence[1].description.replace('Item', 'Proba')} (traducere demo)` },
    { subjectType: T.PRECEDENT, record: precedent, proceedingId: precedent.proceedingId, language: 'en', status: S.DELIVERED, translated: `[English translation, demo] ${precedent.summary.slice(0, 200)}` },
    // Translated when only the charges were there: the outcome recorded since makes it stale.
    { subjectType: T.PROCEEDING, record: deClosed, proceedingId: deClosed._id, language: 'uk', status: S.DELIVERED, translated: 'Торгівля людьми (демо-переклад)', original: deClosed.charges.join('\n') },
  ];
  return plans.map((plan, i) => {
    const assigned = plan.status !== S.REQUESTED;
    const delivered = plan.status === S.DELIVERED;
    return {
      _id: stableId('translation', i),
      subjectType: plan.subjectType,
      subjectId: plan.record._id,
      proceedingId: plan.proceedingId,
      jurisdiction: plan.record.jurisdiction,
      language: plan.language,
      status: plan.status,
      requestedAt: at(-30 + i),
      requestedBy: `judge@${plan.record.jurisdiction.toLowerCase()}.example`,
      dueBy: at(14 + i),
      translator: assigned ? translatorOf(plan.record.jurisdiction === 'AL' ? 'AL' : 'DE') : null,
      assignedAt: assigned ? at(-25 + i) : null,
      assignedBy: assigned ? `prosecutor@${plan.record.jurisdiction.toLowerCase()}.example` : null,
      deliveredAt: delivered ? at(-10 + i) : null,
      deliveredBy: delivered ? `judge@${plan.record.jurisdiction.toLowerCase()}.example` : null,
      text: delivered ? plan.translated! : null,
      originalSha256: delivered ? sha256(plan.original ?? textOf(plan.subjectType, plan.record)) : null,
    };
  });
}
