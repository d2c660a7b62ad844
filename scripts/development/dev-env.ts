import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTrustedIssuers, type TrustedIssuer } from '../../platform/auth';
import { keyDirectoriesOf, readEnv, secretsOf, SUBGRAPH_ENV, vars } from '../../platform/config';
import { DATA_DIR } from '../../platform/paths';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { loadOrCreateIssuer, type Issuer } from './dev-issuer';
import { startEmbeddedDatabase } from './embedded-db';

/**
 * What `npm start` and `npm run seed` run on: the database (MONGODB_URI, else the
 * embedded FerretDB with its files in .data/db), the development token issuer and the
 * secrets the subgraphs declare, all generated on first use under the git-ignored .data/.
 */
export interface DevEnvironment {
  mongoUri: string;
  issuers: TrustedIssuer[];
  devIssuer: Issuer;
  /** The subgraphs' own variables: from the environment, else generated and kept. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

/** Every secret the platform and the subgraphs declare, fresh (tests, benchmarks: nothing is kept). */
export function randomSecrets(): Record<string, string> {
  const secrets = [...secretsOf(SUBGRAPH_ENV), ...SUBGRAPHS.flatMap(({ definition }) => secretsOf(definition.env))];
  return Object.fromEntries(secrets.map(([name, make]) => [name, make()]));
}

/** Each declared secret from the environment, else from .data/secrets (made on first use: stored data stays readable). */
export function keptSecrets(): Record<string, string> {
  const dir = path.join(DATA_DIR, 'secrets');
  const legacy = path.join(DATA_DIR, 'identity-hash.key'); // where the identity key was kept before secrets were declared per subgraph
  if (existsSync(legacy) && !existsSync(path.join(dir, 'IDENTITY_HASH_KEY'))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    renameSync(legacy, path.join(dir, 'IDENTITY_HASH_KEY'));
  }
  return Object.fromEntries(
    Object.entries(randomSecrets()).map(([name, fresh]) => {
      if (process.env[name]) return [name, process.env[name]!];
      const file = path.join(dir, name);
      if (!existsSync(file)) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(file, fresh, { mode: 0o600 });
      }
      return [name, readFileSync(file, 'utf8').trim()];
    }),
  );
}

/**
 * The key directories the subgraphs declare (keys they make and rotate themselves), each
 * as its folder under `root`: .data for `npm start` (unless set in the environment), a
 * temporary folder in tests. The keys are made there when first needed.
 */
export function keyDirectoriesUnder(root: string, env: Record<string, string | undefined> = {}): Record<string, string> {
  const declared = SUBGRAPHS.flatMap(({ definition }) => keyDirectoriesOf(definition.env));
  return Object.fromEntries(declared.map(([name, folder]) => [name, env[name] || path.join(root, folder)]));
}

/** The database: MONGODB_URI, else the embedded FerretDB with its files in .data/db. */
export async function devDatabase(log: (line: string) => void = console.log): Promise<{ uri: string; stop(): Promise<void> }> {
  if (process.env.MONGODB_URI) {
    log(`Using the database at MONGODB_URI.`);
    return { uri: process.env.MONGODB_URI, stop: async () => {} };
  }
  const { EMBEDDED_DB_PORT } = readEnv({ EMBEDDED_DB_PORT: vars.port('port of the embedded database (default 27018)') });
  const db = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, 'db'), port: EMBEDDED_DB_PORT ?? 27018, log });
  log(`Embedded database (FerretDB) at ${db.uri} with data in .data/db${db.localUri === db.uri ? '' : ' (the hub connects through its socket there)'}`);
  return { uri: db.localUri, stop: () => db.stop() };
}

export async function openDevEnvironment(log: (line: string) => void = console.log): Promise<DevEnvironment> {
  const devIssuer = await loadOrCreateIssuer(path.join(DATA_DIR, 'dev-issuer'));
  // Regional issuers from TRUSTED_ISSUERS are trusted too, next to the development issuer.
  const issuers = [devIssuer.trusted, ...(process.env.TRUSTED_ISSUERS ? parseTrustedIssuers(process.env.TRUSTED_ISSUERS) : [])];
  // `npm start` is development: webhooks may be delivered to a receiver on this machine over http (subgraphs/partners).
  const settings = { ...keyDirectoriesUnder(DATA_DIR, process.env), ...keptSecrets(), WEBHOOK_MODE: process.env.WEBHOOK_MODE ?? 'development' };
  const db = await devDatabase(log);
  return { mongoUri: db.uri, issuers, devIssuer, settings, stop: () => db.stop() };
}
