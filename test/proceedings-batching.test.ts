import type { mongo } from 'mongoose';
import { startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// The proceedings subgraph's reads, counted at its database: a page of proceedings with
// their protective orders and evidence costs the same number of finds for 3 proceedings
// as for 12, each filtering by `_id` alone.

let hub: TestHub;
let filters: string[] = [];

beforeAll(async () => {
  hub = await startHub({ monitorCommands: true });
  hub.subgraphs.proceedings.connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') filters.push(`${event.command.find}:${Object.keys(event.command.filter ?? {}).join(',')}`);
  });
  for (const [jurisdiction, count] of [['AT', 3], ['DE', 12]] as const) {
    const victim = await registerVictim(hub, jurisdiction);
    const prosecutor = await hub.token('prosecutor', jurisdiction);
    for (let i = 0; i < count; i++) {
      const opened = await hub.query(prosecutor, `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, {
        input: { caseNumber: `${jurisdiction}-${i}`, court: 'Court', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] },
      });
      const id = opened.body.data.openProceeding.id;
      await hub.query(prosecutor, `mutation($id: ID!, $v: ID!) { requestProtectiveOrder(proceedingId: $id, input: { kind: NO_CONTACT, urgency: URGENT, protectedVictimId: $v, grounds: "g" }) { id } }`, { id, v: victim });
      await hub.query(prosecutor, `mutation($id: ID!) { registerEvidence(proceedingId: $id, input: { kind: DOCUMENT, description: "d", contentHash: "${'c'.repeat(64)}", handlingCode: H0, sourceReliability: A, informationAccuracy: 1 }) { id } }`, { id });
    }
  }
}, 60_000);
afterAll(() => hub.stop());

async function finds(jurisdiction: string) {
  const LIST = `{ proceedings(first: 50) { edges { node { id caseNumber victims { id } protectiveOrders { id status overdue } evidence { id kind custodian } } } } }`;
  const token = await hub.token('prosecutor', jurisdiction);
  filters = [];
  const res = await hub.query(token, LIST, {}, { url: hub.subgraphs.proceedings.url });
  expect(res.body.errors).toBeUndefined();
  return { count: res.body.data.proceedings.edges.length, filters: [...filters] };
}

it('a page of proceedings with their orders and evidence costs the same finds for 3 as for 12, each by _id', async () => {
  const few = await finds('AT');
  const many = await finds('DE');
  expect([few.count, many.count]).toEqual([3, 12]);
  expect([...many.filters].sort()).toEqual([...few.filters].sort());
  for (const filter of [...few.filters, ...many.filters]) expect(filter).toMatch(/:_id$/);
});
