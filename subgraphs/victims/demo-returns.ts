import type { AuditEntry } from '../common/audit';
import { newId } from '../common/validate';
import { monthsAfter, nextReviewDue, REVIEW_MONTHS } from './domain/reintegration';
import { RETURN_CATEGORIES } from './domain/returns';
import type { ConsentRecord, ReintegrationGoalRecord, ReintegrationPlanRecord, ReturnPlanRecord, VictimRecord } from './models';
import { ReintegrationArea, ReintegrationGoalStatus, ReintegrationStatus } from './schema/reintegration';
import { ReturnPlanStatus as S, ReturnRiskFactor as F, ReturnRiskLevel as L } from './schema/returns';
import { VictimStatus } from './schema/vocabulary';

/**
 * The demo returns home (issue 27, docs/returns.md): two in each status, from the other
 * demo jurisdictions to AL and RS, one refused for risk (assessed UNACCEPTABLE, then cancelled with the
 * reason), and the two reintegration plans their arrivals in AL opened, one with a review
 * overdue now and one with a review due within a fortnight. Each return rests on her
 * consent to share RETURN_CATEGORIES with the destination for REPATRIATION, granted before
 * the proposal; each step comes after the one before it and none after `now`. The steps
 * are written as the domain writes them (domain/returns.ts, domain/reintegration.ts), by
 * the development tokens' subjects of each side.
 */

const DAY = 86_400_000;
type Destination = 'AL' | 'RS';
const HOME: Record<Destination, { language: string; city: string }> = { AL: { language: 'sq', city: 'Tirana' }, RS: { language: 'sr', city: 'Belgrade' } };

interface Goal { area: ReintegrationArea; target: string; provider: string; culturalNotes: string | null; status: ReintegrationGoalStatus }

/** One demo return: its destination, her wish, and the days before now at which each step it reached was taken. */
interface DemoReturn {
  destination: Destination;
  voluntary: boolean;
  wishNote?: string;
  days: { proposed: number; assessed?: number; agreed?: number; departed?: number; arrived?: number; cancelled?: number };
  risk?: { level: L; factors: F[]; notes: string; by: 'social_worker' | 'law_enforcement' };
  mitigation?: string;
  reception?: { receivedBy: string; address: string; services: string[] };
  cancelReason?: string;
  /** After arrival: the goals, and the notes of the reviews held (earliest first). */
  reintegration?: { goals: Goal[]; reviewNotes: string[] };
}

const RECEPTION_AL = { receivedBy: 'Different & Equal, Tirana (demo)', address: 'Transit flat, Rruga e Durrësit (demo)', services: ['counselling', 'medical check-up', 'interpretation'] };
const RECEPTION_RS = { receivedBy: 'Centre for the Protection of Victims of Trafficking, Belgrade (demo)', address: 'Reception shelter, Novi Beograd (demo)', services: ['counselling', 'legal advice'] };

