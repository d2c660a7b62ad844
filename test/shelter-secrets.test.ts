import { PURPOSES } from '../platform/purposes';
import { startHub, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// A SECRET_LOCATION shelter's whereabouts (its address, its phone, and the pickup of a
// transport to court, written at its door) reach only its own staff and the police of its
// jurisdiction — by every path that leads to them, through the gateway and on the shelters
// subgraph directly. Each answer is searched whole for the secret texts, so a path nobody
// thought of is caught too. (None of the texts contains an id: no chance in the search.)

const ADDRESS = 'Verborgene Gasse 7, 10115 Berlin';
const PHONE = '+49 30 555 0199';
const PICKUP = 'Verborgene Gasse 7, Hintereingang';
const SECRETS = ['Verborgene Gasse', '555 0199'];

let hub: TestHub;
let shelter: string;
/** Two victims placed there, each with a hearing at home and a transport to it: one of AT (placed abroad under her consent), one of DE. */
const of: Record<'AT' | 'DE', { victim: string; placement: string; proceeding: string; hearing: string }> = { AT: {} as never, DE: {} as never };

/** Callers as `role/jurisdiction[/org]`. Only the first two may know where the shelter is. */
const KNOW = ['shelter_staff/DE/ngo-hidden', 'law_enforcement/DE'];
const CALLERS = [
  ...KNOW,
  'law_enforcement/AT',
  'social_worker/DE',
  'social_worker/AT',
  'shelter_staff/DE/ngo-other',
  'shelter_staff/AT/ngo-hidden',
  'judge/DE',
  'prosecutor/DE',
  'judge/AT',
  'legal_aid_attorney/DE',
  'partner_system/DE',
  'auditor/DE',
];
const tokenOf = (caller: string) => {
  const [role, jurisdiction, org] = caller.split('/');
  return hub.token(role, jurisdiction, org ? { org } : {});
};

async function ok(res: Promise<{ body: { data?: any; errors?: unknown[] } }>, field: string): Promise<string> {
  const { body } = await res;
  if (body.errors) throw new Error(`${field}: ${JSON.stringify(body.errors)}`);
  return body.data[field].id;
}

beforeAll(async () => {
  hub = await startHub();
  const staff = await tokenOf('shelter_staff/DE/ngo-hidden');
  shelter = await ok(hub.query(await tokenOf('registrar/DE'), `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, {
    input: {
      name: 'Haus am Wald', operator: 'ngo-hidden', city: 'Berlin', capacity: 5, services: ['PSYCHOLOGICAL'], accessibility: [], acceptsGenders: ['FEMALE'],
      maxStayDays: 180, languages: ['de'], securityLevel: 'SECRET_LOCATION', address: ADDRESS, phone: PHONE,
    },
  }), 'registerShelter');
  for (const home of ['AT', 'DE'] as const) {
    const victim = await registerVictim(hub, home);
    if (home === 'AT') await grantConsent(hub, victim, 'AT', { categories: ['LOCATION', 'HEALTH'], granteeJurisdictions: ['DE'], purposes: PURPOSES });
    const from = new Date().toISOString().slice(0, 10);
    const placement = await ok(hub.queryAs('social_worker', home, `mutation($s: ID!, $v: ID!) { requestPlacement(shelterId: $s, victimId: $v, input: { from: "${from}" }) { id } }`, { s: shelter, v: victim }), 'requestPlacement');
    const proceeding = await ok(hub.queryAs('prosecutor', home, `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, {
      input: { caseNumber: `SECRET-${home}`, court: `Court ${home}`, kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] },
    }), 'openProceeding');
    const hearing = await ok(hub.queryAs('judge', home, `mutation($id: ID!) { scheduleHearing(proceedingId: $id, input: { scheduledAt: "2031-05-01T09:00:00Z", court: "Court ${home}", victimAppearance: IN_PERSON, safeTransportNeeded: true }) { id } }`, { id: proceeding }), 'scheduleHearing');
    await ok(hub.query(staff, `mutation($h: ID!, $v: ID!) { arrangeTransport(hearingId: $h, victimId: $v, input: { pickupLocation: "${PICKUP}", escort: POLICE, departAt: "2031-05-01T07:30:00Z" }) { id } }`, { h: hearing, v: victim }), 'arrangeTransport');
    of[home] = { victim, placement, proceeding, hearing };
  }
}, 120_000);
afterAll(() => hub.stop());

