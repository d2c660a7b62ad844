import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { APPOINTED_ROLES, ROLES as ALL_ROLES, type Role } from '../platform/auth';
import { victimAccess } from '../subgraphs/victims/access';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { grantConsent } from './support/victims';

// Field-level authorization of victim data and the authorization of the victims mutations,
// through the gateway over real HTTP with real tokens. The expected outcome of every case
// comes from the tables below, written out by hand: never from the product's own decision.

type Category = 'CASE' | 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'LOCATION' | 'TESTIMONY';
/** Consent records are not victim data: they have a rule of their own. */
type FieldClass = Category | 'CONSENT_RECORDS';
const PROTECTED: Category[] = ['IDENTITY', 'CONTACT', 'HEALTH', 'LOCATION', 'TESTIMONY'];
const ROLES: Role[] = [...ALL_ROLES];

/** Protected categories each role may ever see (least privilege); CASE is open to every role. */
const PROFESSIONALS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];

const PROTECTED_SEEN_BY: Record<Role, Category[]> = {
  judge: PROTECTED,
  prosecutor: PROTECTED,
  law_enforcement: PROTECTED,
  social_worker: PROTECTED,
  legal_aid_attorney: PROTECTED,
  shelter_staff: ['HEALTH', 'LOCATION'],
  accreditation_officer: [],
  partner_system: [],
  auditor: [],
  registrar: [],
  defence_counsel: [],
};

const FIELD_CATEGORY: Record<string, FieldClass> = {
  caseReference: 'CASE',
  jurisdiction: 'CASE',
  status: 'CASE',
  ageGroup: 'CASE',
  gender: 'CASE',
  nationality: 'CASE',
  languages: 'CASE',
  nonPunishmentProtection: 'CASE',
  recoveryPeriod: 'CASE',
  closedAt: 'CASE',
  retainUntil: 'CASE',
  returnPlans: 'CASE',
  reintegration: 'CASE',
  consents: 'CONSENT_RECORDS',
  legalName: 'IDENTITY',
  dateOfBirth: 'IDENTITY',
  contactPhone: 'CONTACT',
  currentLocality: 'LOCATION',
  vulnerabilities: 'HEALTH',
  accommodations: 'HEALTH',
  screening: 'TESTIMONY',
  screenings: 'TESTIMONY',
  identification: 'TESTIMONY',
};

const VICTIM_QUERY = `query($id: ID!) { victim(id: $id) {
  id caseReference jurisdiction status ageGroup gender nationality languages nonPunishmentProtection
  recoveryPeriod { startsOn endsOn days } consents { categories granteeJurisdictions active }
  legalName dateOfBirth contactPhone currentLocality vulnerabilities
  accommodations { interpretationLanguage disabilityNeeds } screening { assessor formVersion }
} }`;

const PERSON = {
  dateOfBirth: '1990-05-17',
  nationality: 'UA',
  gender: 'FEMALE',
  languages: ['uk', 'ru'],
  contactPhone: '+380501234567',
  currentLocality: 'Lyon',
  vulnerabilities: ['PREGNANCY'],
  interpretationLanguage: 'uk',
  disabilityNeeds: ['step-free access'],
  nonPunishmentProtection: true,
};

interface ConsentView {
  categories: Category[];
  granteeJurisdictions: string[];
  active: boolean;
}

interface VictimFixture {
  id: string;
  caseReference: string;
  legalName: string;
  consents: ConsentView[];
}

const sorted = (consents: ConsentView[] | null) => (consents ? [...consents].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : null);

/** The answer a caller who may see everything gets (every field set by the fixture). */
function fullAnswer(victim: VictimFixture): Record<string, unknown> {
  return {
    caseReference: victim.caseReference,
    jurisdiction: 'FR',
    status: 'IN_RECOVERY_PERIOD',
    ageGroup: expect.stringMatching(/^AGE_/),
    gender: 'FEMALE',
    nationality: 'UA',
    languages: ['uk', 'ru'],
    nonPunishmentProtection: true,
    recoveryPeriod: { startsOn: '2026-01-10', endsOn: '2026-02-24', days: 45 },
    consents: sorted(victim.consents),
    legalName: victim.legalName,
    dateOfBirth: '1990-05-17',
    contactPhone: '+380501234567',
    currentLocality: 'Lyon',
    vulnerabilities: ['PREGNANCY'],
    accommodations: { interpretationLanguage: 'uk', disabilityNeeds: ['step-free access'] },
    screening: { assessor: 'M. Laurent', formVersion: 'ILO-2009/1' },
  };
}

