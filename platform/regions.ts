import { z } from 'zod';
import { isCountryCode } from './countries';

/**
 * The regions the hub reports on (issue 26's indicators): a code, a name and the
 * jurisdictions it groups. A deployment names its own in `REGIONS` (a JSON array); by
 * default the three of the hub's first deployment. A jurisdiction belongs to one region
 * at most, so a region's figures are never counted twice.
 */
export interface Region {
  code: string;
  name: string;
  jurisdictions: string[];
}

export const DEFAULT_REGIONS: readonly Region[] = [
  { code: 'WB', name: 'Western Balkans', jurisdictions: ['AL', 'BA', 'ME', 'MK', 'RS'] },
  { code: 'CE', name: 'Central Europe', jurisdictions: ['AT', 'CZ', 'DE', 'HU', 'PL', 'SI', 'SK'] },
  { code: 'SE', name: 'Southern Europe', jurisdictions: ['CY', 'ES', 'GR', 'HR', 'IT', 'MT', 'PT'] },
];

const regionSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,3}$/, 'must be 2 or 3 capital letters, e.g. WB'),
    name: z.string().min(1).max(100),
    jurisdictions: z.array(z.string().refine(isCountryCode, 'must be ISO 3166-1 alpha-2 codes')).min(1, 'must name the jurisdictions of the region'),
  })
  .strict();

const regionsSchema = z
  .array(regionSchema)
  .min(1)
  .superRefine((regions, ctx) => {
    const codes = new Set<string>();
    const owner = new Map<string, string>();
    for (const region of regions) {
      if (codes.has(region.code)) ctx.addIssue({ code: 'custom', message: `region ${region.code} is named twice` });
      codes.add(region.code);
      for (const jurisdiction of region.jurisdictions) {
        if (owner.has(jurisdiction)) ctx.addIssue({ code: 'custom', message: `${jurisdiction} is in regions ${owner.get(jurisdiction)} and ${region.code}: a jurisdiction belongs to one region at most` });
        owner.set(jurisdiction, region.code);
      }
    }
  });

/** `REGIONS` as the deployment wrote it (JSON), checked: throws naming what is wrong. */
export function parseRegions(json: string): Region[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('must be a JSON array of {code, name, jurisdictions}');
  }
  const result = regionsSchema.safeParse(parsed);
  if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; '));
  return result.data;
}
