import { startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// The router guarantee: every request reaches the subgraph that decides it. The victims
// subgraph checks each caller's token and writes each caller's audit event, so a router
// that merged identical concurrent requests (single flight), cached or replayed a subgraph
// answer would leave reads unaudited and could hand one caller another's answer. N
// identical requests at once through the gateway must arrive N times at the subgraph
// (its own request counter, served at /metrics: counted outside the gateway's code),
// leave N reads in each subject's trail, and answer each caller with its own answer.

const N = 40;
const PAGE = 20;
const JURISDICTION = 'PL';
/** `me` and the page are one fetch from the victims subgraph: a merged fetch would answer another caller's `me`. */
const page = (operation: string) => `query ${operation} { me { subject } victims(first: ${PAGE}) { edges { node { id legalName } } } }`;
const TRAIL = `query($id: ID!, $after: String) { auditTrail(subjectType: "Victim", subjectId: $id) {
  events(first: 100, after: $after) { edges { node { actor action decision fields deniedFields } } pageInfo { hasNextPage endCursor } } } }`;

let hub: TestHub;
let subjects: string[];

beforeAll(async () => {
  hub = await startHub();
  // One after another: twenty registrations at once queue on the jurisdiction's list, and on a loaded machine the last waited past a lock's 15 s (CONFLICT).
  subjects = [];
  for (let i = 0; i < PAGE; i += 1) subjects.push(await registerVictim(hub, JURISDICTION));
}, 120_000);
afterAll(() => hub.stop());

/** The requests counted by a service's own metrics (hub_graphql_requests_total) for operations named `prefix`…, over HTTP. */
async function requestsCounted(url: string, prefix: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^hub_graphql_requests_total\{([^}]*)\} (\d+)$/.exec(line);
    const operation = match && /operation="([^"]*)"/.exec(match[1])?.[1];
    if (operation?.startsWith(prefix)) total += Number(match![2]);
  }
  return total;
}

/** Every event of one victim's trail, oldest first (paged), as an auditor overseeing the jurisdiction reads it. */
async function trail(victimId: string): Promise<Array<{ actor: string; action: string; decision: string; fields: string[]; deniedFields: string[] }>> {
  const auditor = await hub.issuer.sign({ role: 'auditor', jurisdiction: JURISDICTION, oversees: [JURISDICTION], sub: 'router-guarantee-auditor' });
  const events = [];
  let after: string | null = null;
  do {
    const res = await hub.query(auditor, TRAIL, { id: victimId, after });
    expect(res.body.errors).toBeUndefined();
    const { edges, pageInfo } = res.body.data.auditTrail.events;
    events.push(...edges.map((edge: { node: any }) => edge.node));
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (after);
  return events;
}

/** For each subject of the page: how many READ events each of `actors` left (actors not listed are ignored). */
async function readsBy(actors: Set<string>): Promise<Array<Record<string, number>>> {
  return Promise.all(
    subjects.map(async (id) => {
      const counts: Record<string, number> = {};
      for (const e of await trail(id)) if (e.action === 'READ' && actors.has(e.actor)) counts[e.actor] = (counts[e.actor] ?? 0) + 1;
      return counts;
    }),
  );
}

/** Sends every request at once (no request waits for another) and counts what the gateway and the victims subgraph received for `operation`. */
async function burst(operation: string, tokens: string[]) {
  const before = await requestsCounted(hub.subgraphs.victims.url, `${operation}__`);
  const answers = await Promise.all(tokens.map((token) => hub.query(token, page(operation))));
  return {
    answers,
    atGateway: await requestsCounted(hub.gateway.url, operation),
    atSubgraph: (await requestsCounted(hub.subgraphs.victims.url, `${operation}__`)) - before,
  };
}

const judge = (sub: string) => hub.token('judge', JURISDICTION, { sub });
const shelterStaff = (sub: string) => hub.token('shelter_staff', JURISDICTION, { sub });
const names = (answer: { body: { data?: any } }) => answer.body.data.victims.edges.map((edge: { node: { id: string; legalName: string | null } }) => [edge.node.id, edge.node.legalName]);

describe('N identical concurrent requests through the gateway', () => {
  it('same token, query and variables: N arrive at the victims subgraph, N reads in every subject’s trail', async () => {
    const token = await judge('router-same-caller');
    const { answers, atGateway, atSubgraph } = await burst('SameCaller', Array(N).fill(token));

    expect({ atGateway, atSubgraph }).toEqual({ atGateway: N, atSubgraph: N });
    for (const answer of answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.me.subject).toBe('router-same-caller');
      expect(names(answer)).toHaveLength(PAGE);
      expect(names(answer).every(([, legalName]: [string, string]) => legalName === 'Test Person')).toBe(true);
    }
    expect(await readsBy(new Set(['router-same-caller']))).toEqual(subjects.map(() => ({ 'router-same-caller': N })));
  });

  it('the same query from N callers: each reaches the subgraph, is audited once per subject and gets its own answer', async () => {
    const callers = Array.from({ length: N }, (_, i) => `router-caller-${i}`);
    const { answers, atGateway, atSubgraph } = await burst('ManyCallers', await Promise.all(callers.map(judge)));

    expect({ atGateway, atSubgraph }).toEqual({ atGateway: N, atSubgraph: N });
    expect(answers.map((answer) => answer.body.data?.me?.subject)).toEqual(callers);
    const once = Object.fromEntries(callers.map((caller) => [caller, 1]));
    expect(await readsBy(new Set(callers))).toEqual(subjects.map(() => once));
  });
});

describe('no subgraph answer is shared across callers', () => {
  it('callers with different rights asking the same query at the same time each get their own answer', async () => {
    // Interleaved, so any merge of identical bodies would pair a judge with shelter staff.
    const callers = Array.from({ length: N }, (_, i) => ({ sub: `router-mixed-${i}`, judge: i % 2 === 0 }));
    const tokens = await Promise.all(callers.map((c) => (c.judge ? judge(c.sub) : shelterStaff(c.sub))));
    const { answers, atGateway, atSubgraph } = await burst('MixedRights', tokens);

    expect({ atGateway, atSubgraph }).toEqual({ atGateway: N, atSubgraph: N });
    answers.forEach((answer, i) => {
      const caller = callers[i];
      expect(answer.body.data.me.subject).toBe(caller.sub);
      expect(names(answer)).toHaveLength(PAGE);
      if (caller.judge) {
        // The identity fields are released to a judge of the jurisdiction, and nothing is denied.
        expect(answer.body.errors).toBeUndefined();
        expect(names(answer).every(([, legalName]: [string, string | null]) => legalName === 'Test Person')).toBe(true);
      } else {
        // Shelter staff never see a legal name: null and FORBIDDEN at every one of them.
        expect(names(answer).every(([, legalName]: [string, string | null]) => legalName === null)).toBe(true);
        expect(new Set(answer.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
        expect(answer.body.errors).toHaveLength(PAGE);
      }
    });

    // Every subject's trail: one ALLOW per judge, one DENY (legalName denied) per shelter worker.
    const decisions = await Promise.all(
      subjects.map(async (id) =>
        (await trail(id))
          .filter((e) => e.action === 'READ' && e.actor.startsWith('router-mixed-'))
          .map((e) => `${e.actor}:${e.decision}:${e.deniedFields.join(',')}`)
          .sort(),
      ),
    );
    const expected = callers.map((c) => `${c.sub}:${c.judge ? 'ALLOW:' : 'DENY:legalName'}`).sort();
    expect(decisions).toEqual(subjects.map(() => expected));
  });
});