let hub: TestHub;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const gql = (role: Role, jurisdiction: string, query: string, variables?: Record<string, unknown>) => hub.queryAs(role, jurisdiction, query, variables);

function expectNoErrors(res: GraphQLResponse) {
  expect(res.body.errors).toBeUndefined();
}

/** A victim of FR with every category filled in: screening and recovery period included. */
async function registerFullVictim(legalName: string): Promise<VictimFixture> {
  const registered = await gql('social_worker', 'FR', `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id caseReference } } }`, {
    input: { ...PERSON, legalName },
  });
  expectNoErrors(registered);
  const { id, caseReference } = registered.body.data.registerVictim.victim;
  const screened = await gql('social_worker', 'FR', `mutation($id: ID!, $input: RecordScreeningInput!) { recordScreening(victimId: $id, input: $input) { id } }`, {
    id,
    input: { observedIndicators: ['DR_NATURE_OF_JOB', 'CR_DOCUMENTS'], assessor: 'M. Laurent', formVersion: 'ILO-2009/1' },
  });
  expectNoErrors(screened);
  const recovery = await gql('social_worker', 'FR', `mutation($id: ID!) { startRecoveryPeriod(victimId: $id, input: { startsOn: "2026-01-10", days: 45 }) { id } }`, { id });
  expectNoErrors(recovery);
  return { id, caseReference, legalName, consents: [] };
}

async function consentTo(victim: VictimFixture, categories: Category[], granteeJurisdictions: string[]): Promise<string> {
  const id = await grantConsent(hub, victim.id, 'FR', { categories, granteeJurisdictions });
  victim.consents.push({ categories, granteeJurisdictions, active: true });
  return id;
}

/**
 * Asks every field at once; fields of the visible categories carry their value, every other
 * field is null with exactly one FORBIDDEN error at its path.
 */
async function expectVisible(role: Role, jurisdiction: string, victim: VictimFixture, protectedVisible: Category[]) {
  const res = await gql(role, jurisdiction, VICTIM_QUERY, { id: victim.id });
  // Defence counsel never knows of a victim, in her jurisdiction or one a consent names (decision 111).
  if (APPOINTED_ROLES.includes(role)) {
    expect(res.body).toEqual({ data: { victim: null } });
    return;
  }
  // Another jurisdiction's victim is there at all only while an active consent names the caller's jurisdiction.
  if (jurisdiction !== 'FR' && !victim.consents.some((c) => c.active && c.granteeJurisdictions.includes(jurisdiction))) {
    expect(res.body).toEqual({ data: { victim: null } });
    return;
  }
  const visible = new Set<FieldClass>(['CASE', ...protectedVisible]);
  // Consent records: the auditor of the victim's jurisdiction; professionals where they see
  // any protected data (own jurisdiction: all of them; named by an active consent: only the
  // consents naming their jurisdiction, narrowed to it); nobody else.
  const own = jurisdiction === 'FR';
  if ((role === 'auditor' && own) || (PROFESSIONALS.includes(role) && protectedVisible.length > 0)) visible.add('CONSENT_RECORDS');
  const shownConsents = own
    ? victim.consents
    : victim.consents.filter((c) => c.granteeJurisdictions.includes(jurisdiction)).map((c) => ({ ...c, granteeJurisdictions: [jurisdiction] }));
  const full = { ...fullAnswer(victim), consents: sorted(shownConsents) };
  const expected = Object.fromEntries(Object.entries(full).map(([field, value]) => [field, visible.has(FIELD_CATEGORY[field]) ? value : null]));
  const denied = Object.keys(full).filter((field) => !visible.has(FIELD_CATEGORY[field]));
  const answer = res.body.data.victim;
  expect({ ...answer, consents: sorted(answer.consents) }).toEqual({ id: victim.id, ...expected });
  expect(errorCodes(res.body)).toEqual(Object.fromEntries(denied.map((field) => [`victim.${field}`, 'FORBIDDEN'])));
  expect(res.body.errors ?? []).toHaveLength(denied.length);
}

