import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Caller } from '../../platform/auth';
import { AuditLog, type AuditEntry } from '../common/audit';
import { auditKeys } from '../common/audit-checkpoints';
import { attorneyToRegister, providerToRegister, writeAttorney, writeProvider, type Directory } from './domain/directory';
import { legalAidLoaders, legalAidModels, type AssignmentRecord, type AttorneyRecord, type HandoffRecord, type LegalAidModels } from './models';
import type { RegisterAttorneyInput, RegisterLegalAidProviderInput } from './schema/inputs';
import { AssignmentStatus, HandoffStatus, LegalMatter, ProviderKind } from './schema/vocabulary';
import { DEMO_JURISDICTIONS, demoInstant, demoVictimId, random, type SeedSecrets } from '../common/demo';

/**
 * Demo legal aid, deterministic: 8 providers and 40 attorneys over the 6 demo
 * jurisdictions (in each, one attorney is the development tokens' default subject
 * `legal_aid_attorney@<j>.example` of the default organisation `<J>-demo-org`, so a token
 * minted for that jurisdiction is that attorney), 100 assignments of demo victims, each
 * where the victim is registered, opened over the last eight quarters (`demoInstant`, so
 * the indicators show trends) and ACTIVE some days after (some still offered, some
 * closed), files handed across borders (AL → DE, RS → AT, GR → IT) and two victims whose
 * representation started a month after their proceeding opened (a gap). `openProceedings`:
 * open demo proceedings (from the proceedings database), to place those gaps.
 */

const SEED: Caller = { sub: 'seed', role: 'social_worker', jurisdiction: 'none', org: 'demo data', issuer: 'seed', oversight: [] };
const DAY = 86_400_000;
const LANGUAGES: Record<string, string[]> = { AL: ['sq', 'en', 'it'], RS: ['sr', 'en', 'de'], DE: ['de', 'en', 'uk'], AT: ['de', 'en', 'ro'], IT: ['it', 'en', 'ar'], GR: ['el', 'en', 'ar'] };
const NAMES = ['Hoxha', 'Petrović', 'Weber', 'Gruber', 'Rossi', 'Papadopoulou', 'Krasniqi', 'Jovanović', 'Schmidt', 'Huber', 'Bianchi', 'Georgiou'];
const CROSSINGS: Array<[string, string]> = [['AL', 'DE'], ['RS', 'AT'], ['GR', 'IT']];
/** Assignments of demo victims VICTIMS_FROM … (below the crossing victims, 240 …), each where the victim is registered. */
const ASSIGNMENTS = 92;
const VICTIMS_FROM = 102;
const LATE_START_DAYS = 30;

export interface OpenProceeding {
  _id: string;
  jurisdiction: string;
  openedAt: Date;
  victimIds: string[];
}

function stableId(kind: string, i: number): string {
  return createHash('sha256').update(`justice-hub demo ${kind} ${i}`).digest('base64url').slice(0, 22);
}

/** The demo directory as a registrar of each jurisdiction would enter it (registerLegalAidProvider, registerAttorney). */
type DemoProvider = RegisterLegalAidProviderInput & { jurisdiction: string };

function demoDirectory(): { providers: DemoProvider[]; attorneys: Array<{ id: string; input: RegisterAttorneyInput }> } {
  const providers: DemoProvider[] = DEMO_JURISDICTIONS.map((j, i) => ({ organisation: `${j}-demo-org`, name: `${j} Legal Aid Network (demo)`, jurisdiction: j, kind: i % 2 ? ProviderKind.NGO : ProviderKind.BAR_ASSOCIATION }));
  providers.push(
    { organisation: 'DE-law-clinic-berlin', name: 'Law Clinic Berlin (demo)', jurisdiction: 'DE', kind: ProviderKind.LAW_CLINIC },
    { organisation: 'IT-difesa-pubblica-milano', name: 'Difesa Pubblica Milano (demo)', jurisdiction: 'IT', kind: ProviderKind.PUBLIC_DEFENDER },
  );
  const attorneys = Array.from({ length: 40 }, (_, i) => {
    const jurisdiction = DEMO_JURISDICTIONS[i % DEMO_JURISDICTIONS.length];
    const first = i < DEMO_JURISDICTIONS.length; // the dev tokens' default attorney of each jurisdiction
    const extra = providers.find((p) => p.jurisdiction === jurisdiction && p.organisation !== `${jurisdiction}-demo-org`);
    const input: RegisterAttorneyInput = {
      name: `${['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.'][Math.floor(i / 6)]} ${NAMES[i % NAMES.length]} (demo)`,
      barNumber: `${jurisdiction}-BAR-${1000 + i}`,
      jurisdictions: i % 9 === 0 ? [jurisdiction, DEMO_JURISDICTIONS[(i + 2) % 6]] : [jurisdiction],
      languages: LANGUAGES[jurisdiction].slice(0, 2 + (i % 2)),
      providerId: !first && extra && i % 3 === 0 ? extra.organisation : `${jurisdiction}-demo-org`,
      subject: first ? `legal_aid_attorney@${jurisdiction.toLowerCase()}.example` : `attorney-${jurisdiction.toLowerCase()}-${i}`,
      acceptingCases: i % 8 !== 7,
    };
    return { id: stableId('attorney', i), input };
  });
  return { providers, attorneys };
}

