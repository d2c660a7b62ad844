import { createHash } from 'node:crypto';
import type { ProceedingModels } from '../models';
import { deliveryOfStep, drafted, extension, STEPS, transition, type StepDetails } from './domain/lifecycle';
import { assistanceReference, deliveryChain, type DeliveryContent, type LegalAssistanceRecord } from './models';
import { AssistanceUrgency, LegalAssistanceKind, LegalAssistanceStatus as S } from './schema/vocabulary';
import { DEMO_JURISDICTIONS } from '../../common/demo';

/**
 * 26 demo legal assistance requests between the demo jurisdictions, in every status, each
 * on a demo proceeding of the requesting jurisdiction opened before it was drafted (and
 * still open, unless the request is done): most of the last few months, six older ones
 * of the last two years, three of those late in a step (MLA_REQUESTS_OVERDUE in past quarters). Each is taken through its
 * steps with the API's own lifecycle functions (subgraphs/proceedings/assistance/domain/lifecycle.ts),
 * so history, deadlines and delivery evidence are what the API would have produced; some
 * are overdue on today's clock and one had its recognition deadline extended. Steps are
 * taken by the development tokens' default subjects (`prosecutor@de.example`, …).
 */

const DAY = 86_400_000;
const { URGENT, NORMAL } = AssistanceUrgency;

interface Plan {
  path: Array<Exclude<S, S.DRAFT>>;
  urgency: AssistanceUrgency;
  /** Days since the last step (steps before it two days apart). */
  lastDaysAgo: number;
  /** A postponement lasts this many days from the step. */
  postponedDays?: number;
  /** Extended this many days after receipt. */
  extendedAfter?: number;
  /** One step taken this many days after the one before it, not two (late, or just slow). */
  slow?: { step: S; days: number };
}

const TO_RECOGNIZED = [S.SUBMITTED, S.RECEIVED, S.RECOGNIZED] as const;
const PLANS: Plan[] = [
  { path: [], urgency: NORMAL, lastDaysAgo: 2 },
  { path: [], urgency: URGENT, lastDaysAgo: 0.5 },
  { path: [S.SUBMITTED], urgency: NORMAL, lastDaysAgo: 1 },
  { path: [S.SUBMITTED], urgency: URGENT, lastDaysAgo: 0.2 },
  { path: [S.SUBMITTED, S.RECEIVED], urgency: NORMAL, lastDaysAgo: 5 },
  { path: [S.SUBMITTED, S.RECEIVED], urgency: NORMAL, lastDaysAgo: 41 }, // overdue: recognition was due 11 days ago
  { path: [S.SUBMITTED, S.RECEIVED], urgency: URGENT, lastDaysAgo: 10 }, // overdue: 7 days for an urgent one
  { path: [S.SUBMITTED, S.RECEIVED], urgency: NORMAL, lastDaysAgo: 45, extendedAfter: 25 }, // extended: due in 15 days
  { path: [...TO_RECOGNIZED], urgency: NORMAL, lastDaysAgo: 20 },
  { path: [...TO_RECOGNIZED], urgency: URGENT, lastDaysAgo: 100 }, // overdue: execution was due 10 days ago
  { path: [...TO_RECOGNIZED, S.POSTPONED, S.RECOGNIZED], urgency: NORMAL, lastDaysAgo: 12, postponedDays: 30 }, // resumed
  { path: [...TO_RECOGNIZED, S.POSTPONED], urgency: NORMAL, lastDaysAgo: 10, postponedDays: 30 },
  { path: [...TO_RECOGNIZED, S.POSTPONED], urgency: NORMAL, lastDaysAgo: 30, postponedDays: 25 }, // overdue: postponed until 5 days ago
  { path: [S.SUBMITTED, S.RECEIVED, S.REFUSED], urgency: NORMAL, lastDaysAgo: 8 },
  { path: [S.SUBMITTED, S.RECEIVED, S.REFUSED], urgency: URGENT, lastDaysAgo: 15 },
  { path: [...TO_RECOGNIZED, S.EXECUTED], urgency: NORMAL, lastDaysAgo: 3 },
  { path: [...TO_RECOGNIZED, S.EXECUTED], urgency: URGENT, lastDaysAgo: 30 },
  { path: [...TO_RECOGNIZED, S.EXECUTED, S.CLOSED], urgency: NORMAL, lastDaysAgo: 60 },
  { path: [...TO_RECOGNIZED, S.EXECUTED, S.CLOSED], urgency: URGENT, lastDaysAgo: 200 },
  { path: [S.SUBMITTED, S.RECEIVED, S.REFUSED, S.CLOSED], urgency: NORMAL, lastDaysAgo: 90 },
  // Older ones, done: late by more than a quarter (overdue in the quarter of the deadline), or in time.
  { path: [...TO_RECOGNIZED, S.EXECUTED, S.CLOSED], urgency: NORMAL, lastDaysAgo: 120, slow: { step: S.EXECUTED, days: 190 } },
  { path: [...TO_RECOGNIZED, S.EXECUTED], urgency: URGENT, lastDaysAgo: 300, slow: { step: S.RECOGNIZED, days: 100 } },
  { path: [S.SUBMITTED, S.RECEIVED, S.REFUSED, S.CLOSED], urgency: NORMAL, lastDaysAgo: 400, slow: { step: S.REFUSED, days: 125 } },
  { path: [...TO_RECOGNIZED, S.EXECUTED, S.CLOSED], urgency: NORMAL, lastDaysAgo: 500, slow: { step: S.EXECUTED, days: 60 } },
  { path: [...TO_RECOGNIZED, S.EXECUTED, S.CLOSED], urgency: URGENT, lastDaysAgo: 180, slow: { step: S.EXECUTED, days: 45 } },
  { path: [...TO_RECOGNIZED, S.EXECUTED], urgency: NORMAL, lastDaysAgo: 560, slow: { step: S.RECOGNIZED, days: 20 } },
];

