import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, GATEWAY_ENV, readEnv, secretsOf, SUBGRAPH_ENV } from '../platform/config';
import { ROOT } from '../platform/paths';
import { randomSecrets } from '../scripts/development/dev-env';
import { SUBGRAPHS } from '../subgraphs/registry';

// Per-service configuration: each service declares its variables; a wrong one is named at
// start, with what it should be, and nothing starts.

const ISSUERS = JSON.stringify([{ issuer: 'https://idp.example', audience: 'justice-hub', jurisdictions: ['DE'], jwksUri: 'https://idp.example/jwks.json' }]);
const victims = SUBGRAPHS.find((s) => s.definition.name === 'victims')!.definition;
const { AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY, SERVICE_TOKEN_KEY } = randomSecrets();
const AUDIT = { AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY, SERVICE_TOKEN_KEY };

function problems(shape: Parameters<typeof readEnv>[0], env: Record<string, string | undefined>): string[] {
  try {
    readEnv(shape, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n');
  }
  return [];
}

describe('readEnv', () => {
  it('reads and converts what a subgraph declares', () => {
    const env = readEnv(SUBGRAPH_ENV, { PORT: '4011', MONGODB_URI: 'mongodb://db:27017', TRUSTED_ISSUERS: ISSUERS, ...AUDIT });
    expect(env).toMatchObject({ PORT: 4011, MONGODB_URI: 'mongodb://db:27017', HOST: undefined, CONSENT_SERVICE_URL: undefined });
    expect(env.TRUSTED_ISSUERS).toEqual(JSON.parse(ISSUERS));
  });

  it('names every variable that is missing or wrong, in one message', () => {
    expect(problems(SUBGRAPH_ENV, { PORT: '80000', MONGODB_URI: 'http://db', TRUSTED_ISSUERS: '[{"issuer": 1}', AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY: 'not a key', SERVICE_TOKEN_KEY })).toEqual([
      'PORT must be a port number (0–65535) (port to listen on (default: the registry port))',
      'MONGODB_URI must be a mongodb or mongodb+srv URL (the MongoDB connection string)',
      expect.stringMatching(/^TRUSTED_ISSUERS is not valid JSON/),
      expect.stringMatching(/^AUDIT_SIGNING_KEY must be an Ed25519 private key in PEM/),
    ]);
    expect(problems(SUBGRAPH_ENV, {})).toEqual([
      'MONGODB_URI is not set: the MongoDB connection string',
      expect.stringMatching(/^TRUSTED_ISSUERS is not set: JSON array of trusted token issuers/),
      expect.stringMatching(/^AUDIT_CHAIN_KEY is not set: key of the audit chain hashes/),
      expect.stringMatching(/^AUDIT_SIGNING_KEY is not set: Ed25519 private key/),
      expect.stringMatching(/^SERVICE_TOKEN_KEY is not set: key \(HMAC-SHA256\) of the hub services' own short-lived tokens/),
    ]);
  });

  it('checks numbers: a port is digits within range, nothing else', () => {
    for (const PORT of ['4000.5', '-1', '0x10', '4e3', ' 4000']) {
      expect(problems({ PORT: SUBGRAPH_ENV.PORT }, { PORT })).toEqual([expect.stringMatching(/^PORT must be a port number/)]);
    }
    expect(readEnv({ PORT: SUBGRAPH_ENV.PORT }, { PORT: '0' }).PORT).toBe(0);
  });

  it('REGIONS: each wrong region named, a jurisdiction in two regions refused', () => {
    const regions = (value: unknown) => problems({ REGIONS: SUBGRAPH_ENV.REGIONS }, { REGIONS: typeof value === 'string' ? value : JSON.stringify(value) });
    expect(regions('[{"code"')).toEqual([expect.stringMatching(/^REGIONS must be a JSON array of {code, name, jurisdictions} /)]);
    expect(regions([{ code: 'wb', name: 'Western Balkans', jurisdictions: ['AL', 'Kosovo'] }])).toEqual([
      expect.stringMatching(/^REGIONS 0\.code: must be 2 or 3 capital letters, e\.g\. WB; 0\.jurisdictions\.1: must be ISO 3166-1 alpha-2 codes/),
    ]);
    expect(regions([{ code: 'WB', name: 'A', jurisdictions: ['AL'] }, { code: 'CE', name: 'B', jurisdictions: ['AL', 'DE'] }])).toEqual([expect.stringMatching(/AL is in regions WB and CE: a jurisdiction belongs to one region at most/)]);
    expect(readEnv({ REGIONS: SUBGRAPH_ENV.REGIONS }, {}).REGIONS).toBeUndefined(); // the default, platform/regions.ts
  });

  it('the gateway declares its own variables', () => {
    expect(problems(GATEWAY_ENV, { TRUSTED_ISSUERS: ISSUERS, PORT: 'http' })).toEqual([expect.stringMatching(/^PORT must be a port number/)]);
  });

  it("each subgraph declares its own secrets: the identity key is victims' alone", () => {
    expect(secretsOf(victims.env).map(([name]) => name)).toEqual(['IDENTITY_HASH_KEY']);
    expect(Object.keys(SUBGRAPH_ENV)).not.toContain('IDENTITY_HASH_KEY');
    expect(problems(victims.env, { IDENTITY_HASH_KEY: 'short' })).toEqual([expect.stringMatching(/^IDENTITY_HASH_KEY must be at least 32 characters/)]);
  });
});

describe('a deployed service with a wrong variable', () => {
  it('does not start, and says which variable and why', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'subgraphs', 'main.js'), 'victims'], {
      env: { PATH: process.env.PATH, MONGODB_URI: process.env.MONGODB_URI, TRUSTED_ISSUERS: ISSUERS, PORT: '99999', ...AUDIT },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^PORT must be a port number/m);

    const noKey = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'subgraphs', 'main.js'), 'victims'], {
      env: { PATH: process.env.PATH, MONGODB_URI: process.env.MONGODB_URI, TRUSTED_ISSUERS: ISSUERS, PORT: '0', HOST: '127.0.0.1', ...AUDIT },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toMatch(/^IDENTITY_HASH_KEY is not set: hub-wide secret/m);
  });
});
