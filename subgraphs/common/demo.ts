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

/** Quarters the demo data is spread over, so the indicators page shows trends (issue 26). */
export const DEMO_QUARTERS = 8;

/**
 * A demo instant within the last DEMO_QUARTERS calendar quarters up to `now`, later
 * quarters more likely (weights 1 … 8: the case load grows, as a page of trends should
 * show), never after `now`. Deterministic for a seeded `rnd`.
 */
export function demoInstant(rnd: () => number, now: Date): Date {
  let draw = rnd() * ((DEMO_QUARTERS * (DEMO_QUARTERS + 1)) / 2);
  let back = 0; // quarters back from the current one, weighted DEMO_QUARTERS - back
  while (back < DEMO_QUARTERS - 1 && draw >= DEMO_QUARTERS - back) [draw, back] = [draw - (DEMO_QUARTERS - back), back + 1];
  const startOf = (quartersBack: number) => {
    const q = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - quartersBack;
    return Date.UTC(Math.floor(q / 4), (q % 4) * 3, 1);
  };
  const [start, end] = [startOf(back), Math.min(startOf(back - 1), now.getTime())];
  return new Date(start + Math.floor(rnd() * (end - start)));
}

/** `days` days after `from`, but never after `now` (demo dates of later steps). */
export function demoLater(from: Date, days: number, now: Date): Date {
  return new Date(Math.min(from.getTime() + days * 86_400_000, now.getTime()));
}

/**
 * The codes of the demo interpreters' legal translation certificates (the training
 * subgraph's seed issues them; the proceedings seed assigns demo translations to them).
 * Fixed, so that both seeds agree without reading each other's databases; `status` is what
 * the training seed makes of each.
 */
export const DEMO_INTERPRETER_CERTIFICATES = [
  { code: 'CE-2026-44R4-MQN0', jurisdiction: 'DE', status: 'VALID' },
  { code: 'WB-2026-QZDQ-CPD7', jurisdiction: 'AL', status: 'VALID' },
  { code: 'SE-2026-T4FW-95DD', jurisdiction: 'IT', status: 'SUSPENDED' },
  { code: 'CE-2026-A5YY-1JDA', jurisdiction: 'AT', status: 'REVOKED' },
  { code: 'SE-2024-S8BC-DC80', jurisdiction: 'GR', status: 'EXPIRED' },
] as const;