const SUBJECTS: Record<LegalAssistanceKind, string> = {
  EVIDENCE_GATHERING: 'Seizure of the phones and recruitment records of a placement agency (demo)',
  HEARING_BY_VIDEO: 'Hearing of a witness by video conference in the trial (demo)',
  ASSET_FREEZE: 'Freezing of two accounts holding proceeds of forced labour (demo)',
  VICTIM_TESTIMONY: 'Questioning of a victim now living in the executing state, with special measures (demo)',
  BANKING_INFORMATION: 'Account holders and transactions of three accounts, January to June (demo)',
  TRANSFER_OF_PROCEEDINGS: 'Taking over the prosecution of a defendant residing in the executing state (demo)',
};

function details(to: S, at: Date, plan: Plan): StepDetails {
  if (to === S.REFUSED) return { reason: 'The measure would not be available in a similar domestic case (demo; EIO Art. 11(1)(h))' };
  if (to === S.POSTPONED) return { reason: 'It would prejudice an ongoing domestic investigation (demo; EIO Art. 15(1)(a))', until: new Date(at.getTime() + plan.postponedDays! * DAY) };
  if (to === S.EXECUTED) return { summary: 'Records obtained and transmitted to the requesting authority (demo)' };
  return {};
}

/** Writes the requests through their collection and their delivery chains; `change` notes each audit event. Resolves to how many. */
export async function seedAssistance(
  models: ProceedingModels,
  proceedings: Array<{ _id: string; jurisdiction: string; stage: string; openedAt: Date; closedAt: Date | null }>,
  now: Date,
  stableId: (kind: string, i: number) => string,
  change: (action: string, subjectType: string, subjectId: string, fields: string[]) => void,
): Promise<number> {
  const kinds = Object.values(LegalAssistanceKind);
  const requests: LegalAssistanceRecord[] = [];
  const delivery = new Map<string, DeliveryContent[]>();
  const done = [S.EXECUTED, S.REFUSED, S.CLOSED];
  for (const [i, plan] of PLANS.entries()) {
    // Step k's day, counted back from the last step: two days between steps, `slow.days` before the slow one; step 0 the drafting.
    const daysAgo = [plan.lastDaysAgo];
    for (let k = plan.path.length; k > 0; k--) daysAgo.unshift(daysAgo[0] + (plan.slow?.step === plan.path[k - 1] ? plan.slow.days : 2));
    const at = (step: number) => new Date(now.getTime() - daysAgo[step] * DAY);
    const finished = done.includes(plan.path[plan.path.length - 1]);
    const fits = (p: (typeof proceedings)[number]) => p.openedAt < at(0) && (p.closedAt === null || (finished && p.closedAt > at(plan.path.length)));
    const from = (i * 7) % proceedings.length;
    const proceeding = [...proceedings.slice(from), ...proceedings.slice(0, from)].find((p) => fits(p) && p.stage !== 'CLOSED') ?? proceedings.find(fits) ?? proceedings.find((p) => p.stage !== 'CLOSED')!;
    const requesting = proceeding.jurisdiction;
    const others = DEMO_JURISDICTIONS.filter((j) => j !== requesting);
    const executing = others[i % others.length];
    const actor = (jurisdiction: string) => ({ sub: `${jurisdiction === requesting ? 'prosecutor' : 'judge'}@${jurisdiction.toLowerCase()}.example`, jurisdiction });
    const kind = kinds[i % kinds.length];
    const _id = stableId('assistance', i);
    let record: LegalAssistanceRecord = drafted(
      {
        _id,
        reference: assistanceReference(requesting, executing, at(0), createHash('sha256').update(`justice-hub demo assistance reference ${i}`).digest()),
        requestingJurisdiction: requesting,
        executingJurisdiction: executing,
        proceedingId: proceeding._id,
        kind,
        urgency: plan.urgency,
        subject: SUBJECTS[kind],
      },
      actor(requesting).sub,
      at(0),
    );
    change('LEGAL_ASSISTANCE_DRAFTED', 'LegalAssistanceRequest', _id, ['reference', 'executingJurisdiction', 'proceeding', 'kind', 'urgency', 'subject']);
    const hops: DeliveryContent[] = [];
    for (const [k, to] of plan.path.entries()) {
      const when = at(k + 1);
      const side = STEPS[to].side === 'requesting' ? requesting : executing;
      record = { ...record, ...transition(record, to, actor(side), when, models.assistanceDeadlines, details(to, when, plan)) };
      hops.push(...deliveryOfStep(record, to, when));
      change(STEPS[to].action, 'LegalAssistanceRequest', _id, STEPS[to].fields);
    }
    if (plan.extendedAfter !== undefined) {
      const receivedAt = record.recognitionDue!.getTime() - (plan.urgency === URGENT ? models.assistanceDeadlines.urgentRecognitionDays : models.assistanceDeadlines.recognitionDays) * DAY;
      record = { ...record, ...extension(record, actor(executing).sub, new Date(receivedAt + plan.extendedAfter * DAY), 'Translation of the seized records takes longer (demo)') };
      change('LEGAL_ASSISTANCE_DEADLINE_EXTENDED', 'LegalAssistanceRequest', _id, ['recognitionDue', 'extension']);
    }
    requests.push(record);
    delivery.set(_id, hops);
  }
  await models.assistanceRequests.createMany(requests);
  for (const [id, hops] of delivery) if (hops.length > 0) await models.delivery.append(deliveryChain(id), hops);
  return requests.length;
}
