import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES } from '../gateway/explorer';
import { startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// The explorer page: GraphiQL from the installed packages (no network), a token and a
// purpose field, the hub's examples; and, in a real headless browser (Debian's chromium,
// driven by playwright-core), an example run with a token, its answer found on the page.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, 'artifacts');
const hasBrowser = existsSync(CHROMIUM);

let hub: TestHub;
let origin: string;

beforeAll(async () => {
  hub = await startHub();
  origin = new URL(hub.gateway.url).origin;
});
afterAll(() => hub.stop());

describe('the explorer page', () => {
  it('is served at / and to a browser at /graphql, with a token and a purpose field, loading nothing from elsewhere', async () => {
    for (const [url, accept] of [[`${origin}/`, 'text/html'], [`${origin}/graphql`, 'text/html,application/xhtml+xml']]) {
      const res = await fetch(url, { headers: { accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain('id="token"');
      expect(html).toContain('id="purpose"');
      expect(html).toContain('npm run --silent token');
      // Every script and style is the hub's own.
      for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(src).toMatch(/^\/explorer\//);
    }
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'app.js']) {
      const res = await fetch(`${origin}/explorer/${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
    }
    expect((await fetch(`${origin}/explorer/nothing.js`)).status).toBe(404);
  });

  // Names of Object.prototype, encoded forms, traversal and malformed encodings: none is an asset.
  test.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    '%5F%5Fproto%5F%5F',
    '%63onstructor',
    'constructor%2F',
    'react.js%00',
    'react.js/',
    '%E0%A4%A',
    '%',
    '..%2Fpackage.json',
    'graphiql.js/constructor',
    '',
  ])('GET /explorer/%s answers 404 NOT_FOUND, never 500', async (name) => {
    const res = await fetch(`${origin}/explorer/${name}`);
    expect([name, res.status]).toEqual([name, 404]);
    expect(await res.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('serves assets to GET only', async () => {
    const res = await fetch(`${origin}/explorer/react.js`, { method: 'POST' });
    expect(res.status).toBe(404);
  });

  it('leaves GraphQL over GET and POST as it was', async () => {
    const get = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ precedents(first: 1) { totalCount } }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(get.headers.get('content-type')).toMatch(/application\/json/);
    const post = await hub.query(null, '{ precedents(first: 1) { totalCount } }');
    expect(post.body.errors).toBeUndefined();
  });

  test.each(EXAMPLES.map((e) => [e.title, e]))('example "%s" is valid for its role', async (_title, example) => {
    const token = example.role === 'anyone' ? null : await hub.token(example.role, 'DE');
    const res = await hub.query(token, example.query, {}, example.purpose ? { headers: { 'x-purpose': example.purpose } } : undefined);
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes).not.toContain('UNAUTHENTICATED');
    expect(codes).not.toContain('FORBIDDEN');
  });
});

const inBrowser = hasBrowser ? it : it.skip;
const title = hasBrowser
  ? 'in a headless browser: a token typed in, an example run, its answer on the page (screenshot in test/artifacts)'
  : `in a headless browser — SKIPPED: no browser at ${CHROMIUM}; install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`;

inBrowser(
  title,
  async () => {
    const { chromium } = await import('playwright-core');
    await registerVictim(hub, 'DE');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(origin)) outside.push(request.url());
      });
      await page.goto(`${origin}/`);
      await page.fill('#token', await hub.token('social_worker', 'DE'));
      const example = EXAMPLES.findIndex((e) => e.role === 'social_worker');
      await page.selectOption('#example', String(example));
      expect(await page.inputValue('#purpose')).toBe('CASE_MANAGEMENT');
      await page.waitForSelector('.graphiql-execute-button');
      await page.click('.graphiql-execute-button');
      const response = page.locator('.graphiql-response');
      await response.getByText('caseReference').first().waitFor({ timeout: 15_000 });
      const text = await response.innerText();
      expect(text).toContain('"totalCount"');
      expect(text).not.toContain('UNAUTHENTICATED');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png') });
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  },
  60_000,
);
