import 'reflect-metadata';
import type { Connection } from 'mongoose';
import type { Caller } from '../../platform/auth';
import type { Purpose } from '../../platform/purposes';
import { AuditLog, type AuditEntry } from '../common/audit';
import { auditKeys } from '../common/audit-checkpoints';
import { DEMO_JURISDICTIONS, DEMO_QUARTERS, DEMO_REGIONS, demoInstant, demoLater, demoVictimId, random, type SeedSecrets } from '../common/demo';
import { consentIsActive, type DataCategory } from './access';
import { identityHash } from './domain/identity';
import { ILO_INDICATORS } from './domain/ilo-indicators';
import { victimModels, type ConsentRecord, type VictimRecord } from './models';
import { IdentificationBasis } from './schema/lifecycle';
import { AgeGroup, Gender, VictimStatus, Vulnerability } from './schema/vocabulary';
import { isChildOn } from './domain/age';
import { demoReturns } from './demo-returns';

/**
 * The victims' demo data (`npm start`, `npm run seed`: scripts/development/seed.ts calls
 * seedDemoData): synthetic people only, the same on every machine, and stable ids
 * (demoVictimId) the other subgraphs' demo data refers to.
 */

const JURISDICTIONS = DEMO_JURISDICTIONS;
const NATIONALITIES = ['AL', 'RS', 'NG', 'UA', 'RO', 'VN', 'MD', 'BG', 'ER', 'PH'];
const GIVEN = ['Ana', 'Mira', 'Elena', 'Ivan', 'Joy', 'Linh', 'Olena', 'Blessing', 'Arben', 'Maria', 'Dritan', 'Nadia', 'Tuan', 'Rosa', 'Petru'];
const FAMILY = ['Hoxha', 'Petrović', 'Okafor', 'Kovalenko', 'Popescu', 'Nguyen', 'Rusu', 'Ivanova', 'Tesfaye', 'Santos', 'Berisha', 'Marković'];
const LANGUAGES = ['sq', 'sr', 'en', 'uk', 'ro', 'vi', 'ru', 'bg', 'ti', 'tl'];
const STATUSES = Object.values(VictimStatus);
/** Statuses a victim reaches only once identified. */
const IDENTIFIED_STATUSES: string[] = [VictimStatus.IDENTIFIED, VictimStatus.REPATRIATING, VictimStatus.REINTEGRATING];

/**
 * Observed indicators for one screening: a positive one has a strong and a medium
 * indicator in a recruitment dimension, in exploitative conditions and in coercion at
 * destination (so the ILO combination holds); the rest are a few scattered indicators.
 */
function screeningIndicators(rnd: () => number, positive: boolean): string[] {
  const from = (dimension: string, strength: string) => {
    const options = ILO_INDICATORS.filter((i) => i.dimension === dimension && i.strength === strength);
    return options[Math.floor(rnd() * options.length)].code;
  };
  if (!positive) return [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => ILO_INDICATORS[Math.floor(rnd() * ILO_INDICATORS.length)].code))];
  const recruitment = rnd() > 0.5 ? 'DECEPTIVE_RECRUITMENT' : 'COERCIVE_RECRUITMENT';
  return [
    from(recruitment, 'STRONG'),
    from(recruitment, 'MEDIUM'),
    from('EXPLOITATIVE_CONDITIONS', 'STRONG'),
    from('EXPLOITATIVE_CONDITIONS', 'MEDIUM'),
    from('COERCION_AT_DESTINATION', 'STRONG'),
    from('COERCION_AT_DESTINATION', 'MEDIUM'),
  ];
}

const BATCH = 1_000;

/**
 * Seeds `count` synthetic victims (a third of them with a consent to share with another
 * jurisdiction, a fifth of those withdrawn), their returns home and reintegration plans
 * (demo-returns.ts) and the audit history of their registration, consents and returns,
 * through the same listed collections the subgraph writes with. Nothing is seeded into a
 * database that already holds victims.
 */

