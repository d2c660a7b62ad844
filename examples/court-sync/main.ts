import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hubFromEnv, request, run } from '../client';
import { PrecedentChangesDocument, type PrecedentChangesQuery } from './generated';

// A court's nightly precedent sync: every precedent published, corrected or withdrawn since
// the last run, from the cursor it saved then (CURSOR_FILE, default ./court-sync.cursor;
// none: from the start). Each change is one JSON line on stdout (what a court's own system
// would store); the cursor is saved after each page, so an interrupted run resumes where
// it stopped. No token needed: the feed is public (HUB_TOKEN is sent if set).

type Change = PrecedentChangesQuery['precedentChanges']['changes'][number];

const PAGE = Number(process.env.PAGE_SIZE ?? 100);

function savedCursor(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

/** Written beside and renamed: a crash never leaves half a cursor. */
function saveCursor(file: string, cursor: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(`${file}.tmp`, cursor);
  renameSync(`${file}.tmp`, file);
}

function store(change: Change): void {
  const { kind, ecli, withdrawn, changedAt, precedent } = change;
  console.log(JSON.stringify({ kind, ecli, withdrawn, changedAt, court: precedent.court, jurisdiction: precedent.jurisdiction, decidedOn: precedent.decidedOn }));
}

run(async () => {
  const hub = hubFromEnv();
  const file = process.env.CURSOR_FILE ?? 'court-sync.cursor';
  let since = savedCursor(file);
  const from = since ? 'the saved cursor' : 'the start';
  let fetched = 0;
  for (;;) {
    const { precedentChanges } = await request(hub, PrecedentChangesDocument, { since, first: PAGE });
    precedentChanges.changes.forEach(store);
    fetched += precedentChanges.changes.length;
    if (precedentChanges.cursor && precedentChanges.cursor !== since) saveCursor(file, (since = precedentChanges.cursor));
    if (!precedentChanges.hasMore) break;
  }
  console.error(`court-sync: ${fetched} change(s) since ${from}; cursor in ${file}`);
});