const seenWith = (role: Role, consented: Category[]) => PROTECTED_SEEN_BY[role].filter((c) => consented.includes(c));

describe('the tables of this suite', () => {
  it('classify every Victim field of the schema, as the victims subgraph does', () => {
    const sdl = parse(readFileSync(path.join(__dirname, '../schema/victims.graphql'), 'utf8'));
    const victimType = sdl.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Victim')!;
    const fields = victimType.fields!.map((f) => f.name.value).filter((name) => name !== 'id');
    expect(Object.keys(FIELD_CATEGORY).sort()).toEqual(fields.sort());
    expect(victimAccess.fields).toEqual(FIELD_CATEGORY);
  });
});

describe('victim fields by role, category and jurisdiction', () => {
  /** Consent of the shared victim: one category to each jurisdiction. */
  const ONE_CATEGORY_EACH: Array<[Category, string]> = [
    ['IDENTITY', 'AT'],
    ['CONTACT', 'BE'],
    ['HEALTH', 'NL'],
    ['LOCATION', 'PL'],
    ['TESTIMONY', 'CZ'],
  ];
  let unshared: VictimFixture; // no consent at all
  let shared: VictimFixture; // consents as in ONE_CATEGORY_EACH

  beforeAll(async () => {
    unshared = await registerFullVictim('Olena Kovalenko');
    shared = await registerFullVictim('Iryna Shevchenko');
    for (const [category, jurisdiction] of ONE_CATEGORY_EACH) await consentTo(shared, [category], [jurisdiction]);
  });

  const situations: Array<{ situation: string; victim: () => VictimFixture; caller: string; consented: Category[] }> = [
    { situation: 'own jurisdiction', victim: () => unshared, caller: 'FR', consented: PROTECTED },
    { situation: 'own jurisdiction, consents elsewhere change nothing', victim: () => shared, caller: 'FR', consented: PROTECTED },
    { situation: 'foreign, no consent', victim: () => unshared, caller: 'DE', consented: [] },
    { situation: 'foreign, consents only for other jurisdictions', victim: () => shared, caller: 'DE', consented: [] },
    ...ONE_CATEGORY_EACH.map(([category, jurisdiction]) => ({
      situation: `foreign, consent for ${category} to ${jurisdiction} (other categories consented to other jurisdictions only)`,
      victim: () => shared,
      caller: jurisdiction,
      consented: [category],
    })),
  ];
  const cases = ROLES.flatMap((role) => situations.map((s) => ({ role, ...s })));

  test.each(cases)('$role, $situation', async ({ role, victim, caller, consented }) => {
    await expectVisible(role, caller, victim(), seenWith(role, consented));
  });

  describe('withdrawal takes effect on the very next request', () => {
    let victim: VictimFixture;
    let consentId: string;

    beforeAll(async () => {
      victim = await registerFullVictim('Mariia Bondarenko');
      consentId = await consentTo(victim, PROTECTED, ['IT', 'ES']);
    });

    test.each(ROLES)('%s in IT, consent active: sees what the role may see', async (role) => {
      await expectVisible(role, 'IT', victim, seenWith(role, PROTECTED));
    });

    it('the social worker of FR withdraws the consent', async () => {
      const res = await gql('social_worker', 'FR', `mutation($id: ID!) { withdrawConsent(consentId: $id) { active withdrawnAt } }`, { id: consentId });
      expectNoErrors(res);
      expect(res.body.data.withdrawConsent).toEqual({ active: false, withdrawnAt: expect.any(String) });
      victim.consents[0].active = false;
    });

    test.each(ROLES)('%s in IT, consent withdrawn: sees CASE data only', async (role) => {
      await expectVisible(role, 'IT', victim, []);
    });
  });
});

const REGISTER = `mutation($input: RegisterVictimInput!) {
  registerVictim(input: $input) { victim { id jurisdiction caseReference status } possibleDuplicates { jurisdiction caseReference } }
}`;
const stored = (filter: Record<string, unknown>) => hub.subgraphs.victims.connection.collection('victims').countDocuments(filter);

