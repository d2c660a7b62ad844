import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR } from '../../platform/paths';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { withSubgraphUrls } from './supergraph-urls';

const supergraph = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
const urlsOf = (sdl: string) => Object.fromEntries([...sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)].map((m) => [m[1], m[2]]));
const running = Object.fromEntries(SUBGRAPHS.map(({ definition }, i) => [definition.name, `http://127.0.0.1:${41000 + i}/graphql`]));

test("every subgraph of the committed supergraph gets its running URL, and nothing else changes", () => {
  const rewritten = withSubgraphUrls(supergraph, running);
  expect(urlsOf(rewritten)).toEqual(running);
  const unchanged = (sdl: string) => sdl.replace(/(@join__graph\(name: "[^"]+", url: )"[^"]*"/g, '$1""');
  expect(unchanged(rewritten)).toBe(unchanged(supergraph));
});

test('a subgraph without a URL, or a URL for no subgraph, is refused by name', () => {
  const { victims, ...others } = running;
  expect(() => withSubgraphUrls(supergraph, others)).toThrow('no URL for subgraph "victims"');
  expect(() => withSubgraphUrls(supergraph, { ...running, unknown: victims })).toThrow('not in the supergraph: unknown');
});
