import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_ENV, readEnv } from '../platform/config';
import { runService } from '../platform/http';
import { SCHEMA_DIR } from '../platform/paths';
import { GATEWAY_PORT, startGateway } from './server';

// The deployed gateway. Subgraph URLs: <NAME>_URL (e.g. VICTIMS_URL), else the ones composed into the supergraph.
runService('gateway', async () => {
  const env = readEnv(GATEWAY_ENV);
  const subgraphUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const m = /^([A-Z][A-Z0-9_]*)_URL$/.exec(name);
    if (m && value) subgraphUrls[m[1].toLowerCase().replace(/_/g, '-')] = value;
  }
  return startGateway({
    port: env.PORT ?? GATEWAY_PORT,
    host: env.HOST ?? '0.0.0.0',
    supergraphSdl: readFileSync(env.SUPERGRAPH_PATH ?? path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    issuers: env.TRUSTED_ISSUERS,
    subgraphUrls,
    ratePerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustedDocuments: { mode: env.TRUSTED_DOCUMENTS ?? 'off', dir: env.TRUSTED_DOCUMENTS_DIR },
    // Deployed means production: the explorer page only when asked for, and without development tokens.
    explorer: env.EXPLORER === 'on' ? { devTokens: false } : undefined,
    publicOrigin: env.PUBLIC_ORIGIN,
  });
});