/** Registers the demo directory through the API's own checks and writes (domain/directory.ts), as each jurisdiction's registrar. */
async function registerDirectory(models: LegalAidModels, change: (action: string, subjectType: string, subjectId: string, fields: string[]) => void): Promise<{ providers: number; attorneys: AttorneyRecord[] }> {
  const loaders = legalAidLoaders(models);
  const as = (jurisdiction: string): Directory => ({ caller: { ...SEED, role: 'registrar', jurisdiction }, models, loaders });
  const { providers, attorneys } = demoDirectory();
  for (const input of providers) {
    const provider = await writeProvider(as(input.jurisdiction), await providerToRegister(as(input.jurisdiction), input));
    change('LEGAL_AID_PROVIDER_REGISTERED', 'LegalAidProvider', provider.id, ['name', 'kind', 'jurisdiction']);
  }
  const registered: AttorneyRecord[] = [];
  for (const { id, input } of attorneys) {
    const d = as((await loaders.provider.load(input.providerId))!.jurisdiction);
    registered.push(await writeAttorney(d, await attorneyToRegister(d, input, id)));
    change('ATTORNEY_REGISTERED', 'Attorney', id, ['provider', 'name', 'barNumber', 'jurisdictions', 'languages', 'practitionerId', 'acceptingCases']);
  }
  return { providers: providers.length, attorneys: registered };
}

