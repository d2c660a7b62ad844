import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { indexedPrecedent, precedentModels, type PrecedentRecord } from './models';
import { DEMO_PRECEDENTS } from './demo-decisions';

/**
 * The demo case law (subgraphs/proceedings/precedents/demo-decisions.ts) as records: stable ids, citations by id,
 * published a month after the decision, in decision order (so the change feed starts with
 * the oldest decision). A precedent of a jurisdiction is linked to one of `closed`, the
 * CLOSED demo proceedings, where there is one.
 */
export function demoPrecedentRecords(closed: Array<{ _id: string; jurisdiction: string }> = []): PrecedentRecord[] {
  const sorted = [...DEMO_PRECEDENTS].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.ecli.localeCompare(b.ecli));
  const idOf = new Map(sorted.map((p) => [p.ecli, createHash('sha256').update(`justice-hub demo precedent ${p.ecli}`).digest('base64url').slice(0, 22)]));
  const unlinked = [...closed];
  return sorted.map((p) => {
    const publishedAt = new Date(Date.parse(`${p.decidedOn}T12:00:00Z`) + 30 * 86_400_000);
    const link = unlinked.findIndex((c) => c.jurisdiction === p.jurisdiction);
    const proceedingId = link >= 0 ? unlinked.splice(link, 1)[0]._id : null;
    return {
      _id: idOf.get(p.ecli)!,
      ecli: p.ecli,
      court: p.court,
      courtType: p.courtType,
      jurisdiction: p.jurisdiction,
      decidedOn: p.decidedOn,
      legalSystem: p.legalSystem,
      language: p.language,
      keywords: p.keywords,
      legalIssues: p.legalIssues,
      summary: p.summary,
      significantFeatures: p.significantFeatures,
      outcome: p.outcome,
      provisions: p.provisions,
      victimProfile: p.victimProfile,
      defendantProfile: p.defendantProfile,
      cites: p.cites.map((ecli) => idOf.get(ecli)!),
      proceedingId,
      publishedAt,
      publishedBy: 'seed',
      corrections: [],
      withdrawn: false,
      withdrawnReason: null,
      lastChange: 'PUBLISHED',
      updatedAt: publishedAt,
    };
  });
}

/** Precedents written per step of a bulk load: memory holds one step. */
export const LOAD_STEP = 2000;

/**
 * Writes precedents and indexes them for search (a bulk load into a database that has none
 * of them), in steps of LOAD_STEP: each step's records are written, then indexed (their
 * entries merged into each posting at once). `progress` hears the number loaded after each
 * step. A load in decision order only ever rewrites the newest block of a posting.
 */
export async function loadPrecedents(connection: Connection, records: Iterable<PrecedentRecord>, progress?: (loaded: number) => void): Promise<void> {
  const { precedents, precedentIndex } = precedentModels(connection);
  let step: PrecedentRecord[] = [];
  let loaded = 0;
  const flush = async () => {
    await precedents.createMany(step);
    await precedentIndex.putAll(step.map((record) => ({ id: record._id, doc: indexedPrecedent(record) })));
    loaded += step.length;
    step = [];
    progress?.(loaded);
  };
  for (const record of records) {
    step.push(record);
    if (step.length === LOAD_STEP) await flush();
  }
  if (step.length > 0) await flush();
}