export const DEMO_RETURNS: DemoReturn[] = [
  { destination: 'AL', voluntary: true, days: { proposed: 5 } },
  { destination: 'RS', voluntary: false, wishNote: 'I would rather stay until the trial is over; if I must go, I want to go to my aunt, not to my parents.', days: { proposed: 9 } },
  { destination: 'RS', voluntary: true, days: { proposed: 30, assessed: 18 }, risk: { level: L.LOW, factors: [F.STIGMA], notes: 'Her family knows and supports her return.', by: 'social_worker' } },
  {
    destination: 'AL', voluntary: true, days: { proposed: 40, assessed: 21 },
    risk: { level: L.HIGH, factors: [F.RETRAFFICKING, F.DEBT], notes: 'The recruiter claims a debt from her family; he is not yet charged.', by: 'law_enforcement' },
  },
  { destination: 'RS', voluntary: true, days: { proposed: 62, assessed: 47, agreed: 33 }, risk: { level: L.MEDIUM, factors: [F.STIGMA, F.HEALTH_CARE_UNAVAILABLE], notes: 'Her medication is hard to find in her home town.', by: 'social_worker' }, reception: RECEPTION_RS },
  {
    destination: 'AL', voluntary: true, days: { proposed: 70, assessed: 52, agreed: 11 },
    risk: { level: L.HIGH, factors: [F.REPRISALS], notes: 'Relatives of a defendant live in her village.', by: 'law_enforcement' },
    mitigation: 'She is received in Tirana, far from her village; the police of Shkodër are told; a safe phone is given on arrival.',
    reception: RECEPTION_AL,
  },
  { destination: 'AL', voluntary: true, days: { proposed: 82, assessed: 66, agreed: 41, departed: 2 }, risk: { level: L.LOW, factors: [], notes: 'No known risk at home.', by: 'social_worker' }, reception: RECEPTION_AL },
  { destination: 'RS', voluntary: true, days: { proposed: 76, assessed: 60, agreed: 34, departed: 1 }, risk: { level: L.MEDIUM, factors: [F.DEBT], notes: 'A small debt to a neighbour; advice lined up.', by: 'social_worker' }, reception: RECEPTION_RS },
  {
    // Arrived about seven months ago: the 3-month review was held, the 6-month one is overdue.
    destination: 'AL', voluntary: true, days: { proposed: 262, assessed: 245, agreed: 226, departed: 212, arrived: 211 },
    risk: { level: L.MEDIUM, factors: [F.STIGMA, F.DEBT], notes: 'Her family is in debt; she fears gossip in the village.', by: 'social_worker' }, reception: RECEPTION_AL,
    reintegration: {
      goals: [
        { area: ReintegrationArea.HOUSING, target: 'A room of my own in Tirana, not back in the village', provider: 'Different & Equal (demo)', culturalNotes: null, status: ReintegrationGoalStatus.MET },
        { area: ReintegrationArea.VOCATIONAL_TRAINING, target: 'I want to finish the tailoring course I started', provider: 'Vocational training centre Tirana (demo)', culturalNotes: 'A class of women only', status: ReintegrationGoalStatus.IN_PROGRESS },
        { area: ReintegrationArea.MENTAL_HEALTH, target: 'To sleep through the night again', provider: 'Community mental health centre (demo)', culturalNotes: 'A woman counsellor who speaks her dialect', status: ReintegrationGoalStatus.IN_PROGRESS },
      ],
      reviewNotes: ['Housed since the second month; attends the course three days a week; counselling weekly.'],
    },
  },
  {
    // Arrived about eighty days ago: the 3-month review falls due within a fortnight.
    destination: 'AL', voluntary: true, days: { proposed: 140, assessed: 122, agreed: 101, departed: 81, arrived: 80 },
    risk: { level: L.LOW, factors: [], notes: 'Her mother and sister receive her.', by: 'social_worker' }, reception: RECEPTION_AL,
    reintegration: {
      goals: [
        { area: ReintegrationArea.EMPLOYMENT, target: 'Work in a bakery near my mother', provider: 'Employment office Elbasan (demo)', culturalNotes: null, status: ReintegrationGoalStatus.PLANNED },
        { area: ReintegrationArea.LEGAL, target: 'Get my identity card back', provider: 'Legal clinic Tirana (demo)', culturalNotes: null, status: ReintegrationGoalStatus.IN_PROGRESS },
      ],
      reviewNotes: [],
    },
  },
  {
    // Refused for risk: the destination judged it UNACCEPTABLE, and the sending side cancelled it.
    destination: 'AL', voluntary: true, days: { proposed: 120, assessed: 104, cancelled: 99 },
    risk: { level: L.UNACCEPTABLE, factors: [F.RETRAFFICKING, F.FAMILY_INVOLVEMENT, F.REPRISALS], notes: 'Her uncle, who sold her, lives with her parents and has threatened them.', by: 'law_enforcement' },
    cancelReason: 'Refused for risk: the destination assessed the risk UNACCEPTABLE (her recruiter lives in the family home). She stays under protection here; a residence permit is applied for.',
  },
  { destination: 'RS', voluntary: true, days: { proposed: 50, cancelled: 43 }, cancelReason: 'She withdrew her wish to return: she has found work here and applied for a residence permit.' },
];

/** Victims whose index the other subgraphs' demo data leaves alone (no shelter placement: 0…99; no legal aid file: 102…193, 240…259). */
const candidateIndex = (i: number) => (i >= 194 && i < 240) || i >= 260;

export interface SeededReturns {
  consents: Array<Omit<ConsentRecord, '_id'>>;
  returnPlans: ReturnPlanRecord[];
  reintegrationPlans: ReintegrationPlanRecord[];
  /** The audit events of every step, in the order taken. */
  events: Array<{ at: Date; entry: AuditEntry }>;
}

