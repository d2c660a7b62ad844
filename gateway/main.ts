import 'reflect-metadata';
import path from 'node:path';
import { parseTrustedIssuers } from '../subgraphs/common/auth';
import { portFrom } from '../subgraphs/common/config';
import { runService } from '../subgraphs/common/http';
import { GATEWAY_PORT, SUBGRAPHS } from '../subgraphs/registry';
import { SCHEMA_DIR } from '../scripts/paths';
import { startGateway } from './server';

// The deployed gateway. Subgraph URLs: <NAME>_URL (e.g. VICTIMS_URL), else the supergraph's.
runService('gateway', async () => {
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of SUBGRAPHS) {
    const url = process.env[`${name.toUpperCase().replace(/-/g, '_')}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return startGateway({
    port: portFrom('PORT') ?? GATEWAY_PORT,
    host: process.env.HOST ?? '0.0.0.0',
    supergraphPath: process.env.SUPERGRAPH_PATH ?? path.join(SCHEMA_DIR, 'supergraph.graphql'),
    issuers: parseTrustedIssuers(process.env.TRUSTED_ISSUERS),
    subgraphUrls,
  });
});
