import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTrustedIssuers } from './auth';
import { parseRegions } from './regions';

/**
 * Configuration from the environment, checked once at start with zod. A service declares
 * the variables it needs as a shape (name → schema with a description); `readEnv` fails
 * with one message naming every variable that is missing or wrong, and what it should be.
 */

export type EnvShape = Record<string, z.ZodType>;
export type EnvOf<S extends EnvShape> = { [K in keyof S]: z.output<S[K]> };
export type RawEnv = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readEnv<S extends EnvShape>(shape: S, env: RawEnv = process.env): EnvOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const raw = env[name] === '' ? undefined : env[name];
    const result = schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else if (raw === undefined) problems.push(`${name} is not set: ${schema.description ?? 'required'}`);
    else {
      const message = result.error.issues.map((issue) => issue.message).join('; ');
      problems.push(`${message.startsWith(name) ? message : `${name} ${message}`}${schema.description ? ` (${schema.description})` : ''}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return values as EnvOf<S>;
}

function urlOf(about: string, protocols: string[]) {
  const isUrl = (value: string) => {
    try {
      return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
    } catch {
      return false;
    }
  };
  return z.string().refine(isUrl, `must be a ${protocols.join(' or ')} URL`).describe(about);
}

/** Secrets by schema, with how to make a fresh one (development, tests). */
const SECRETS = new WeakMap<z.ZodType, () => string>();

/** The variables of a shape that hold secrets, each with how to make a fresh value. */
export function secretsOf(shape: EnvShape): Array<[string, () => string]> {
  return Object.entries(shape).flatMap(([name, schema]) => {
    const make = SECRETS.get(schema);
    return make ? [[name, make] as [string, () => string]] : [];
  });
}

/** Key directories by schema, with the folder under .data/ that development uses. */
const KEY_DIRECTORIES = new WeakMap<z.ZodType, string>();

/** The variables of a shape that name key directories, each with its development folder. */
export function keyDirectoriesOf(shape: EnvShape): Array<[string, string]> {
  return Object.entries(shape).flatMap(([name, schema]) => {
    const folder = KEY_DIRECTORIES.get(schema);
    return folder ? [[name, folder] as [string, string]] : [];
  });
}

function isEd25519PrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** Schemas for the kinds of variables the hub reads. */
/** A setting written as JSON and read by `parse`, which throws naming what is wrong. */
function parsedJson<T>(parse: (json: string) => T) {
  return z.string().transform((json, ctx) => {
    try {
      return parse(json);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}

export const vars = {
  port: (about: string) =>
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number (0–65535)')
      .transform(Number)
      .refine((n) => n <= 65535, 'must be a port number (0–65535)')
      .optional()
      .describe(about),
  /** A positive whole number within bounds (counts, sizes, milliseconds). */
  integer: (about: string, min: number, max: number) =>
    z
      .string()
      .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)
      .optional()
      .describe(about),
  text: (about: string) => z.string().optional().describe(about),
  /** One of a few words, e.g. `on` or `off`. */
  oneOf: <T extends string>(about: string, values: readonly [T, ...T[]]) => z.enum(values, { message: `must be one of ${values.join(', ')}` }).optional().describe(about),
  /** Required; `npm start` generates one under .data/secrets when it is not set (scripts/development/dev-env.ts). */
  secret: (about: string, minLength: number) => {
    const schema = z.string().min(minLength, `must be at least ${minLength} characters`).describe(about);
    SECRETS.set(schema, () => randomBytes(32).toString('hex'));
    return schema;
  },
  /** An Ed25519 private key, PEM (PKCS #8); `npm start` generates one when it is not set. */
  signingKey: (about: string) => {
    const schema = z.string().refine(isEd25519PrivateKey, 'must be an Ed25519 private key in PEM (PKCS #8)').describe(about);
    SECRETS.set(schema, () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    return schema;
  },
  /**
   * A directory of private keys the service itself makes and rotates (required): `npm
   * start` uses `.data/<devFolder>`, the tests a temporary folder (scripts/development/dev-env.ts).
   */
  keyDirectory: (about: string, devFolder: string) => {
    const schema = z.string().min(1, 'must be a directory path').describe(about);
    KEY_DIRECTORIES.set(schema, devFolder);
    return schema;
  },
  url: (about: string, protocols: string[]) => urlOf(about, protocols),
  optionalUrl: (about: string, protocols: string[]) => urlOf(about, protocols).optional().describe(about),
  trustedIssuers: () => parsedJson(parseTrustedIssuers).describe('JSON array of trusted token issuers: {issuer, audience, jurisdictions, roles?, typ?, jwksUri|jwksFile|jwks}'),
  regions: () =>
    parsedJson(parseRegions)
      .optional()
      .describe('JSON array of the regions indicators are reported for: {code, name, jurisdictions} (default WB, CE and SE, platform/regions.ts)'),
};

/** The audit chain's keys and checkpoint policy: every subgraph's, one set per deployment. */
export const AUDIT_ENV = {
  AUDIT_CHAIN_KEY: vars.secret('key of the audit chain hashes (HMAC-SHA256): rewriting an event and the hashes after it needs it', 32),
  AUDIT_SIGNING_KEY: vars.signingKey('Ed25519 private key (PEM) that signs audit checkpoints; its public key is served at /.well-known/audit-jwks.json'),
  AUDIT_CHECKPOINT_EVERY: vars.integer('events between signed checkpoints (default 100)', 1, 1_000_000),
  AUDIT_CHECKPOINT_SECONDS: vars.integer('seconds after which a new head is checkpointed even with fewer events (default 300)', 1, 86_400),
};

/**
 * Erasure across subgraphs (subgraphs/common/erasure.ts): the key of the hub services'
 * own tokens, held by every subgraph and never by the gateway, and how often a subgraph
 * reads the erasure feed.
 */
export const ERASURE_ENV = {
  SERVICE_TOKEN_KEY: vars.secret('key (HMAC-SHA256) of the hub services\' own short-lived tokens, e.g. for reading the erasure feed; every subgraph holds the same one, the gateway none', 32),
  ERASURE_POLL_SECONDS: vars.integer('seconds between two reads of the erasure feed by a subgraph that holds victim data (default 30)', 1, 3_600),
};

/** The regions the hub reports on (platform/regions.ts): every subgraph's, one set per deployment. */
export const REGION_ENV = {
  REGIONS: vars.regions(),
};

/** Retries are safe (subgraphs/common/idempotency.ts): how long a mutation's Idempotency-Key is held. */
export const IDEMPOTENCY_ENV = {
  IDEMPOTENCY_KEY_HOURS: vars.integer('hours a mutation\'s Idempotency-Key is held, per caller: a retry within them is answered the first answer (default 24)', 1, 24 * 30),
};

/** Events for partner systems (subgraphs/common/outbox.ts, scheduler.ts): how often a subgraph scans for deadlines coming due. */
export const EVENTS_ENV = {
  EVENT_SCAN_SECONDS: vars.integer('seconds between two scans for deadlines coming due and certificates expiring, on the hub clock (default 60)', 1, 3_600),
};

/** How much the services log (platform/logging.ts): default info. */
const LOG_LEVEL = vars.oneOf('how much is logged (JSON lines on stdout): fatal, error, warn, info (default), debug, trace or silent', [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]);

/** What every deployed subgraph reads, besides the variables its definition declares. */
export const SUBGRAPH_ENV = {
  LOG_LEVEL,
  PORT: vars.port('port to listen on (default: the registry port)'),
  HOST: vars.text('address to listen on (default 0.0.0.0)'),
  MONGODB_URI: vars.url('the MongoDB connection string', ['mongodb', 'mongodb+srv']),
  DB_NAME: vars.text('database name (default: the subgraph name)'),
  TRUSTED_ISSUERS: vars.trustedIssuers(),
  ...AUDIT_ENV,
  ...ERASURE_ENV,
  ...IDEMPOTENCY_ENV,
  ...REGION_ENV,
  ...EVENTS_ENV,
  CONSENT_SERVICE_URL: vars.optionalUrl('the victims subgraph GraphQL URL, asked for consent decisions (without it they fail closed) and read for erasure notices', ['http', 'https']),
};

/** What the deployed gateway reads; subgraph URLs come from `<NAME>_URL` (see gateway/main.ts). */
export const GATEWAY_ENV = {
  LOG_LEVEL,
  PORT: vars.port('port to listen on (default 4000)'),
  HOST: vars.text('address to listen on (default 0.0.0.0)'),
  SUPERGRAPH_PATH: vars.text('the composed supergraph (default schema/supergraph.graphql)'),
  RATE_LIMIT_PER_MINUTE: vars.integer('requests a minute per caller (token issuer and subject, else address), default 600', 1, 1_000_000),
  EXPLORER: vars.oneOf('`on` serves the explorer page (GraphiQL) at / and to browsers at /graphql; off by default in production', ['on', 'off']),
  TRUSTED_ISSUERS: vars.trustedIssuers(),
  TRUSTED_DOCUMENTS: vars.oneOf('registered operations only: `off` (default), `audit` (runs everything, logs and counts the unregistered) or `enforce` (runs only the registered)', ['off', 'audit', 'enforce']),
  TRUSTED_DOCUMENTS_DIR: vars.text('directory of the persisted query manifests of `npm run trust` (default schema/trusted-documents)'),
  PUBLIC_ORIGIN: vars.optionalUrl("the hub's public address as people reach it (default http://localhost:4000): printed certificates' QR codes point to <origin>/verify/<code>; the same as the training subgraph's ACCREDITATION_PUBLIC_URL", ['http', 'https']),
};