describe('registerVictim', () => {
  const REGISTRARS: Role[] = ['social_worker', 'law_enforcement'];

  test.each(ROLES.map((role) => ({ role, allowed: REGISTRARS.includes(role) })))('$role may register: $allowed', async ({ role, allowed }) => {
    const legalName = `Registered By ${role}`;
    const res = await gql(role, 'DE', REGISTER, { input: { ...PERSON, legalName } });
    if (allowed) {
      expectNoErrors(res);
      expect(res.body.data.registerVictim.victim).toEqual({
        id: expect.any(String),
        jurisdiction: 'DE', // the caller's, always
        caseReference: expect.stringMatching(/^DE-\d{4}-[A-Z2-9]{6}$/),
        status: 'PRESUMED',
      });
      expect(await stored({ legalName })).toBe(1);
    } else {
      expect(res.body.data).toBeNull();
      expect(errorCodes(res.body)).toEqual({ registerVictim: 'FORBIDDEN' });
      expect(await stored({ legalName })).toBe(0);
    }
  });

  it('without a token: UNAUTHENTICATED and nothing stored', async () => {
    const res = await hub.query(null, REGISTER, { input: { ...PERSON, legalName: 'Anonymous Attempt' } });
    expect(errorCodes(res.body)).toEqual({ registerVictim: 'UNAUTHENTICATED' });
    expect(await stored({ legalName: 'Anonymous Attempt' })).toBe(0);
  });

  it('reports the same person registered in another jurisdiction, by jurisdiction and case reference only', async () => {
    const first = await gql('social_worker', 'ES', REGISTER, {
      input: { legalName: 'José María García Pérez', dateOfBirth: '1985-02-03', nationality: 'CO', gender: 'MALE' },
    });
    expectNoErrors(first);
    expect(first.body.data.registerVictim.possibleDuplicates).toEqual([]);
    const spain = first.body.data.registerVictim.victim;

    // Same person, written without accents and in another order, registered by the police of PT.
    const second = await gql('law_enforcement', 'PT', REGISTER, {
      input: { legalName: 'GARCIA PEREZ, Jose Maria', dateOfBirth: '1985-02-03', nationality: 'CO', gender: 'MALE' },
    });
    expectNoErrors(second);
    expect(second.body.data.registerVictim.possibleDuplicates).toEqual([{ jurisdiction: 'ES', caseReference: spain.caseReference }]);
    expect(JSON.stringify(second.body)).not.toMatch(/Jos[eé]|Garc[ií]a|P[eé]rez|1985/);
    expect(JSON.stringify(second.body)).not.toContain(spain.id);

    // The duplicate type offers nothing else to ask for.
    const probing = await gql('law_enforcement', 'PT', `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { possibleDuplicates { legalName } } }`, {
      input: { legalName: 'Jose Garcia', dateOfBirth: '1985-02-03', nationality: 'CO', gender: 'MALE' },
    });
    expect(probing.status).toBe(400);
    expect(probing.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Another date of birth or nationality is another person.
    for (const other of [{ dateOfBirth: '1985-02-04', nationality: 'CO' }, { dateOfBirth: '1985-02-03', nationality: 'VE' }]) {
      const res = await gql('social_worker', 'PT', REGISTER, { input: { legalName: 'Jose Maria Garcia Perez', gender: 'MALE', ...other } });
      expectNoErrors(res);
      expect(res.body.data.registerVictim.possibleDuplicates).toEqual([]);
    }
  });
});

describe('recordScreening and startRecoveryPeriod', () => {
  const SCREEN = `mutation($id: ID!, $input: RecordScreeningInput!) {
    recordScreening(victimId: $id, input: $input) { id screening { assessor formVersion indicators { code } } }
  }`;
  const RECOVERY = `mutation($id: ID!, $input: StartRecoveryPeriodInput) {
    startRecoveryPeriod(victimId: $id, input: $input) { id status recoveryPeriod { startsOn endsOn days } }
  }`;
  const screening = { observedIndicators: ['CR_VIOLENCE', 'CR_DEBT_BONDAGE'], assessor: 'K. Nowak', formVersion: 'ILO-2009/1' };
  const SCREENERS: Role[] = ['social_worker', 'law_enforcement'];
  const RECOVERY_GRANTERS: Role[] = ['social_worker', 'law_enforcement', 'prosecutor', 'judge'];

  async function newVictim(): Promise<string> {
    const res = await gql('social_worker', 'DE', REGISTER, { input: { ...PERSON, legalName: 'Anna Schmidt' } });
    expectNoErrors(res);
    return res.body.data.registerVictim.victim.id;
  }
  const storedVictim = (id: string) => hub.subgraphs.victims.connection.collection<{ _id: string } & Record<string, any>>('victims').findOne({ _id: id });

  test.each(ROLES.map((role) => ({ role, allowed: SCREENERS.includes(role) })))('recordScreening: $role of the victim\'s jurisdiction allowed: $allowed', async ({ role, allowed }) => {
    const id = await newVictim();
    const res = await gql(role, 'DE', SCREEN, { id, input: screening });
    if (allowed) {
      expectNoErrors(res);
      expect(res.body.data.recordScreening).toEqual({
        id,
        screening: { assessor: 'K. Nowak', formVersion: 'ILO-2009/1', indicators: [{ code: 'CR_VIOLENCE' }, { code: 'CR_DEBT_BONDAGE' }] },
      });
      expect((await storedVictim(id))!.screenings).toHaveLength(1);
    } else {
      expect(errorCodes(res.body)).toEqual({ recordScreening: 'FORBIDDEN' });
      expect((await storedVictim(id))!.screenings).toEqual([]);
    }
  });

  test.each(SCREENERS)('recordScreening: %s of another jurisdiction gets NOT_FOUND (as for an unknown id) and nothing is stored', async (role) => {
    const id = await newVictim();
    const res = await gql(role, 'FR', SCREEN, { id, input: screening });
    expect(errorCodes(res.body)).toEqual({ recordScreening: 'NOT_FOUND' });
    expect(res.body.errors![0].message).toBe(`Victim ${id} was not found`);
    expect((await storedVictim(id))!.screenings).toEqual([]);
  });

  test.each(ROLES.map((role) => ({ role, allowed: RECOVERY_GRANTERS.includes(role) })))('startRecoveryPeriod: $role of the victim\'s jurisdiction allowed: $allowed', async ({ role, allowed }) => {
    const id = await newVictim();
    const res = await gql(role, 'DE', RECOVERY, { id, input: { startsOn: '2026-03-01', days: 30 } });
    if (allowed) {
      expectNoErrors(res);
      expect(res.body.data.startRecoveryPeriod).toEqual({
        id,
        status: 'IN_RECOVERY_PERIOD',
        recoveryPeriod: { startsOn: '2026-03-01', endsOn: '2026-03-31', days: 30 },
      });
    } else {
      expect(errorCodes(res.body)).toEqual({ startRecoveryPeriod: 'FORBIDDEN' });
      expect((await storedVictim(id))!.recoveryPeriod).toBeNull();
    }
  });

  it('startRecoveryPeriod: a judge of another jurisdiction gets NOT_FOUND (as for an unknown id) and nothing is stored', async () => {
    const id = await newVictim();
    const res = await gql('judge', 'FR', RECOVERY, { id, input: { days: 60 } });
    expect(errorCodes(res.body)).toEqual({ startRecoveryPeriod: 'NOT_FOUND' });
    expect(await storedVictim(id)).toMatchObject({ recoveryPeriod: null, status: 'PRESUMED' });
  });

  it('startRecoveryPeriod: fewer than 30 days is BAD_USER_INPUT naming input.days, and nothing is stored', async () => {
    const id = await newVictim();
    const res = await gql('social_worker', 'DE', RECOVERY, { id, input: { days: 29 } });
    expect(errorCodes(res.body)).toEqual({ startRecoveryPeriod: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('input.days');
    expect(await storedVictim(id)).toMatchObject({ recoveryPeriod: null, status: 'PRESUMED' });
  });

  it('startRecoveryPeriod without input defaults to 30 days', async () => {
    const id = await newVictim();
    const res = await gql('prosecutor', 'DE', RECOVERY, { id });
    expectNoErrors(res);
    expect(res.body.data.startRecoveryPeriod.recoveryPeriod.days).toBe(30);
  });
});
