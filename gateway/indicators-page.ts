import type { Express, Request, RequestHandler, Response } from 'express';
import { DOWNLOAD, type RunAsCaller } from './indicators';
import { INDICATORS_SCRIPT } from './indicators-script';

/**
 * The indicators page for people (issue 26) at `/indicators`: pick a region and a period,
 * see each indicator per jurisdiction and its trend over the last 8 periods as charts,
 * suppressed cells hatched and labelled "suppressed" (never drawn as zero). It reads the
 * same downloads as a spreadsheet (`/indicators/<region>.json`) with the token typed in:
 * without one, the region's yearly values (public) over 8 years; with an allowed one, per
 * jurisdiction and the last 8 quarters. The charts are SVG drawn by the page's own script
 * (indicators-script.ts): no chart library, nothing from a CDN, the values readable as
 * text in the page. Served with every gateway (the values are public or token-bound), its
 * assets under strict names.
 */

export interface IndicatorPageOptions {
  /** The indicator fields the supergraph has, each with its subgraph (indicators.ts). */
  fields: Map<string, string>;
  downloads: RequestHandler;
  run: RunAsCaller;
  /** The per-caller rate limit, for the downloads. */
  limit: RequestHandler;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body { margin: 0; font-family: system-ui, sans-serif; color: #1a202c; background: #fff; }
header { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; padding: .75rem; border-bottom: 1px solid #ddd; }
#choice { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
header label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }
#token { width: 18rem; font-family: monospace; }
#status { padding: .5rem .75rem; min-height: 1.2rem; font-size: .9rem; }
#status.problem { background: #fff5f5; color: #9b2c2c; }
#downloads { font-size: .85rem; }
main { padding: 0 .75rem 1rem; }
section h2 { font-size: 1.1rem; margin: 1rem 0 .4rem; }
.indicator { display: inline-block; vertical-align: top; margin: 0 1rem 1rem 0; border: 1px solid #e2e8f0; border-radius: 4px; padding: .4rem; }
.indicator h3 { font-size: .9rem; margin: 0; }
.indicator .note { font-size: .75rem; color: #4a5568; margin: .1rem 0 .3rem; max-width: 690px; }
.charts { display: flex; gap: .5rem; }
figure { margin: 0; } figcaption { font-size: .75rem; color: #4a5568; }
svg text { font-size: 10px; fill: #2d3748; }`;

function page(regions: Array<{ code: string; name: string }>, fields: string[], problem: string | null): string {
  const year = new Date().getUTCFullYear();
  const options = regions.map((r) => `<option value="${escapeHtml(r.code)}">${escapeHtml(r.name)} (${escapeHtml(r.code)})</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Justice Hub indicators</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/indicators/page.css">
</head>
<body data-fields="${escapeHtml(fields.join(','))}">
<header>
 <strong>Justice Hub indicators</strong>
 <form id="choice">
  <label>Region <select id="region">${options}</select></label>
  <label>Year <input id="year" type="number" min="2000" max="2100" value="${year}"></label>
  <label>Quarter <select id="quarter"><option value="">whole year</option><option>1</option><option>2</option><option>3</option><option>4</option></select></label>
  <label>Bearer token (for quarters and jurisdictions) <input id="token" type="password" autocomplete="off" placeholder="empty: the region's yearly values"></label>
  <button id="show" type="submit">Show</button>
 </form>
 <span id="downloads"></span>
</header>
<div id="status" role="status">${problem ? escapeHtml(problem) : 'Without a token: each region&#39;s yearly values, which are public. With a token of a partner system, auditor, judge or prosecutor of the region: per jurisdiction and by quarter.'}</div>
<main id="charts"></main>
<script src="/indicators/page.js"></script>
</body></html>`;
}

const notFound = { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] };

/** Mounts `/indicators` (the page), its two assets, and the downloads under it; anything else under it is 404. */
export function mountIndicatorPage(app: Express, options: IndicatorPageOptions): void {
  const assets = new Map<string, { body: string; type: string }>([
    ['page.js', { body: INDICATORS_SCRIPT, type: 'text/javascript' }],
    ['page.css', { body: STYLE, type: 'text/css' }],
  ]);
  // No route parameter: the path is matched as sent, so a malformed encoding cannot fail in decoding.
  app.use('/indicators', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.status(404).json(notFound);
    if (DOWNLOAD.test(req.path)) return options.limit(req, res, () => options.downloads(req, res, next));
    if (req.path === '/') return options.limit(req, res, () => void sendPage(req, res));
    const asset = assets.get(req.path.slice(1));
    if (!asset) return void res.status(404).json(notFound);
    res.type(asset.type).setHeader('Cache-Control', 'no-store').send(asset.body);
  });

  async function sendPage(req: Request, res: Response): Promise<void> {
    // The regions, asked through the pipeline as the caller (public; rate-limited like a download).
    let regions: Array<{ code: string; name: string }> = [];
    let problem: string | null = null;
    try {
      const result = await options.run(req, res, '{ regions { code name } }', {});
      regions = (result.data?.regions as typeof regions | undefined) ?? [];
      if (!result.data?.regions) problem = 'The list of regions is unavailable: ask again later.';
    } catch (error) {
      problem = error instanceof Error ? error.message : 'The list of regions is unavailable';
    }
    res.type('text/html').setHeader('Cache-Control', 'no-store').send(page(regions, [...options.fields.keys()], problem));
  }
}