type Kind = 'Shelter' | 'Victim' | 'Placement' | 'Hearing';
const idsOf = (kind: Kind) => (kind === 'Shelter' ? [shelter] : (['AT', 'DE'] as const).map((home) => of[home][kind.toLowerCase() as 'victim' | 'placement' | 'hearing']));
const entities = (kind: Kind, selection: string) => ({
  query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${kind} { ${selection} } } }`,
  variables: () => ({ r: idsOf(kind).map((id) => ({ __typename: kind, id })) }),
});
const WHEREABOUTS = 'address phone';

interface Path {
  query: string;
  variables: () => Record<string, unknown>;
  /** Who must find it there; default: all who may know (a path may not lead some of them to it at all, e.g. staff to a proceeding). */
  reach?: string[];
}

const PATHS: Record<string, Path & { on: Array<'gateway' | 'subgraph'> }> = {
  'shelter(id)': { on: ['gateway', 'subgraph'], query: `query($id: ID!) { shelter(id: $id) { name ${WHEREABOUTS} } }`, variables: () => ({ id: shelter }) },
  'shelters(jurisdiction)': { on: ['gateway', 'subgraph'], query: `{ shelters(jurisdiction: "DE", first: 50) { edges { node { ${WHEREABOUTS} } } } }`, variables: () => ({}) },
  matchShelters: { on: ['gateway', 'subgraph'], query: `{ matchShelters(needs: { jurisdiction: "DE", securityLevel: SECRET_LOCATION }) { shelter { ${WHEREABOUTS} } } }`, variables: () => ({}) },
  'victim → placements, currentPlacement → shelter': {
    on: ['gateway'],
    query: `query($at: ID!, $de: ID!) { at: victim(id: $at) { ...where } de: victim(id: $de) { ...where } }
      fragment where on Victim { placements { shelter { ${WHEREABOUTS} } } currentPlacement { shelter { ${WHEREABOUTS} } } }`,
    variables: () => ({ at: of.AT.victim, de: of.DE.victim }),
    reach: ['shelter_staff/DE/ngo-hidden'], // the police read no placements
  },
  'proceeding → hearings → transport': {
    on: ['gateway'],
    query: `query($at: ID!, $de: ID!) { at: proceeding(id: $at) { ...trip } de: proceeding(id: $de) { ...trip } }
      fragment trip on Proceeding { hearings { transport { pickupLocation escort } } }`,
    variables: () => ({ at: of.AT.proceeding, de: of.DE.proceeding }),
    reach: ['law_enforcement/DE'], // shelter staff read no proceedings
  },
  '_entities Shelter': { on: ['subgraph'], ...entities('Shelter', WHEREABOUTS) },
  '_entities Placement → shelter': { on: ['subgraph'], ...entities('Placement', `shelter { ${WHEREABOUTS} }`), reach: ['shelter_staff/DE/ngo-hidden'] },
  '_entities Victim → placements → shelter': {
    on: ['subgraph'],
    ...entities('Victim', `placements { shelter { ${WHEREABOUTS} } } currentPlacement { shelter { ${WHEREABOUTS} } }`),
    reach: ['shelter_staff/DE/ngo-hidden'],
  },
  '_entities Hearing → transport': { on: ['subgraph'], ...entities('Hearing', 'transport { pickupLocation escort }') },
};

describe.each(Object.entries(PATHS).flatMap(([name, path]) => path.on.map((on) => [`${name} (${on})`, on, path] as const)))('%s', (_name, on, path) => {
  it('shows the secret whereabouts to its staff and the police of its jurisdiction, to nobody else', async () => {
    const found: string[] = [];
    for (const caller of CALLERS) {
      const res = await hub.query(await tokenOf(caller), path.query, path.variables(), on === 'subgraph' ? { url: hub.subgraphs.shelters.url } : {});
      expect([caller, res.status]).toEqual([caller, 200]);
      const text = JSON.stringify(res.body);
      if (SECRETS.some((secret) => text.includes(secret))) found.push(caller);
    }
    expect(found).toEqual(path.reach ?? KNOW);
  }, 60_000);
});

it('the transport of a secret shelter: escort and time for the social workers of either side, the pickup only for staff and police', async () => {
  const TRANSPORT = entities('Hearing', 'transport { escort departAt pickupLocation }');
  const read = async (caller: string) =>
    (await hub.query(await tokenOf(caller), TRANSPORT.query, TRANSPORT.variables(), { url: hub.subgraphs.shelters.url })).body.data._entities.map((h: any) => h.transport);
  const trip = (pickupLocation: string | null) => ({ escort: 'POLICE', departAt: '2031-05-01T07:30:00.000Z', pickupLocation });
  expect(await read('shelter_staff/DE/ngo-hidden')).toEqual([[trip(PICKUP)], [trip(PICKUP)]]);
  expect(await read('law_enforcement/DE')).toEqual([[trip(PICKUP)], [trip(PICKUP)]]);
  expect(await read('social_worker/DE')).toEqual([[trip(null)], [trip(null)]]);
  // The AT victim's social workers arrange her stay abroad: they know of her trip, not where it starts; the DE victim's trip is not theirs.
  expect(await read('social_worker/AT')).toEqual([[trip(null)], []]);
});
