import { startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Metrics and logs (platform/metrics.ts, platform/logging.ts): what operators see, and
// that none of it is personal.

/** Every JSON line every service of the hub wrote, collected in memory. */
const lines: string[] = [];
const destination = { write: (line: string) => void lines.push(line) };
const records = () => lines.map((line) => JSON.parse(line) as Record<string, any>);

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ logLevel: 'debug', logDestination: destination });
});
afterAll(() => hub.stop());

// Distinctive personal data: none of it may appear in any service's log.
const PEOPLE = [
  { legalName: 'Zorislava Quintbrook', contactPhone: '+380509876543', dateOfBirth: '1987-03-29', currentLocality: 'Quellbrunnhausen' },
  { legalName: 'Ymelda Farrowgate', contactPhone: '+4915198765432', dateOfBirth: '1994-11-07', currentLocality: 'Vexmoorfeld' },
];
const BAD_INPUT = { legalName: 'Wenceslaus Oxtrander', contactPhone: '+393331112223', dateOfBirth: '2001-13-45' };
const CALLER_SUB = 'caseworker.ilsabet.krummholz@de.example';
const PERSONAL = [...PEOPLE.flatMap((p) => Object.values(p)), ...Object.values(BAD_INPUT), CALLER_SUB];

const PROFILE = `query VictimProfile($id: ID!) {
  victim(id: $id) { id caseReference legalName contactPhone dateOfBirth currentLocality nationality placements { id } proceedings { id } }
}`;

/** POST to the gateway, with the response's headers. */
async function ask(token: string | null, query: string, variables: object, headers: Record<string, string> = {}) {
  const res = await fetch(hub.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> } };
}

