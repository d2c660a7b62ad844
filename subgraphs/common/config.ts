import { parseTrustedIssuers, type TrustedIssuer } from './auth';

/** Environment of a deployed service, read and checked once at start. */
export interface ServiceEnv {
  port: number | undefined;
  mongoUri: string;
  issuers: TrustedIssuer[];
  identityKey: string;
}

export function required(name: string, env = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function portFrom(name: string, env = process.env): number | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got ${JSON.stringify(value)}`);
  return port;
}

export function serviceEnv(env = process.env): ServiceEnv {
  const identityKey = required('IDENTITY_HASH_KEY', env);
  if (identityKey.length < 32) throw new Error('IDENTITY_HASH_KEY must be at least 32 characters (a random secret shared by the hub)');
  return {
    port: portFrom('PORT', env),
    mongoUri: required('MONGODB_URI', env),
    issuers: parseTrustedIssuers(env.TRUSTED_ISSUERS),
    identityKey,
  };
}
