import type { mongo } from 'mongoose';
import { startHub, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// DataLoader batching and list reads, proven by the `find` commands the victims subgraph
// sends to its database: their number must not grow with the number of victims in the
// answer (no N+1), and each filters by `_id` alone, the one shape every backend answers
// from an index (the embedded database scans the collection for any other).

let hub: TestHub;
let finds = new Map<string, number>();
let filters: string[] = [];
const victimsOf: Record<string, string[]> = {};
const SMALL = { jurisdiction: 'AT', size: 10 };
const LARGE = { jurisdiction: 'DE', size: 50 };

beforeAll(async () => {
  hub = await startHub({ monitorCommands: true });
  hub.subgraphs.victims.connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName !== 'find') return;
    finds.set(event.command.find, (finds.get(event.command.find) ?? 0) + 1);
    filters.push(Object.keys(event.command.filter ?? {}).join(','));
  });
  for (const { jurisdiction, size } of [SMALL, LARGE]) {
    victimsOf[jurisdiction] = await Promise.all(
      Array.from({ length: size }, (_, i) => registerVictim(hub, jurisdiction, { legalName: `Person ${jurisdiction} ${i}` })),
    );
    await Promise.all(
      victimsOf[jurisdiction].map((id) => grantConsent(hub, id, jurisdiction, { categories: ['HEALTH'], granteeJurisdictions: ['FR'] })),
    );
  }
}, 60_000);
afterAll(() => hub.stop());

/** Runs one request and returns its answer with the finds it caused, by collection. */
async function countingFinds<T>(request: () => Promise<T>): Promise<{ result: T; finds: Record<string, number>; total: number }> {
  finds = new Map();
  filters = [];
  const result = await request();
  expect(new Set(filters)).toEqual(new Set(['_id']));
  return { result, finds: Object.fromEntries(finds), total: filters.length };
}

describe('Victim entities (__resolveReference)', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id caseReference legalName } } }`;

  async function resolveEntities(ids: string[]) {
    const token = await hub.token('judge', 'DE');
    const representations = ids.map((id) => ({ __typename: 'Victim', id }));
    return countingFinds(() => hub.query(token, ENTITIES, { r: representations }, { url: hub.subgraphs.victims.url }));
  }

  it('resolves 25 representations with one find on victims, as it does 3', async () => {
    const few = await resolveEntities(victimsOf.DE.slice(0, 3));
    const many = await resolveEntities(victimsOf.DE.slice(0, 25));

    expect(many.result.body.errors).toBeUndefined();
    expect(many.result.body.data._entities).toEqual(
      victimsOf.DE.slice(0, 25).map((id, i) => ({ id, caseReference: expect.any(String), legalName: `Person DE ${i}` })),
    );
    expect(few.finds.victims).toBe(1);
    expect(many.finds.victims).toBe(1);
    expect(many.total).toBe(few.total);
  });
});

describe('Query.victims with consents and protected fields of every victim', () => {
  const LIST = `{ victims(first: 50) { edges { node { id legalName contactPhone vulnerabilities consents { id active categories } } } } }`;

  async function listAs(jurisdiction: string) {
    const token = await hub.token('social_worker', jurisdiction);
    return countingFinds(() => hub.query(token, LIST));
  }

  it('costs the same number of finds for 10 victims as for 50', async () => {
    const small = await listAs(SMALL.jurisdiction);
    const large = await listAs(LARGE.jurisdiction);

    for (const [{ size }, { result }] of [
      [SMALL, small],
      [LARGE, large],
    ] as const) {
      expect(result.body.errors).toBeUndefined();
      const nodes = result.body.data.victims.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(size);
      for (const node of nodes) {
        expect(node.legalName).toMatch(/^Person /);
        expect(node.consents).toEqual([{ id: expect.any(String), active: true, categories: ['HEALTH'] }]);
      }
    }
    expect(large.finds).toEqual(small.finds);
    expect(large.finds.victims).toBe(1); // the page (the victim loader is primed with it)
    expect(large.finds.consents).toBe(1); // one batch for every victim's consents
  });
});