/** The lines of one request, once the services named have written theirs (a line is written when its response is done). */
async function linesOf(requestId: string, services: string[]): Promise<Array<Record<string, any>>> {
  for (const deadline = Date.now() + 3_000; ; ) {
    const found = records().filter((r) => r.requestId === requestId);
    if (services.every((s) => found.some((r) => r.service === s)) || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const victimIds: string[] = [];
let socialWorker: string;

beforeAll(async () => {
  for (const person of PEOPLE) victimIds.push(await registerVictim(hub, 'DE', person));
  socialWorker = await hub.token('social_worker', 'DE', { sub: CALLER_SUB });
});

describe('logs', () => {
  it('one request id is followed through the gateway and every subgraph it calls, and sent back', async () => {
    const requestId = 'obs-trace-0001';
    const res = await ask(socialWorker, PROFILE, { id: victimIds[0] }, { 'x-purpose': 'VICTIM_SUPPORT', 'x-request-id': requestId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.victim.legalName).toBe(PEOPLE[0].legalName);
    expect(res.requestId).toBe(requestId);

    const seen = await linesOf(requestId, ['gateway', 'victims', 'shelters', 'proceedings']);
    const gateway = seen.find((r) => r.service === 'gateway' && r.msg === 'request');
    expect(gateway).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200, operation: 'VictimProfile', role: 'social_worker', jurisdiction: 'DE' });
    expect(typeof gateway!.durationMs).toBe('number');
    for (const service of ['victims', 'shelters', 'proceedings']) {
      const line = seen.find((r) => r.service === service && r.msg === 'request');
      // The subgraph's own line: the caller's role and jurisdiction from the token it verified itself.
      expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, role: 'social_worker', jurisdiction: 'DE' });
      expect(line!.operation).toMatch(/^VictimProfile/);
    }
  });

  it('the gateway makes an id when none (or an unsafe one) is sent, and passes it on', async () => {
    const made = await ask(socialWorker, PROFILE, { id: victimIds[1] }, { 'x-purpose': 'VICTIM_SUPPORT' });
    expect(made.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const seen = await linesOf(made.requestId!, ['gateway', 'victims']);
    expect(seen.filter((r) => r.msg === 'request').map((r) => r.service)).toEqual(expect.arrayContaining(['gateway', 'victims', 'shelters', 'proceedings']));

    for (const unsafe of ['has spaces and "quotes"', 'x'.repeat(129)]) {
      const res = await ask(socialWorker, PROFILE, { id: victimIds[1] }, { 'x-purpose': 'VICTIM_SUPPORT', 'x-request-id': unsafe });
      expect(res.requestId).not.toBe(unsafe);
      expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('an unexpected error is logged where it happened, with the request id, never its message', async () => {
    const requestId = 'obs-internal-0001';
    jest.spyOn(hub.subgraphs.victims.connection.models.Victim, 'find').mockImplementationOnce(() => {
      throw new Error('stored value quoted here');
    });
    const res = await ask(socialWorker, PROFILE, { id: victimIds[0] }, { 'x-purpose': 'VICTIM_SUPPORT', 'x-request-id': requestId });
    jest.restoreAllMocks();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.body)).not.toContain('stored value');

    const seen = await linesOf(requestId, ['gateway', 'victims']);
    const logged = seen.filter((r) => r.msg === 'internal error');
    expect(logged).toEqual([expect.objectContaining({ service: 'victims', level: 'error', requestId, error: expect.objectContaining({ type: 'Error', stack: expect.stringContaining('at ') }) })]);
    expect(JSON.stringify(logged)).not.toContain('stored value');
  });

  it('no personal data in the logs of any service: reads, denials, bad input, bad tokens', async () => {
    // Allowed reads of protected fields, with a purpose.
    for (const id of victimIds) {
      const res = await ask(socialWorker, PROFILE, { id }, { 'x-purpose': 'VICTIM_SUPPORT' });
      expect(res.body.data.victim.contactPhone).toBeTruthy();
    }
    // Denied: no purpose; a role that never sees IDENTITY; another jurisdiction.
    const noPurpose = await ask(socialWorker, PROFILE, { id: victimIds[0] });
    expect(noPurpose.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const shelter = await ask(await hub.token('shelter_staff', 'DE'), PROFILE, { id: victimIds[0] }, { 'x-purpose': 'SHELTER_PLACEMENT' });
    expect(shelter.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    await ask(await hub.token('judge', 'AT'), PROFILE, { id: victimIds[1] }, { 'x-purpose': 'ADJUDICATION' });
    // Bad input, answered BAD_USER_INPUT, and a token that does not verify.
    const bad = await hub.query(socialWorker, `mutation Register($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id } } }`, {
      input: { ...BAD_INPUT, nationality: 'UA', gender: 'FEMALE' },
    });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ask('not.a.token', PROFILE, { id: victimIds[0] })).status).toBe(401);
    // Every subgraph writes too (probes are logged at debug).
    for (const subgraph of Object.values(hub.subgraphs)) await fetch(new URL('/health', subgraph.url));
    await new Promise((r) => setTimeout(r, 200));

    const services = new Set(records().map((r) => r.service));
    expect([...services].sort()).toEqual(['gateway', ...Object.keys(hub.subgraphs)].sort());
    const all = lines.join('').toLowerCase();
    for (const value of PERSONAL) expect(all).not.toContain(value.toLowerCase());
    // Nor the phone's digits without the plus, nor the date in another order.
    expect(all).not.toContain('380509876543');
    expect(all).not.toContain('29.03.1987');
    for (const record of records()) {
      expect(record).not.toHaveProperty('variables');
      expect(record).not.toHaveProperty('query');
      expect(record).not.toHaveProperty('authorization');
    }
  });
});

describe('/metrics', () => {
  const metricsOf = async (url: string) => {
    const res = await fetch(new URL('/metrics', url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  /** The value of the sample `name` whose labels include `labels` (in any order), or undefined. */
  const sample = (text: string, name: string, labels: Record<string, string>): number | undefined => {
    for (const m of text.matchAll(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/gm)) {
      if (m[1] !== name) continue;
      const has = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
      if (Object.entries(labels).every(([k, v]) => has[k] === v)) return Number(m[3]);
    }
    return undefined;
  };
  /** Every label value in an exposition. */
  const labelValues = (text: string) => [...text.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    await ask(socialWorker, PROFILE, { id: victimIds[0] }, { 'x-purpose': 'VICTIM_SUPPORT' });
    await ask(await hub.token('shelter_staff', 'DE'), PROFILE, { id: victimIds[0] }, { 'x-purpose': 'SHELTER_PLACEMENT' });
  });

  it('the gateway: requests and latency per operation, fetches per subgraph, event-loop lag', async () => {
    const text = await metricsOf(hub.gateway.url);
    expect(text).toMatch(/^# TYPE hub_graphql_requests_total counter$/m);
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'VictimProfile', status: '200', service: 'gateway' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_graphql_request_duration_seconds_bucket', { le: '+Inf', operation: 'VictimProfile', service: 'gateway' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_subgraph_fetch_duration_seconds_count', { subgraph: 'victims' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_subgraph_fetch_duration_seconds_count', { subgraph: 'shelters' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_subgraph_fetch_errors_total', { subgraph: 'victims', kind: 'graphql' })).toBeGreaterThan(0); // the FORBIDDEN fields
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds', { service: 'gateway' })).toBeGreaterThanOrEqual(0);
  });

  it('a subgraph: its requests, authorization decisions by type, field and outcome, database commands, audit writes', async () => {
    const text = await metricsOf(hub.subgraphs.victims.url);
    // The gateway names a subgraph's part of an operation after it.
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'VictimProfile__victims__0', status: '200', service: 'victims' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_authorization_decisions_total', { type: 'Victim', field: 'legalName', outcome: 'allow' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_authorization_decisions_total', { type: 'Victim', field: 'legalName', outcome: 'deny' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_authorization_decisions_total', { type: 'Victim', field: 'contactPhone', outcome: 'allow' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_db_command_duration_seconds_count', { command: 'find', outcome: 'success' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_db_command_duration_seconds_bucket', { le: '+Inf', command: 'insert', outcome: 'success' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_audit_write_duration_seconds_count', { outcome: 'success' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_audit_write_failures_total', { service: 'victims' })).toBe(0);
    expect(sample(text, 'nodejs_eventloop_lag_max_seconds', { service: 'victims' })).toBeGreaterThanOrEqual(0);
  });

  it('no label value is an id, a name or anything else personal; every service has its own registry', async () => {
    for (const url of [hub.gateway.url, ...Object.values(hub.subgraphs).map((s) => s.url)]) {
      const text = await metricsOf(url);
      const values = labelValues(text);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).not.toMatch(/^[A-Za-z0-9_-]{22}$/);
      for (const id of victimIds) expect(text).not.toContain(id);
      for (const personal of PERSONAL) expect(text.toLowerCase()).not.toContain(personal.toLowerCase());
      const services = new Set([...text.matchAll(/service="([^"]+)"/g)].map((m) => m[1]));
      expect(services.size).toBe(1);
    }
  });

  it('operation names are bounded: one that is not a GraphQL name reads as invalid, none as anonymous', async () => {
    await ask(socialWorker, `{ __typename }`, {});
    await fetch(hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${socialWorker}` },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'A b' }),
    });
    const text = await metricsOf(hub.gateway.url);
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'anonymous', status: '200' })).toBeGreaterThan(0);
    expect(sample(text, 'hub_graphql_requests_total', { operation: 'invalid' })).toBeGreaterThan(0);
  });
});
