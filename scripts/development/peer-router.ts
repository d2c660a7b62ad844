import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { SCHEMA_DIR } from '../../platform/paths';
import { withSubgraphUrls } from './supergraph-urls';

/**
 * The peer router of `npm run bench -- --peers` (bench-peers.ts): the committed supergraph
 * served by Hive Gateway's runtime (what its `hive-gateway` command serves, without the
 * command's file loading) in a process of its own, so its CPU can be read from /proc.
 * Development only: nothing deployed runs it.
 *
 *   PORT=4100 SUBGRAPH_URLS='{"victims":"http://127.0.0.1:4101/graphql",…}' node dist/scripts/development/peer-router.js
 *
 * Held to the router guarantee (docs/deployment.md "Any router in front of the
 * subgraphs"): in-flight deduplication of subgraph requests off (Hive's default is on;
 * the bench counts every request at the victims subgraph and in its audit writes), no
 * response caching (`responseCaching` unset), and the caller's `authorization`,
 * `x-purpose` and `x-request-id` sent to every subgraph, which verifies the token itself.
 */

/** The caller's headers each subgraph reads (platform/auth, platform/purposes, platform/logging). */
const FORWARDED_HEADERS = ['authorization', 'x-purpose', 'x-request-id'] as const;

function main() {
  const port = Number(process.env.PORT);
  const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? '{}') as Record<string, string>;
  const supergraph = withSubgraphUrls(readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'), urls);
  const gateway = createGatewayRuntime({
    supergraph,
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
    },
    logging: 'warn', // as the bench runs the hub's services: no line per request
    landingPage: false,
    graphiql: false,
  });
  const server = createServer(gateway);
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  });
}

main();
