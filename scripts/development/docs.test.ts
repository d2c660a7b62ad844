import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { ROOT, SCHEMA_DIR } from '../../platform/paths';
import { apiSchemaOf } from '../operations/trust';

// The docs a newcomer reads stay short enough to read and never lead nowhere: the README
// and the architecture map keep their length; every relative link of every markdown page
// in the repository (README, guides, the map, each folder's README, decisions) resolves to
// a file, and an anchor to a heading of it; every request the README and the guides show
// is valid against the API schema. (The guides' ```graphql blocks also run against a hub:
// test/walkthroughs.test.ts; the README's blocks and the curl examples run nowhere, so they
// are checked here.)

const README_MAX_LINES = 250;
const MAP_MAX_LINES = 320;

/** Every markdown page git tracks, as paths from the repository root. */
const PAGES = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.includes('/ferretdb/'));
const GUIDES = PAGES.filter((page) => page === 'README.md' || page.startsWith('docs/guides/'));

/** The text outside fenced code blocks, where a `[x](y)` is a link. */
export function prose(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .filter((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return false;
      }
      return !fenced;
    })
    .join('\n');
}

/** Relative link targets of a page (web and mail addresses aside). */
export function relativeLinks(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, (span) => (span.includes('](') ? '' : span));
  const links: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(m[1])) links.push(m[1]);
  }
  return links;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of prose(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (m) anchors.add(anchorOf(m[1]));
  }
  return anchors;
}

/** What is wrong with the links of one page, in words (empty when every link holds). */
export function brokenLinks(page: string, read: (file: string) => string | undefined): string[] {
  const source = read(page);
  if (source === undefined) return [`${page} does not exist`];
  const broken: string[] = [];
  for (const link of relativeLinks(source)) {
    const [target, anchor] = link.split('#', 2);
    const file = target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), target));
    const content = read(file);
    if (content === undefined) {
      broken.push(`${page}: ${link} (no file ${file})`);
      continue;
    }
    if (anchor && file.endsWith('.md') && !anchorsOf(content).has(anchor)) broken.push(`${page}: ${link} (no heading #${anchor} in ${file})`);
  }
  return broken;
}

/** A file's text, '' for a folder (it exists and has no headings), undefined when absent. */
function readRepoFile(file: string): string | undefined {
  const full = path.join(ROOT, file);
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
}

/** Every GraphQL request a document shows: its ```graphql blocks and the queries in its curl examples. */
export function requestsIn(markdown: string): Array<{ line: number; text: string }> {
  const requests: Array<{ line: number; text: string }> = [];
  const lineAt = (index: number) => markdown.slice(0, index).split('\n').length;
  for (const m of markdown.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm)) {
    if (m[1] === 'graphql') requests.push({ line: lineAt(m.index), text: m[2] });
    if (m[1] !== 'sh') continue;
    for (const q of m[2].matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)) {
      requests.push({ line: lineAt(m.index + q.index), text: JSON.parse(`"${q[1]}"`) as string });
    }
  }
  return requests;
}

const lineCount = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').split('\n').length;

test(`README.md is at most ${README_MAX_LINES} lines, and docs/architecture.md (a map) at most ${MAP_MAX_LINES}`, () => {
  expect(lineCount('README.md')).toBeLessThanOrEqual(README_MAX_LINES);
  expect(lineCount('docs/architecture.md')).toBeLessThanOrEqual(MAP_MAX_LINES);
});

test('every subgraph and every folder of the platform has its README', () => {
  const folders = ['gateway', 'platform', 'scripts', 'test', 'subgraphs/common', 'subgraphs/common/storage'];
  const missing = folders.filter((folder) => !PAGES.includes(`${folder}/README.md`));
  expect(missing).toEqual([]);
});

test.each(PAGES)('every relative link of %s resolves (file and heading)', (page) => {
  expect(brokenLinks(page, readRepoFile)).toEqual([]);
});

describe('the requests the docs show are valid against the API schema', () => {
  const schema = apiSchemaOf(readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));
  test.each(GUIDES)('%s', (doc) => {
    const invalid = requestsIn(readFileSync(path.join(ROOT, doc), 'utf8')).flatMap(({ line, text }) => {
      try {
        return validate(schema, parse(text)).map((e) => `line ${line}: ${e.message}`);
      } catch (error) {
        return [`line ${line}: ${(error as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });
});

test('a link to a missing file, or to a heading a page does not have, is reported', () => {
  const pages: Record<string, string> = {
    'docs/map.md': '# Map\n[there](../gateway/README.md) [gone](../gone.md) [heading](../gateway/README.md#nowhere)\n```\n[in code](../also-gone.md)\n```\n',
    'gateway/README.md': '# The gateway\n## Request limits and cost\n',
  };
  expect(brokenLinks('docs/map.md', (f) => pages[f])).toEqual([
    'docs/map.md: ../gone.md (no file gone.md)',
    'docs/map.md: ../gateway/README.md#nowhere (no heading #nowhere in gateway/README.md)',
  ]);
  expect(anchorOf('Consent decisions across subgraphs (`consents.ts`)')).toBe('consent-decisions-across-subgraphs-consentsts');
});
