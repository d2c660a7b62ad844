import { createHash } from 'node:crypto';

/** Demo regions and their jurisdictions (synthetic data only; no real person). */
export const DEMO_REGIONS: Record<string, string[]> = {
  'Western Balkans': ['AL', 'RS'],
  'Central Europe': ['DE', 'AT'],
  'Southern Europe': ['IT', 'GR'],
};

export const DEMO_JURISDICTIONS = Object.values(DEMO_REGIONS).flat();

/** Small deterministic PRNG (mulberry32): the same demo data on every machine. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The secrets the demo data is written with: the identity-hash key and the audit keys. */
export type SeedSecrets = Record<'IDENTITY_HASH_KEY' | 'AUDIT_CHAIN_KEY' | 'AUDIT_SIGNING_KEY', string>;

/**
 * The id of the i-th demo victim: stable across runs and machines, so that other
 * subgraphs' demo data can refer to the same victims (demo data only: real ids are random).
 */
export function demoVictimId(i: number): string {
  return createHash('sha256').update(`justice-hub demo victim ${i}`).digest('base64url').slice(0, 22);
}