export async function seedDemoData(connection: Connection, secrets: SeedSecrets, count = 300, log: (line: string) => void = console.log): Promise<boolean> {
  const identityKey = secrets.IDENTITY_HASH_KEY;
  const models = victimModels(connection, identityKey);
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
  if ((await models.Victim.estimatedDocumentCount()) > 0) {
    const any = await models.Victim.findOne({}, { _listed: 1 }).lean();
    if (any && (!any._listed?.length || typeof any._id !== 'string')) {
      throw new Error(
        `The victims database "${connection.name}" holds data written by an earlier version of the hub ` +
          '(before lists and random ids, docs/decisions/), which this version cannot read. ' +
          'It is synthetic demo data: remove .data/db (or drop that database) and start again.',
      );
    }
    await migrateConsentPurposes(models, log);
    log('Demo data already present; not seeding again.');
    return false;
  }
  const audit = new AuditLog(connection, 'victims', auditKeys(secrets.AUDIT_CHAIN_KEY, secrets.AUDIT_SIGNING_KEY));
  const rnd = random(20261128);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const now = new Date();
  let consentCount = 0;
  let withdrawnCount = 0;
  let returns: ReturnType<typeof demoReturns> | null = null;
  for (let from = 0; from < count; from += BATCH) {
    const victims: Array<VictimRecord> = [];
    const consents: Array<Omit<ConsentRecord, '_id'>> = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      const victim = demoVictim(i, rnd, pick, identityKey, now);
      if (i % 3 === 0) {
        // a third of the victims consented to cross-border sharing
        const consent = demoConsent(victim, rnd, pick, now, i % 5 === 0);
        consents.push(consent);
        if (consentIsActive(consent as ConsentRecord, now)) victim.sharedWith = consent.granteeJurisdictions;
      }
      victims.push(victim);
    }
    // The returns go to victims of the first batch (before their records are written: they change status and sharing).
    const returned = from === 0 ? (returns = demoReturns(victims, now, (v) => (v.dateOfBirth && v.legalName ? identityHash(identityKey, v.legalName, v.dateOfBirth, v.nationality) : null))) : null;
    await models.victims.createMany(victims);
    await models.consents.createMany([...consents, ...(returned?.consents ?? [])]);
    if (returned) {
      await models.returnPlans.createMany(returned.returnPlans);
      await models.reintegrationPlans.createMany(returned.reintegrationPlans);
    }
    await audit.append(SEED_CALLER, 'demo data', [
      ...victims.map((v) => change('REGISTER', String(v._id), ['dateOfBirth', 'gender', 'legalName', 'nationality'])),
      ...consents.map((c) => change('CONSENT_GRANTED', String(c.victimId), c.categories)),
      ...consents.filter((c) => c.withdrawnAt).map((c) => change('CONSENT_WITHDRAWN', String(c.victimId), c.categories)),
      ...(returned?.events.map((e) => e.entry) ?? []),
    ]);
    consentCount += consents.length;
    withdrawnCount += consents.filter((c) => c.withdrawnAt).length;
  }
  log(`Seeded ${count} synthetic victims across ${JURISDICTIONS.length} jurisdictions in ${Object.keys(DEMO_REGIONS).length} regions, registered over the last ${DEMO_QUARTERS} quarters.`);
  log(`Seeded ${consentCount} consents (${withdrawnCount} withdrawn), and their audit history.`);
  if (returns) log(`Seeded ${returns.returnPlans.length} returns home (${returns.consents.length} consents for them) and ${returns.reintegrationPlans.length} reintegration plans, and their audit history.`);
  return true;
}

const SEED_CALLER: Caller = { sub: 'seed', role: 'social_worker', jurisdiction: 'none', org: 'demo data', issuer: 'seed', oversight: [] };

function change(action: string, subjectId: string, fields: string[]): AuditEntry {
  return { action, subjectType: 'Victim', subjectId, fields: [...fields].sort(), deniedFields: [], decision: 'ALLOW', bases: [] };
}

