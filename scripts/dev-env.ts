import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTrustedIssuers, type TrustedIssuer } from '../subgraphs/common/auth';
import { loadOrCreateIssuer, type Issuer } from './dev-issuer';
import { startEmbeddedDatabase } from './embedded-db';
import { DATA_DIR } from './paths';

/**
 * What `npm start` and `npm run seed` run on: the database (MONGODB_URI, else the
 * embedded FerretDB with its files in .data/db), the development token issuer and the
 * identity-hash key, all generated on first use under the git-ignored .data/.
 */
export interface DevEnvironment {
  mongoUri: string;
  issuers: TrustedIssuer[];
  devIssuer: Issuer;
  identityKey: string;
  stop(): Promise<void>;
}

function identityKeyFromDataDir(): string {
  const file = path.join(DATA_DIR, 'identity-hash.key');
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function openDevEnvironment(log: (line: string) => void = console.log): Promise<DevEnvironment> {
  const devIssuer = await loadOrCreateIssuer(path.join(DATA_DIR, 'dev-issuer'));
  // Regional issuers from TRUSTED_ISSUERS are trusted too, next to the development issuer.
  const issuers = [devIssuer.trusted, ...(process.env.TRUSTED_ISSUERS ? parseTrustedIssuers(process.env.TRUSTED_ISSUERS) : [])];
  const identityKey = process.env.IDENTITY_HASH_KEY ?? identityKeyFromDataDir();
  if (process.env.MONGODB_URI) {
    log(`Using the database at MONGODB_URI.`);
    return { mongoUri: process.env.MONGODB_URI, issuers, devIssuer, identityKey, stop: async () => {} };
  }
  const db = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, 'db'), port: Number(process.env.EMBEDDED_DB_PORT ?? 27018), log });
  log(`Embedded database (FerretDB) at ${db.uri} with data in .data/db`);
  return { mongoUri: db.uri, issuers, devIssuer, identityKey, stop: () => db.stop() };
}
