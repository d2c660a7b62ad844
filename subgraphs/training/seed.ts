import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Caller } from '../../platform/auth';
import { AuditLog, type AuditEntry } from '../common/audit';
import { auditKeys } from '../common/audit-checkpoints';
import { DEFAULT_PUBLIC_URL } from './';
import { addSigningKey, establishBody } from './domain/bodies';
import { newCertificateCode } from './domain/code';
import { checkedProgram, storeProgram } from './domain/programs';
import { signCredential } from './domain/credential';
import { takeStatusPosition } from './domain/status-list';
import { SigningKeys } from './domain/keys';
import {
  trainingModels,
  type BodyRecord,
  type CertificateRecord,
  type CompletionRecord,
  type ExchangeVisitRecord,
  type PractitionerRecord,
  type ProgramRecord,
} from './models';
import { addMonths, today } from './domain/calendar';
import { CertificateStatus, Competency, PractitionerRole, TOKEN_ROLE } from './schema/vocabulary';
import { DEMO_INTERPRETER_CERTIFICATES, DEMO_JURISDICTIONS, DEMO_REGIONS, demoInstant, demoLater, random } from '../common/demo';
import { ISSUED, legalTranslationProgram } from './demo-interpreters';
import { DEV_ISSUER } from '../../scripts/development/dev-issuer';

/**
 * Demo accreditation, deterministic but for the keys: one body per demo region (WB, CE,
 * SE), each with two signing keys (the first rotated out a year ago, still published), three
 * programs each (9: identification, justice, legal translation), 150 practitioners — 25 per jurisdiction over every profession, the
 * first of each profession with the development token's issuer and default subject
 * (`judge@de.example`), so `npm run token -- --role judge --jurisdiction DE` reads its own
 * record —, completions (some failed and retaken), judges' exchange visits, and 90
 * certificates issued over the last eight quarters (`demoInstant`, so the indicators show
 * trends), some ending in the coming quarters: 60 VALID, 10 EXPIRED, 10 SUSPENDED, 10
 * REVOKED, older ones signed with the first key; and five interpreters' legal translation
 * certificates with the fixed codes of `DEMO_INTERPRETER_CERTIFICATES` (2 VALID, one each
 * SUSPENDED, REVOKED, EXPIRED), the translators of the proceedings' demo translations. The private keys go to
 * ACCREDITATION_KEY_DIR (.data/accreditation-keys under `npm start`). Nothing is seeded
 * into a database that holds bodies.
 */

const SEED: Caller = { sub: 'seed', role: 'accreditation_officer', jurisdiction: 'none', org: 'demo data', issuer: 'seed', oversight: [] };
const DAY = 86_400_000;

export type TrainingSeedSettings = Record<'ACCREDITATION_KEY_DIR' | 'AUDIT_CHAIN_KEY' | 'AUDIT_SIGNING_KEY', string> & { ACCREDITATION_PUBLIC_URL?: string };

const BODIES: Record<string, { id: string; name: string }> = {
  'Western Balkans': { id: 'WB', name: 'Western Balkans Anti-Trafficking Training Council' },
  'Central Europe': { id: 'CE', name: 'Central European Board for Anti-Trafficking Training' },
  'Southern Europe': { id: 'SE', name: 'Southern European Accreditation Body for Anti-Trafficking Training' },
};

const ROLES = Object.values(PractitionerRole);
const GIVEN = ['Ana', 'Marko', 'Jelena', 'Lukas', 'Sofia', 'Giorgos', 'Elira', 'Stefan', 'Katarina', 'Matteo', 'Eleni', 'Jonas', 'Arta', 'Nikola', 'Giulia'];
const FAMILY = ['Krasniqi', 'Jovanović', 'Becker', 'Gruber', 'Rossi', 'Papadopoulou', 'Shehu', 'Nikolić', 'Schmidt', 'Huber', 'Esposito', 'Georgiou'];
const ORGANIZATION: Record<PractitionerRole, (j: string) => string> = {
  JUDGE: (j) => `${j} District Court`,
  PROSECUTOR: (j) => `${j} Public Prosecutor's Office`,
  POLICE: (j) => `${j} Anti-Trafficking Police Unit`,
  SOCIAL_WORKER: (j) => `${j} Centre for Social Work`,
  ATTORNEY: (j) => `${j} Legal Aid Network`,
  INTERPRETER: (j) => `${j} Court Interpreters' Register`,
  SHELTER_STAFF: (j) => `${j}-demo-org`,
};