/**
 * Gives DEMO_RETURNS to identified victims of `victims` (the first batch, index = position),
 * changing their records before they are written: status, nationality and language of the
 * destination, `sharedWith`. A victim with a return status but no return becomes IDENTIFIED
 * (nothing else reaches those statuses). A return with no victim identified early enough is
 * left out (small demo data).
 */
export function demoReturns(victims: VictimRecord[], now: Date, rehash: (v: VictimRecord) => string | null): SeededReturns {
  const seeded: SeededReturns = { consents: [], returnPlans: [], reintegrationPlans: [], events: [] };
  const used = new Set<number>();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  // The oldest returns first: they need the victims identified longest ago.
  for (const demo of [...DEMO_RETURNS].sort((a, b) => b.days.proposed - a.days.proposed)) {
    const proposedAt = ago(demo.days.proposed);
    const consentAt = ago(demo.days.proposed + 2);
    const k = victims.findIndex((v, i) => candidateIndex(i) && !used.has(i) && v.jurisdiction !== demo.destination && v.identification && v.identification.recordedAt < consentAt && v.registeredAt < consentAt);
    if (k < 0) continue;
    used.add(k);
    const victim = victims[k];
    const [from, to] = [victim.jurisdiction, demo.destination];
    const sub = (role: string, j: string) => `${role}@${j.toLowerCase()}.example`;
    const events = (at: Date, action: string, subjectType: string, subjectId: string, fields: string[]) =>
      seeded.events.push({ at, entry: { action, subjectType, subjectId, fields: [...fields].sort(), deniedFields: [], decision: 'ALLOW', bases: [] } });

    seeded.consents.push({
      victimId: victim._id,
      categories: [...RETURN_CATEGORIES],
      granteeJurisdictions: [to],
      purposes: ['REPATRIATION', 'VICTIM_SUPPORT'],
      note: 'return home',
      grantedBy: sub('social_worker', from),
      grantedAt: consentAt,
      expiresAt: null,
      withdrawnAt: null,
      withdrawnBy: null,
    });
    events(consentAt, 'CONSENT_GRANTED', 'Victim', victim._id, [...RETURN_CATEGORIES]);

    const at = (days: number | undefined) => (days === undefined ? null : ago(days));
    const d = demo.days;
    const status = d.arrived !== undefined ? S.ARRIVED : d.departed !== undefined ? S.DEPARTED : d.cancelled !== undefined ? S.CANCELLED : d.agreed !== undefined ? S.AGREED : d.assessed !== undefined ? S.ASSESSED : S.PROPOSED;
    const assessedBy = demo.risk && sub(demo.risk.by, to);
    const plan: ReturnPlanRecord = {
      _id: newId(),
      victimId: victim._id,
      sendingJurisdiction: from,
      destinationJurisdiction: to,
      status,
      voluntary: demo.voluntary,
      wishNote: demo.wishNote ?? null,
      proposedBy: sub('social_worker', from),
      proposedAt,
      ...{ riskLevel: demo.risk?.level ?? null, riskFactors: demo.risk?.factors ?? [], riskNotes: demo.risk?.notes ?? null, assessedBy: assessedBy ?? null, assessedAt: at(d.assessed), mitigation: demo.mitigation ?? null },
      ...{ receivedBy: demo.reception?.receivedBy ?? null, receptionAddress: demo.reception?.address ?? null, services: demo.reception?.services ?? [], agreedBy: d.agreed === undefined ? null : sub('social_worker', to), agreedAt: at(d.agreed) },
      ...{ departedBy: d.departed === undefined ? null : sub('social_worker', from), departedAt: at(d.departed), arrivedBy: d.arrived === undefined ? null : sub('social_worker', to), arrivedAt: at(d.arrived) },
      ...{ cancelledBy: d.cancelled === undefined ? null : sub('social_worker', from), cancelledAt: at(d.cancelled), cancelReason: demo.cancelReason ?? null },
    };
    seeded.returnPlans.push(plan);
    events(proposedAt, 'RETURN_PROPOSED', 'ReturnPlan', plan._id, ['destinationJurisdiction', 'status', 'voluntary', ...(plan.wishNote ? ['wishNote'] : [])]);
    if (plan.assessedAt) events(plan.assessedAt, 'RETURN_RISK_ASSESSED', 'ReturnPlan', plan._id, ['assessedAt', 'riskFactors', 'riskLevel', 'riskNotes', 'status']);
    if (plan.agreedAt) events(plan.agreedAt, 'RETURN_AGREED', 'ReturnPlan', plan._id, ['agreedAt', 'receivedBy', 'receptionAddress', 'services', 'status', ...(plan.mitigation ? ['mitigation'] : [])]);
    if (plan.departedAt) events(plan.departedAt, 'RETURN_DEPARTED', 'ReturnPlan', plan._id, ['departedAt', 'status']);
    if (plan.arrivedAt) events(plan.arrivedAt, 'RETURN_ARRIVED', 'ReturnPlan', plan._id, ['arrivedAt', 'status']);
    if (plan.cancelledAt) events(plan.cancelledAt, 'RETURN_CANCELLED', 'ReturnPlan', plan._id, ['cancelReason', 'cancelledAt', 'status']);
    if (plan.arrivedAt && demo.reintegration) seeded.reintegrationPlans.push(reintegration(plan, plan.arrivedAt, demo.reintegration, now, sub('social_worker', to), events));

    // She goes home: her nationality and language are the destination's; her status follows the return.
    victim.nationality = to;
    victim.languages = [HOME[to].language, ...victim.languages.filter((l) => l !== HOME[to].language)];
    victim.identityHash = rehash(victim);
    victim.sharedWith = [...new Set([...victim.sharedWith, to])];
    victim.status = status === S.DEPARTED ? VictimStatus.REPATRIATING : status === S.ARRIVED ? VictimStatus.REINTEGRATING : VictimStatus.IDENTIFIED;
    if (status === S.ARRIVED) victim.currentLocality = HOME[to].city;
  }
  victims.forEach((v, i) => {
    if (!used.has(i) && (v.status === VictimStatus.REPATRIATING || v.status === VictimStatus.REINTEGRATING)) v.status = VictimStatus.IDENTIFIED;
  });
  seeded.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return seeded;
}