export async function seedLegalAid(connection: Connection, secrets: SeedSecrets, openProceedings: OpenProceeding[] = [], log: (line: string) => void = console.log): Promise<boolean> {
  const models = legalAidModels(connection);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  if ((await models.Attorney.estimatedDocumentCount()) > 0) return false;
  const rnd = random(20261201);
  const now = new Date();
  const entries: AuditEntry[] = [];
  const change = (action: string, subjectType: string, subjectId: string, fields: string[]) =>
    entries.push({ action, subjectType, subjectId, fields, deniedFields: [], decision: 'ALLOW', bases: [] });

  const { providers, attorneys } = await registerDirectory(models, change);
  const attorneysIn = (j: string) => attorneys.filter((a) => a.jurisdictions[0] === j);

  const assignments: AssignmentRecord[] = [];
  const handoffs: HandoffRecord[] = [];
  // As the domain writes it (domain/assignments.ts): OFFERED when opened; ACTIVE from the day the attorney records the
  // victim's representation consent (`activeFrom`, some days later); CLOSED or HANDED_OFF some time after that.
  const assignment = (i: number, victimId: string, victimJurisdiction: string, a: AttorneyRecord, jurisdiction: string, openedAt: Date, activeFrom: Date | null): AssignmentRecord => ({
    _id: stableId('assignment', i),
    victimId,
    victimJurisdiction,
    attorneyId: a._id,
    providerId: a.providerId,
    practitionerId: a.practitionerId,
    jurisdiction,
    matter: Object.values(LegalMatter)[i % 6],
    proceedingId: null,
    status: activeFrom ? AssignmentStatus.ACTIVE : AssignmentStatus.OFFERED,
    representationConsent: activeFrom ? { givenOn: activeFrom.toISOString().slice(0, 10), language: a.languages[0], interpreterUsed: rnd() > 0.6, recordedAt: activeFrom } : null,
    interpretations: [],
    accommodations: i % 7 === 0 ? [{ id: stableId('accommodation', i), kind: 'TRAUMA_INFORMED', details: 'Female interviewer; breaks every 45 minutes (demo)', requestedAt: openedAt, requestedBy: 'seed' }] : [],
    openedAt,
    openedBy: 'seed',
    activeFrom,
    closedAt: null,
    closingReason: null,
  });
  // The days from an assignment opened to the victim's consent to be represented (the wait the indicators count).
  const consentAfter = (openedAt: Date) => new Date(openedAt.getTime() + (2 + Math.floor(rnd() * 40)) * DAY);
  const byNow = (date: Date) => (date <= now ? date : null);

  // Opened over the last eight quarters: one in ten still OFFERED, as are those whose consent is not yet due; of the rest,
  // about one in five closed two to eight months after representation began, if that is past.
  for (let i = 0; i < ASSIGNMENTS; i++) {
    const jurisdiction = DEMO_JURISDICTIONS[i % DEMO_JURISDICTIONS.length];
    const pool = attorneysIn(jurisdiction);
    const openedAt = demoInstant(rnd, now);
    const activeFrom = i % 10 === 0 ? null : byNow(consentAfter(openedAt));
    const a = assignment(i, demoVictimId(VICTIMS_FROM + i), DEMO_JURISDICTIONS[(VICTIMS_FROM + i) % 6], pool[i % pool.length], jurisdiction, openedAt, activeFrom);
    const closedAt = activeFrom && i % 10 < 3 ? byNow(new Date(activeFrom.getTime() + (60 + Math.floor(rnd() * 180)) * DAY)) : null;
    assignments.push(closedAt ? { ...a, status: AssignmentStatus.CLOSED, closedAt, closingReason: 'Matter concluded (demo)' } : a);
  }
  // Files that crossed a border (domain/handoffs.ts): offered while ACTIVE at home; on acceptance the home assignment is
  // HANDED_OFF and a new one opens OFFERED in the next jurisdiction, ACTIVE once the victim consents there.
  CROSSINGS.forEach(([from, to], k) => {
    const victimIndex = DEMO_JURISDICTIONS.indexOf(from) + 6 * (40 + k); // a victim of `from`
    const victimId = demoVictimId(victimIndex);
    const sender = attorneysIn(from)[0];
    const receiver = attorneysIn(to)[0];
    // Early enough for every step to be past: opened, represented, offered abroad, accepted, represented abroad.
    const openedAt = new Date(Math.min(demoInstant(rnd, now).getTime(), now.getTime() - 150 * DAY));
    const homeActive = consentAfter(openedAt);
    const offeredAt = new Date(homeActive.getTime() + (30 + Math.floor(rnd() * 60)) * DAY);
    const acceptedAt = new Date(offeredAt.getTime() + (1 + Math.floor(rnd() * 6)) * DAY);
    const home = assignment(100 + k, victimId, from, sender, from, openedAt, homeActive);
    const next = assignment(110 + k, victimId, from, receiver, to, acceptedAt, byNow(consentAfter(acceptedAt)));
    assignments.push({ ...home, status: AssignmentStatus.HANDED_OFF, closedAt: acceptedAt, closingReason: `handed off to ${receiver.name} (${to})` }, { ...next, matter: home.matter });
    handoffs.push({
      _id: stableId('handoff', k),
      fromAssignmentId: home._id,
      toAssignmentId: next._id,
      victimId,
      fromJurisdiction: from,
      fromPractitionerId: home.practitionerId,
      toAttorneyId: receiver._id,
      toProviderId: receiver.providerId,
      toPractitionerId: receiver.practitionerId,
      toJurisdiction: to,
      reason: `The client is moving to ${to}; trial testimony expected by video link (demo)`,
      transferCategories: ['CASE'],
      status: HandoffStatus.ACCEPTED,
      offeredAt,
      decidedAt: acceptedAt,
      decidedBy: receiver.practitionerId,
      refusalReason: null,
    });
  });
  // Two victims whose lawyer came a month after their proceeding opened: asked for 20 days in, represented from day 30
  // (proceedings opened at least 30 days ago, so that both steps are past).
  openProceedings
    .filter((p) => p.openedAt.getTime() <= now.getTime() - LATE_START_DAYS * DAY)
    .slice(0, 2)
    .forEach((p, k) => {
      const late = assignment(120 + k, p.victimIds[0], p.jurisdiction, attorneysIn(p.jurisdiction)[1], p.jurisdiction, new Date(p.openedAt.getTime() + 20 * DAY), new Date(p.openedAt.getTime() + LATE_START_DAYS * DAY));
      assignments.push({ ...late, matter: LegalMatter.CRIMINAL_PROCEEDING, proceedingId: p._id });
    });

  await models.assignments.createMany(assignments);
  await models.handoffs.createMany(handoffs);
  for (const a of assignments) change('LEGAL_AID_ASSIGNED', 'LegalAidAssignment', a._id, ['victim', 'attorney', 'matter', 'proceeding']);
  for (const h of handoffs) change('HANDOFF_ACCEPTED', 'Handoff', h._id, ['status', 'toAssignment']);
  const audit = new AuditLog(connection, 'legal-aid', auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
  await audit.append(SEED, null, entries);
  audit.stop();
  log(`Seeded ${providers} legal aid providers, ${attorneys.length} attorneys, ${assignments.length} assignments and ${handoffs.length} cross-border handoffs.`);
  return true;
}