function stableId(kind: string, i: number): string {
  return createHash('sha256').update(`justice-hub demo ${kind} ${i}`).digest('base64url').slice(0, 22);
}

/** Two programs per body: one for frontline identification, one for justice procedures (each body's own third module). */
function demoPrograms(bodyId: string): ProgramRecord[] {
  const justiceFocus = { WB: Competency.CROSS_BORDER_COOPERATION, CE: Competency.FINANCIAL_INVESTIGATION, SE: Competency.DIGITAL_FORENSICS }[bodyId]!;
  const module = (program: string, n: number, title: string, hours: number, competency: Competency) => ({ code: `${program}-M${n}`, title, hours, competency });
  const identification = `${bodyId}-VA-101`;
  const justice = `${bodyId}-JP-201`;
  return [
    {
      _id: identification,
      title: 'Identifying and Assisting Victims of Trafficking',
      bodyId,
      passingScore: 70,
      modules: [
        module(identification, 1, 'Indicators and vulnerability assessment', 8, Competency.VULNERABILITY_ASSESSMENT),
        module(identification, 2, 'Victims’ rights and referral', 6, Competency.VICTIM_RIGHTS),
        module(identification, 3, 'Working across cultures and languages', 4, Competency.CULTURAL_COMPETENCE),
      ],
      requiredFor: [PractitionerRole.POLICE, PractitionerRole.SOCIAL_WORKER, PractitionerRole.SHELTER_STAFF, PractitionerRole.INTERPRETER],
    },
    {
      _id: justice,
      title: 'Trauma-Informed Justice in Trafficking Cases',
      bodyId,
      passingScore: 75,
      modules: [
        module(justice, 1, 'Trauma-informed interviewing and hearings', 10, Competency.TRAUMA_INFORMED_INTERVIEWING),
        module(justice, 2, 'Child victims in proceedings', 6, Competency.CHILD_SENSITIVE_PROCEDURES),
        module(justice, 3, { WB: 'Joint investigations and mutual legal assistance', CE: 'Following the money', SE: 'Digital evidence of exploitation' }[bodyId]!, 8, justiceFocus),
      ],
      requiredFor: [PractitionerRole.JUDGE, PractitionerRole.PROSECUTOR, PractitionerRole.ATTORNEY],
    },
  ];
}

