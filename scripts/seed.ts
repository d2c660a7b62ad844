import 'reflect-metadata';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../subgraphs/common/db';
import { openDevEnvironment } from './dev-env';
import { identityHash } from '../subgraphs/victims/identity';
import { ILO_INDICATORS } from '../subgraphs/victims/ilo-indicators';
import { victimModels } from '../subgraphs/victims/models';
import { AgeGroup, Gender, VictimStatus, Vulnerability } from '../subgraphs/victims/types/enums';
import type { DataCategory } from '../subgraphs/victims/access';

/** Demo regions and their jurisdictions (synthetic data only; no real person). */
export const DEMO_REGIONS: Record<string, string[]> = {
  'Western Balkans': ['AL', 'RS'],
  'Central Europe': ['DE', 'AT'],
  'Southern Europe': ['IT', 'GR'],
};
const JURISDICTIONS = Object.values(DEMO_REGIONS).flat();
const NATIONALITIES = ['AL', 'RS', 'NG', 'UA', 'RO', 'VN', 'MD', 'BG', 'ER', 'PH'];
const GIVEN = ['Ana', 'Mira', 'Elena', 'Ivan', 'Joy', 'Linh', 'Olena', 'Blessing', 'Arben', 'Maria', 'Dritan', 'Nadia', 'Tuan', 'Rosa', 'Petru'];
const FAMILY = ['Hoxha', 'Petrović', 'Okafor', 'Kovalenko', 'Popescu', 'Nguyen', 'Rusu', 'Ivanova', 'Tesfaye', 'Santos', 'Berisha', 'Marković'];
const LANGUAGES = ['sq', 'sr', 'en', 'uk', 'ro', 'vi', 'ru', 'bg', 'ti', 'tl'];
const STATUSES = Object.values(VictimStatus);

/** Small deterministic PRNG (mulberry32): the same demo data on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export async function seedDemoData(connection: Connection, identityKey: string, count = 300, log: (line: string) => void = console.log): Promise<boolean> {
  const { Victim, Consent } = victimModels(connection, identityKey);
  if ((await Victim.estimatedDocumentCount()) > 0) {
    log('Demo data already present; not seeding again.');
    return false;
  }
  const rnd = random(20261128);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const now = new Date();
  const victims = [];
  for (let i = 0; i < count; i++) {
    const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length];
    const nationality = pick(NATIONALITIES);
    const legalName = `${pick(GIVEN)} ${pick(FAMILY)}`;
    const year = 1965 + Math.floor(rnd() * 45);
    const dateOfBirth = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const knownBirth = rnd() > 0.1;
    const screened = rnd() > 0.2;
    victims.push({
      caseReference: `${jurisdiction}-DEMO-${String(i + 1).padStart(4, '0')}`,
      jurisdiction,
      status: pick(STATUSES),
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
              screenedAt: new Date(now.getTime() - Math.floor(rnd() * 300) * 86_400_000),
              assessor: `assessor-${1 + Math.floor(rnd() * 20)}`,
              formVersion: 'ILO-2009-adult-labour-v1',
              indicatorCodes: screeningIndicators(rnd, rnd() > 0.4),
              recordedBy: 'seed',
            },
          ]
        : [],
      recoveryPeriod: null,
      identityHash: knownBirth ? identityHash(identityKey, legalName, dateOfBirth, nationality) : null,
      registeredBy: 'seed',
      registeredAt: now,
    });
  }
  const inserted = await Victim.insertMany(victims, { lean: true });
  log(`Seeded ${inserted.length} synthetic victims across ${JURISDICTIONS.length} jurisdictions in ${Object.keys(DEMO_REGIONS).length} regions.`);

  const consents = [];
  for (const [i, victim] of inserted.entries()) {
    if (i % 3 !== 0) continue; // a third of the victims consented to cross-border sharing
    const own = victim.jurisdiction;
    const others = JURISDICTIONS.filter((j) => j !== own);
    const categories: DataCategory[] = rnd() > 0.5 ? ['IDENTITY', 'CONTACT'] : ['IDENTITY', 'HEALTH', 'LOCATION'];
    const withdrawn = i % 5 === 0;
    consents.push({
      victimId: victim._id,
      categories,
      granteeJurisdictions: [pick(others)],
      purpose: pick(['repatriation planning', 'criminal proceedings', 'legal aid handoff', 'shelter placement']),
      grantedBy: 'seed',
      grantedAt: now,
      expiresAt: rnd() > 0.7 ? new Date(now.getTime() + 180 * 86_400_000) : null,
      withdrawnAt: withdrawn ? now : null,
      withdrawnBy: withdrawn ? 'seed' : null,
    });
  }
  await Consent.insertMany(consents);
  log(`Seeded ${consents.length} consents (${consents.filter((c) => c.withdrawnAt).length} withdrawn).`);
  return true;
}

if (require.main === module) {
  // `npm run seed`: seeds the database at MONGODB_URI, or the embedded one in .data/.
  (async () => {
    const env = await openDevEnvironment();
    try {
      const connection = await connectDatabase(env.mongoUri, 'victims');
      await seedDemoData(connection, env.identityKey);
      await connection.close();
    } finally {
      await env.stop();
    }
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
