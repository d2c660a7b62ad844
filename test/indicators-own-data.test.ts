import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import type { mongo } from 'mongoose';
import { ROLES } from '../platform/auth';
import { ROOT } from '../platform/paths';
import { SUBGRAPHS } from '../subgraphs/registry';
import { startHub, type TestHub } from './support/hub';

// Issue 26: "indicators are computed from the records, per subgraph, without reading
// another subgraph's database". For every subgraph that adds an indicator field to
// `Region` (found in its committed schema, so a new one is held to it too): the subgraph
// answers the field, yearly and quarterly per jurisdiction, asked directly, and every
// database command its client sent meanwhile went to its own database. (A subgraph opens
// no connection of its own: storage/boundary.test.ts.)

const namedType = (node: TypeNode): string => (node.kind === Kind.NAMED_TYPE ? node.name.value : namedType(node.type));

/** Each subgraph's indicator fields on Region (those returning IndicatorValue). */
const CONTRIBUTIONS = SUBGRAPHS.flatMap((entry) => {
  const sdl = parse(readFileSync(path.join(ROOT, 'schema', `${entry.definition.name}.graphql`), 'utf8'));
  const region = sdl.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Region');
  const fields = (region?.fields ?? []).filter((f: FieldDefinitionNode) => namedType(f.type) === 'IndicatorValue').map((f) => f.name.value);
  return fields.map((field) => ({ entry, field }));
});

it('every subgraph of the registry that adds a field to Region is checked here', () => {
  expect(CONTRIBUTIONS.map((c) => `${c.entry.definition.name}: Region.${c.field}`)).toEqual(['victims: Region.identification', 'victims: Region.reintegration', 'proceedings: Region.prosecution', 'shelters: Region.protection', 'legal-aid: Region.legalAid', 'training: Region.accreditation']);
});

let hub: TestHub;
const commands = new Map<string, Array<{ database: string; command: string }>>();
beforeAll(async () => {
  hub = await startHub({ monitorCommands: true });
  for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
    commands.set(name, []);
    subgraph.connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => commands.get(name)!.push({ database: event.databaseName, command: event.commandName }));
  }
}, 60_000);
afterAll(() => hub.stop());

it.each(CONTRIBUTIONS)('Region.$field is answered from its subgraph\'s own database alone', async ({ entry, field }) => {
  const name = entry.definition.name;
  const { url, connection } = hub.subgraphs[name];
  const query = `query($r: [_Any!]!, $period: PeriodInput!, $by: Boolean) { _entities(representations: $r) { ... on Region { ${field}(period: $period, byJurisdiction: $by) { indicator jurisdiction period suppressed } } } }`;
  const r = [{ __typename: 'Region', code: 'CE' }];
  commands.get(name)!.length = 0;
  const yearly = await hub.query(null, query, { r, period: { granularity: 'YEAR', year: 2026 } }, { url });
  const quarterly = await hub.query(await hub.token('partner_system', 'DE'), query, { r, period: { granularity: 'QUARTER', year: 2026, quarter: 3 }, by: true }, { url });
  for (const res of [yearly, quarterly]) {
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities[0][field].length).toBeGreaterThan(0);
  }
  expect(new Set(quarterly.body.data._entities[0][field].map((v: { jurisdiction: string | null }) => v.jurisdiction))).toEqual(new Set([null, 'AT', 'CZ', 'DE', 'HU', 'PL', 'SI', 'SK']));
  expect(commands.get(name)!.filter((c) => c.command === 'find').length).toBeGreaterThan(0);
  expect([...new Set(commands.get(name)!.map((c) => c.database))]).toEqual([connection.name]);
});

// Every role of a jurisdiction of CE, and a partner system of another region: the quarter per jurisdiction only for the
// roles issue 26 names.
const RESTRICTED_VIEW_ROLES: string[] = ['partner_system', 'auditor', 'judge', 'prosecutor'];
const VIEWERS = CONTRIBUTIONS.flatMap(({ entry, field }) => [
  ...ROLES.map((role) => ({ subgraph: entry.definition.name, field, role, jurisdiction: 'DE', may: RESTRICTED_VIEW_ROLES.includes(role) })),
  { subgraph: entry.definition.name, field, role: 'partner_system' as const, jurisdiction: 'AL', may: false },
]);

it.each(VIEWERS)('Region.$field per jurisdiction and quarter, for $role of $jurisdiction: $may', async ({ subgraph, field, role, jurisdiction, may }) => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ${field}(period: { granularity: QUARTER, year: 2026, quarter: 3 }, byJurisdiction: true) { indicator } } } }`;
  const res = await hub.query(await hub.token(role, jurisdiction), query, { r: [{ __typename: 'Region', code: 'CE' }] }, { url: hub.subgraphs[subgraph].url });
  const values = res.body.data?._entities?.[0]?.[field] ?? null;
  expect({ code: res.body.errors?.[0]?.extensions?.code ?? null, answered: values !== null }).toEqual(may ? { code: null, answered: true } : { code: 'FORBIDDEN', answered: false });
});