function demoVictim(i: number, rnd: () => number, pick: <T>(list: T[]) => T, identityKey: string, now: Date): VictimRecord {
  const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length];
  const nationality = pick(NATIONALITIES);
  const legalName = `${pick(GIVEN)} ${pick(FAMILY)}`;
  const year = 1965 + Math.floor(rnd() * 45);
  const dateOfBirth = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const knownBirth = rnd() > 0.1;
  const screened = rnd() > 0.2;
  const status = pick(STATUSES);
  // Registered within the last eight quarters (the indicators show trends); each later step after the one before.
  const registeredAt = demoInstant(rnd, now);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const identifiedOn = IDENTIFIED_STATUSES.includes(status) ? day(demoLater(registeredAt, 10 + Math.floor(rnd() * 110), now)) : null;
  const recoveryStarts = status === VictimStatus.IN_RECOVERY_PERIOD || rnd() > 0.7 ? demoLater(registeredAt, Math.floor(rnd() * 10), now) : null;
  const recoveryDays = 30 + 15 * Math.floor(rnd() * 5);
  const victim = {
    _id: demoVictimId(i),
    caseReference: `${jurisdiction}-DEMO-${String(i + 1).padStart(6, '0')}`,
    jurisdiction,
    status,
    gender: pick([Gender.FEMALE, Gender.FEMALE, Gender.MALE, Gender.NON_BINARY]),
    nationality,
    languages: [pick(LANGUAGES), 'en'].filter((v, k, a) => a.indexOf(v) === k),
    ageGroup: knownBirth ? null : pick([AgeGroup.AGE_9_17, AgeGroup.AGE_18_20, AgeGroup.AGE_24_26]),
    legalName,
    dateOfBirth: knownBirth ? dateOfBirth : null,
    contactPhone: rnd() > 0.3 ? `+3${Math.floor(1e9 + rnd() * 8e9)}` : null,
    currentLocality: rnd() > 0.5 ? pick(['Tirana', 'Belgrade', 'Berlin', 'Vienna', 'Rome', 'Athens']) : null,
    vulnerabilities: rnd() > 0.6 ? [pick(Object.values(Vulnerability))] : [],
    interpretationLanguage: rnd() > 0.5 ? pick(LANGUAGES) : null,
    disabilityNeeds: [],
    nonPunishmentProtection: rnd() > 0.5,
    screenings: screened
      ? [
          {
            screenedAt: demoLater(registeredAt, Math.floor(rnd() * 14), now),
            assessor: `assessor-${1 + Math.floor(rnd() * 20)}`,
            formVersion: 'ILO-2009-adult-labour-v1',
            indicatorCodes: screeningIndicators(rnd, rnd() > 0.4),
            recordedBy: 'seed',
          },
        ]
      : [],
    recoveryPeriod: recoveryStarts
      ? { startsOn: day(recoveryStarts), endsOn: day(new Date(recoveryStarts.getTime() + recoveryDays * 86_400_000)), days: recoveryDays, grantedBy: 'seed' }
      : null,
    identification: identifiedOn ? { basis: pick(Object.values(IdentificationBasis)), note: null, identifiedOn, identifiedBy: 'seed', identifiedByRole: 'social_worker', recordedAt: new Date(`${identifiedOn}T12:00:00Z`) } : null,
    identityHash: knownBirth ? identityHash(identityKey, legalName, dateOfBirth, nationality) : null,
    sharedWith: [],
    registeredBy: 'seed',
    registeredAt,
  };
  return { ...victim, counted: { childAtRegistration: isChildOn(victim, registeredAt), identifiedOn } };
}

/** What the demo consents are for: the purposes, and the free text that says it (kept as a note). */
const DEMO_CONSENT_PURPOSES: Array<{ note: string; purposes: Purpose[] }> = [
  { note: 'repatriation planning', purposes: ['REPATRIATION', 'VICTIM_SUPPORT'] },
  { note: 'criminal proceedings', purposes: ['CRIMINAL_INVESTIGATION', 'PROSECUTION', 'ADJUDICATION'] },
  { note: 'legal aid handoff', purposes: ['LEGAL_REPRESENTATION'] },
  { note: 'shelter placement', purposes: ['SHELTER_PLACEMENT', 'VICTIM_SUPPORT'] },
];

/**
 * Demo consents written before purposes were a vocabulary carry one free-text `purpose`:
 * it becomes the note, and the purposes are those the demo text stood for (no free text
 * is left to decide on).
 */
async function migrateConsentPurposes(models: ReturnType<typeof victimModels>, log: (line: string) => void): Promise<void> {
  const old = (await models.Consent.collection.find({ purposes: { $exists: false } }).toArray()) as unknown as Array<{ _id: string; purpose?: string }>;
  for (const consent of old) {
    const known = DEMO_CONSENT_PURPOSES.find((p) => p.note === consent.purpose);
    await models.consents.update(consent._id, { purposes: known?.purposes ?? ['VICTIM_SUPPORT'], note: consent.purpose ?? null });
    await models.Consent.collection.updateOne({ _id: consent._id as never }, { $unset: { purpose: '' } });
  }
  if (old.length > 0) log(`Gave ${old.length} demo consents purposes from the vocabulary (their text kept as a note).`);
}

function demoConsent(victim: VictimRecord, rnd: () => number, pick: <T>(list: T[]) => T, now: Date, withdrawn: boolean): Omit<ConsentRecord, '_id'> {
  const others = JURISDICTIONS.filter((j) => j !== victim.jurisdiction);
  const categories: DataCategory[] = rnd() > 0.5 ? ['IDENTITY', 'CONTACT'] : ['IDENTITY', 'HEALTH', 'LOCATION'];
  return {
    victimId: victim._id,
    categories,
    granteeJurisdictions: [pick(others)],
    ...pick(DEMO_CONSENT_PURPOSES),
    grantedBy: 'seed',
    grantedAt: now,
    expiresAt: rnd() > 0.7 ? new Date(now.getTime() + 180 * 86_400_000) : null,
    withdrawnAt: withdrawn ? now : null,
    withdrawnBy: withdrawn ? 'seed' : null,
  };
}