export async function seedTraining(connection: Connection, settings: TrainingSeedSettings, log: (line: string) => void = console.log): Promise<boolean> {
  const keys = new SigningKeys(settings.ACCREDITATION_KEY_DIR);
  const publicUrl = settings.ACCREDITATION_PUBLIC_URL ?? DEFAULT_PUBLIC_URL;
  const models = trainingModels(connection, { keys, publicUrl });
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  if ((await models.Body.estimatedDocumentCount()) > 0) {
    // Stored data without its keys (e.g. .data/accreditation-keys removed) cannot sign: say so now.
    for (const body of await models.bodies.loaderBy('all').load('all')) {
      if (!existsSync(path.join(keys.dir, body._id, `${body.currentKid}.pem`))) {
        log(`The current signing key of ${body._id} is not in ${keys.dir}: it cannot issue until an officer rotates its key (rotateSigningKey).`);
      }
    }
    return false;
  }
  const rnd = random(20261201);
  const draw = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: T[]) => list[draw(list.length)];
  const now = new Date();
  const entries: AuditEntry[] = [];
  const change = (action: string, subjectType: string, subjectId: string, fields: string[]) =>
    entries.push({ action, subjectType, subjectId, fields, deniedFields: [], decision: 'ALLOW', bases: [] });

  // Bodies: a first key long ago, retired by a rotation a year ago (both stay in the JWKS).
  const firstKeys = new Map<string, BodyRecord>();
  const bodies: BodyRecord[] = [];
  for (const [region, jurisdictions] of Object.entries(DEMO_REGIONS)) {
    const { id, name } = BODIES[region];
    // The same function establishAccreditationBody calls: its checks, its first key.
    const first = await establishBody(models, { id, name, region, jurisdictions }, 'seed', new Date(now.getTime() - 1_200 * DAY));
    firstKeys.set(id, first);
    bodies.push(await addSigningKey(models, id, 'seed', new Date(now.getTime() - 365 * DAY)));
    change('ACCREDITATION_BODY_ESTABLISHED', 'AccreditationBody', id, ['name', 'region', 'jurisdictions', 'signingKeys']);
    change('SIGNING_KEY_ROTATED', 'AccreditationBody', id, ['signingKeys']);
  }
  const bodyOf = (jurisdiction: string) => bodies.find((b) => b.jurisdictions.includes(jurisdiction))!;

  // Programs through the same checks and writes as defineProgram (codes unique, module codes held).
  const programs: ProgramRecord[] = [];
  for (const p of bodies.flatMap((b) => demoPrograms(b._id))) {
    const checked = await checkedProgram(models, p.bodyId, { code: p._id, title: p.title, passingScore: p.passingScore, modules: p.modules, requiredFor: p.requiredFor });
    programs.push(await storeProgram(models, checked, 'seed', new Date(now.getTime() - 1_200 * DAY)));
    change('PROGRAM_DEFINED', 'TrainingProgram', p._id, ['title', 'passingScore', 'modules', 'requiredFor']);
  }

  // 25 practitioners per jurisdiction, the professions in turn.
  const practitioners: PractitionerRecord[] = [];
  const seenRole = new Set<string>();
  for (let i = 0; i < 150; i++) {
    const jurisdiction = DEMO_JURISDICTIONS[Math.floor(i / 25)];
    const role = ROLES[i % ROLES.length];
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const tokenRole = TOKEN_ROLE[role];
    const firstOfRole = !seenRole.has(`${jurisdiction}:${role}`);
    seenRole.add(`${jurisdiction}:${role}`);
    practitioners.push({
      _id: stableId('practitioner', i),
      subject: tokenRole && firstOfRole ? `${tokenRole}@${jurisdiction.toLowerCase()}.example` : `practitioner-${i + 1}@${jurisdiction.toLowerCase()}.idp.example`,
      subjectIssuer: DEV_ISSUER,
      name: `${given} ${family}`,
      role,
      jurisdiction,
      organization: ORGANIZATION[role](jurisdiction),
      email: `${given}.${family}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') + `.${i + 1}@${jurisdiction.toLowerCase()}.training.example`,
      registeredAt: new Date(now.getTime() - 1_200 * DAY),
      registeredBy: 'seed',
    });
  }
  await models.practitioners.createMany(practitioners);
  for (const p of practitioners) change('PRACTITIONER_REGISTERED', 'Practitioner', p._id, ['name', 'role', 'organization', 'email', 'subject', 'subjectIssuer']);

  // Completions: four in five practitioners took their region's program for their profession;
  // one in six of them failed a module once and passed it on a retake.
  const completions: Array<Omit<CompletionRecord, '_listed'>> = [];
  const qualified: Array<{ practitioner: PractitionerRecord; program: ProgramRecord; passedOn: string; passedAt: Date }> = [];
  practitioners.forEach((practitioner, i) => {
    if (i % 5 === 4) return;
    const program = programs.find((p) => p.bodyId === bodyOf(practitioner.jurisdiction)._id && p.requiredFor.includes(practitioner.role))!;
    // The ones certified longest ago (expired certificates) trained about three years ago; the others passed their last
    // module a week before a day of the last eight quarters (demoInstant: the day they are certified, if they are).
    const retake = i % 6 === 1;
    const span = 20 + (retake ? 14 : 0); // days from the first module to the last one passed
    const startedDaysAgo = i % 15 === 3 ? 1_150 : span + 7 + (now.getTime() - demoInstant(rnd, now).getTime()) / DAY;
    let day = startedDaysAgo;
    for (const module of program.modules) {
      const completion = (score: number): Omit<CompletionRecord, '_listed'> => ({
        _id: stableId(`completion ${completions.length}`, i),
        practitionerId: practitioner._id,
        programCode: program._id,
        moduleCode: module.code,
        bodyId: program.bodyId,
        hours: module.hours,
        competency: module.competency,
        completedOn: new Date(now.getTime() - day * DAY).toISOString().slice(0, 10),
        score,
        passed: score >= program.passingScore,
        assessor: `${pick(GIVEN)} ${pick(FAMILY)} (demo assessor)`,
        recordedAt: new Date(now.getTime() - day * DAY),
        recordedBy: 'seed',
      });
      if (retake && module === program.modules[1]) {
        completions.push(completion(program.passingScore - 10 - draw(20)));
        day -= 14;
      }
      completions.push(completion(program.passingScore + draw(101 - program.passingScore)));
      day -= 10;
    }
    const last = completions[completions.length - 1];
    qualified.push({ practitioner, program, passedOn: last.completedOn, passedAt: last.recordedAt });
  });
  await models.completions.createMany(completions);
  for (const c of completions) change('COMPLETION_RECORDED', 'Practitioner', c.practitionerId, ['completions']);

  // Exchange visits: every judge who took the program visited a court of the sister jurisdiction.
  const sister = (j: string) => bodyOf(j).jurisdictions.find((other) => other !== j)!;
  const visits: Array<Omit<ExchangeVisitRecord, '_listed'>> = qualified
    .filter(({ practitioner }) => practitioner.role === PractitionerRole.JUDGE)
    .map(({ practitioner }, k) => {
      const from = new Date(now.getTime() - (30 + draw(300)) * DAY).toISOString().slice(0, 10);
      return {
        _id: stableId('exchange visit', k),
        practitionerId: practitioner._id,
        hostCourt: `${sister(practitioner.jurisdiction)} Court of Appeal (demo)`,
        hostJurisdiction: sister(practitioner.jurisdiction),
        from,
        to: new Date(Date.parse(from) + 2 * DAY).toISOString().slice(0, 10),
        hours: 12 + draw(10),
        recordedAt: now,
        recordedBy: 'seed',
      };
    });
  await models.exchangeVisits.createMany(visits);
  for (const v of visits) change('EXCHANGE_VISIT_RECORDED', 'Practitioner', v.practitionerId, ['exchangeVisits']);

  // 90 certificates, each issued a week after its holder passed: the expired ones from the old trainings, then VALID,
  // SUSPENDED, REVOKED in turn. Valid for 36 months (the expired ones 24), every other one of the last year for 12 (as an
  // officer may choose, validMonths): those end over the coming quarters, the renewals CERTIFICATES_EXPIRING_90_DAYS counts.
  const certificates: Array<Omit<CertificateRecord, '_listed'>> = [];
  const expired = qualified.filter(({ passedOn }) => passedOn < today(new Date(now.getTime() - 900 * DAY))).slice(0, 10);
  const recent = qualified.filter((q) => !expired.includes(q)).slice(0, 80);
  for (const [k, q] of [...expired, ...recent].entries()) {
    const body = bodies.find((b) => b._id === q.program.bodyId)!;
    const issuedAt = new Date(q.passedAt.getTime() + 7 * DAY);
    // Issued before the rotation a year ago: signed with the body's first key.
    const signer = issuedAt.getTime() < now.getTime() - 365 * DAY ? firstKeys.get(body._id)! : body;
    const status = k < 10 ? CertificateStatus.VALID : [CertificateStatus.VALID, CertificateStatus.VALID, CertificateStatus.VALID, CertificateStatus.VALID, CertificateStatus.VALID, CertificateStatus.VALID, CertificateStatus.SUSPENDED, CertificateStatus.REVOKED][(k - 10) % 8];
    const issuedOn = today(issuedAt);
    const validMonths = k < 10 ? 24 : k % 2 === 0 && addMonths(issuedOn, 12) > today(now) ? 12 : 36;
    const code = newCertificateCode(body._id, issuedAt.getUTCFullYear(), draw);
    const issued = {
      _id: code,
      practitionerId: q.practitioner._id,
      holderName: q.practitioner.name,
      holderRole: q.practitioner.role,
      holderJurisdiction: q.practitioner.jurisdiction,
      bodyId: body._id,
      programCode: q.program._id,
      programTitle: q.program.title,
      competencies: [...new Set(q.program.modules.map((m) => m.competency))],
      issuedOn,
      expiresOn: addMonths(issuedOn, validMonths),
      status,
      suspendedAt: status === CertificateStatus.SUSPENDED ? demoLater(issuedAt, 20 + draw(200), now) : null,
      suspensionReason: status === CertificateStatus.SUSPENDED ? 'Continuing training overdue (demo)' : null,
      revokedAt: status === CertificateStatus.REVOKED ? demoLater(issuedAt, 20 + draw(200), now) : null,
      revocationReason: status === CertificateStatus.REVOKED ? 'Assessment found to be irregular (demo)' : null,
      issuedAt,
      issuedBy: 'seed',
      statusPosition: await takeStatusPosition(models.statusPositions, body._id, code, issuedAt),
    };
    certificates.push({ ...issued, ...(await signCredential(keys, publicUrl, signer, issued)) });
    change('CERTIFICATE_ISSUED', 'Certificate', issued._id, ['holder', 'scope', 'issuedOn', 'expiresOn', 'credential']);
    if (status === CertificateStatus.SUSPENDED) change('CERTIFICATE_SUSPENDED', 'Certificate', issued._id, ['status', 'suspension']);
    if (status === CertificateStatus.REVOKED) change('CERTIFICATE_REVOKED', 'Certificate', issued._id, ['status', 'revocation']);
  }
  // Legal translation: a program per body, and five interpreters certified in it (common/demo.ts), in every status.
  for (const p of bodies.map((b) => legalTranslationProgram(b._id))) {
    const checked = await checkedProgram(models, p.bodyId, { code: p._id, title: p.title, passingScore: p.passingScore, modules: p.modules, requiredFor: p.requiredFor });
    programs.push(await storeProgram(models, checked, 'seed', new Date(now.getTime() - 1_200 * DAY)));
    change('PROGRAM_DEFINED', 'TrainingProgram', p._id, ['title', 'passingScore', 'modules', 'requiredFor']);
  }
  const interpreterCompletions: Array<Omit<CompletionRecord, '_listed'>> = [];
  for (const [k, planned] of DEMO_INTERPRETER_CERTIFICATES.entries()) {
    const holder = practitioners.find((p) => p.role === PractitionerRole.INTERPRETER && p.jurisdiction === planned.jurisdiction)!;
    const body = bodyOf(holder.jurisdiction);
    const program = programs.find((p) => p._id === legalTranslationProgram(body._id)._id)!;
    const issuedAt = new Date(now.getTime() - ISSUED[planned.status].daysAgo * DAY);
    for (const [m, module] of program.modules.entries()) {
      const recordedAt = new Date(issuedAt.getTime() - (21 - m * 7) * DAY);
      interpreterCompletions.push({
        _id: stableId(`interpreter completion ${m}`, k),
        practitionerId: holder._id,
        programCode: program._id,
        moduleCode: module.code,
        bodyId: body._id,
        hours: module.hours,
        competency: module.competency,
        completedOn: today(recordedAt),
        score: 85 + m * 5,
        passed: true,
        assessor: 'Court Interpreters’ Board (demo assessor)',
        recordedAt,
        recordedBy: 'seed',
      });
    }
    const signer = issuedAt.getTime() < now.getTime() - 365 * DAY ? firstKeys.get(body._id)! : body;
    const status = planned.status === 'EXPIRED' ? CertificateStatus.VALID : (planned.status as CertificateStatus);
    const issuedOn = today(issuedAt);
    const issued = {
      _id: planned.code,
      practitionerId: holder._id,
      holderName: holder.name,
      holderRole: holder.role,
      holderJurisdiction: holder.jurisdiction,
      bodyId: body._id,
      programCode: program._id,
      programTitle: program.title,
      competencies: [...new Set(program.modules.map((m) => m.competency))],
      issuedOn,
      expiresOn: addMonths(issuedOn, ISSUED[planned.status].months),
      status,
      suspendedAt: status === CertificateStatus.SUSPENDED ? demoLater(issuedAt, 60, now) : null,
      suspensionReason: status === CertificateStatus.SUSPENDED ? 'Complaint about a translation under review (demo)' : null,
      revokedAt: status === CertificateStatus.REVOKED ? demoLater(issuedAt, 90, now) : null,
      revocationReason: status === CertificateStatus.REVOKED ? 'Undisclosed conflict of interest in a proceeding (demo)' : null,
      issuedAt,
      issuedBy: 'seed',
      statusPosition: await takeStatusPosition(models.statusPositions, body._id, planned.code, issuedAt),
    };
    certificates.push({ ...issued, ...(await signCredential(keys, publicUrl, signer, issued)) });
    change('CERTIFICATE_ISSUED', 'Certificate', issued._id, ['holder', 'scope', 'issuedOn', 'expiresOn', 'credential']);
    if (status === CertificateStatus.SUSPENDED) change('CERTIFICATE_SUSPENDED', 'Certificate', issued._id, ['status', 'suspension']);
    if (status === CertificateStatus.REVOKED) change('CERTIFICATE_REVOKED', 'Certificate', issued._id, ['status', 'revocation']);
  }
  await models.completions.createMany(interpreterCompletions);
  for (const c of interpreterCompletions) change('COMPLETION_RECORDED', 'Practitioner', c.practitionerId, ['completions']);
  completions.push(...interpreterCompletions);
  await models.certificates.createMany(certificates);

  const audit = new AuditLog(connection, 'training', auditKeys(settings.AUDIT_CHAIN_KEY, settings.AUDIT_SIGNING_KEY));
  await audit.append(SEED, null, entries);
  audit.stop();
  log(
    `Seeded ${bodies.length} accreditation bodies (keys in ${keys.dir}), ${programs.length} programs, ${practitioners.length} practitioners, ` +
      `${completions.length} completions, ${visits.length} exchange visits and ${certificates.length} certificates.`,
  );
  return true;
}
