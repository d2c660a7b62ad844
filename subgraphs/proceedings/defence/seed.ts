import type { ProceedingModels } from '../models';
import { RESTRICTED_CODES } from './domain/rules';

const DAY = 86_400_000;

/** The demo counsel: the development token's default subject and organisation for the role in DE (scripts/development/dev-issuer.ts). */
export const DEMO_COUNSEL = { sub: 'defence_counsel@de.example', org: 'DE-demo-org' };

/**
 * The demo defence: the demo counsel appointed for Defendant A in two open German
 * proceedings with evidence (the first one with a restricted item, if any); every item of
 * those proceedings disclosed to Defendant A, an H2 or H3 one after a judge's order; a
 * disclosure deadline in the first. `npm run token -- --role defence_counsel --jurisdiction DE`
 * mints her token.
 */
export async function seedDefence(
  models: ProceedingModels,
  proceedings: Array<{ _id: string; jurisdiction: string; closedAt: Date | null; defendants: Array<{ alias: string }> }>,
  evidence: Array<{ _id: string; proceedingId: string; jurisdiction: string; handlingCode: string; registeredAt: Date }>,
  now: Date,
  stableId: (kind: string, i: number) => string,
  change: (action: string, subjectType: string, subjectId: string, fields: string[]) => void,
): Promise<number> {
  const itemsOf = (id: string) => evidence.filter((e) => e.proceedingId === id);
  const candidates = proceedings.filter((p) => p.jurisdiction === 'DE' && p.closedAt === null && p.defendants.length > 0 && itemsOf(p._id).length > 0);
  const restricted = (id: string) => itemsOf(id).some((e) => RESTRICTED_CODES.includes(e.handlingCode));
  const chosen = [...candidates.filter((p) => restricted(p._id)), ...candidates.filter((p) => !restricted(p._id))].slice(0, 2);
  let disclosed = 0;
  for (const [n, p] of chosen.entries()) {
    const appointedAt = new Date(now.getTime() - (20 - n) * DAY);
    const appointment = stableId('defence-appointment', n);
    change('DEFENCE_COUNSEL_APPOINTED', 'DefenceAppointment', appointment, ['proceedingId', 'defendant', 'counselSubject', 'counselOrganisation']);
    await models.defenceAppointments.create({
      _id: appointment,
      proceedingId: p._id,
      jurisdiction: p.jurisdiction,
      defendant: 'Defendant A',
      counselSubject: DEMO_COUNSEL.sub,
      counselOrganisation: DEMO_COUNSEL.org,
      appointedAt,
      appointedBy: 'judge@de.example',
      endedAt: null,
      endedBy: null,
      endReason: null,
    });
    for (const item of itemsOf(p._id)) {
      const at = new Date(Math.max(appointedAt.getTime(), item.registeredAt.getTime()) + DAY);
      let orderId: string | null = null;
      if (RESTRICTED_CODES.includes(item.handlingCode)) {
        orderId = stableId('disclosure-order', disclosed);
        change('DISCLOSURE_ORDERED', 'DisclosureOrder', orderId, ['evidenceId', 'reasons']);
        await models.disclosureOrders.create({ _id: orderId, evidenceId: item._id, proceedingId: p._id, jurisdiction: p.jurisdiction, reasons: 'Needed by the defence to test the account of the financial flows', orderedAt: at, orderedBy: 'judge@de.example' });
      }
      const id = stableId('disclosure', disclosed++);
      change('EVIDENCE_DISCLOSED', 'Disclosure', id, ['evidence', 'defendant', 'note', 'order']);
      await models.disclosures.create({ _id: id, evidenceId: item._id, proceedingId: p._id, jurisdiction: p.jurisdiction, defendant: 'Defendant A', note: 'Copy served on counsel', disclosedAt: new Date(at.getTime() + 3_600_000), disclosedBy: 'prosecutor@de.example', orderId });
    }
  }
  if (chosen[0]) {
    change('DISCLOSURE_DEADLINE_SET', 'Proceeding', chosen[0]._id, ['disclosureDueBy']);
    await models.proceedings.update(chosen[0]._id, { disclosureDueBy: new Date(now.getTime() + 30 * DAY) });
  }
  return disclosed;
}