/** The reintegration plan her arrival opened: goals added in the first weeks, the reviews held so far, due dates as the domain sets them. */
function reintegration(
  plan: ReturnPlanRecord,
  arrivedAt: Date,
  demo: NonNullable<DemoReturn['reintegration']>,
  now: Date,
  worker: string,
  events: (at: Date, action: string, subjectType: string, subjectId: string, fields: string[]) => void,
): ReintegrationPlanRecord {
  const _id = newId();
  events(arrivedAt, 'REINTEGRATION_OPENED', 'ReintegrationPlan', _id, ['nextReviewDue', 'openedAt', 'status']);
  const goals: ReintegrationGoalRecord[] = demo.goals.map((g, k) => {
    const addedAt = new Date(Math.min(arrivedAt.getTime() + (3 + 2 * k) * DAY, now.getTime()));
    const updatedAt = g.status === ReintegrationGoalStatus.PLANNED ? addedAt : new Date(Math.min(addedAt.getTime() + 30 * DAY, now.getTime()));
    events(addedAt, 'REINTEGRATION_GOAL_ADDED', 'ReintegrationPlan', _id, ['goals']);
    if (updatedAt > addedAt) events(updatedAt, 'REINTEGRATION_GOAL_UPDATED', 'ReintegrationPlan', _id, ['goals']);
    return { id: newId(), area: g.area, target: g.target, provider: g.provider, language: HOME[plan.destinationJurisdiction as Destination].language, culturalNotes: g.culturalNotes, status: g.status, addedBy: worker, addedAt, updatedAt };
  });
  const reviews = REVIEW_MONTHS.map((months, k) => {
    const dueAt = monthsAfter(arrivedAt, months);
    const held = k < demo.reviewNotes.length ? new Date(dueAt.getTime() + 4 * DAY) : null;
    if (held && held > now) throw new Error(`demo reintegration: review ${months} would be held after now`);
    if (held) events(held, 'REINTEGRATION_REVIEWED', 'ReintegrationPlan', _id, ['nextReviewDue', 'reviews']);
    return { monthsAfterArrival: months, dueAt, reviewedAt: held, reviewedBy: held ? worker : null, note: held ? demo.reviewNotes[k] : null };
  });
  return {
    _id,
    victimId: plan.victimId,
    returnPlanId: plan._id,
    jurisdiction: plan.destinationJurisdiction,
    sendingJurisdiction: plan.sendingJurisdiction,
    status: ReintegrationStatus.OPEN,
    openedAt: arrivedAt,
    goals,
    reviews,
    nextReviewDue: nextReviewDue(reviews),
    ...{ closedAt: null, closedBy: null, outcome: null, closingNote: null },
  };
}
