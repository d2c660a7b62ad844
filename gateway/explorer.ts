import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express, Request } from 'express';

/**
 * The explorer for people: GraphiQL, served from the npm packages installed with the hub
 * (no CDN, no network), at `GET /` and at `GET /graphql` for a browser (Accept: text/html).
 * A field for the bearer token and one for the purpose header go with every request the
 * page sends; the hub's example operations (one per role and subgraph) load into the
 * editor. With `devTokens`, the page says how to mint a development token.
 */

export interface ExplorerOptions {
  /** Show how to mint a development token (npm start and the tests; never when deployed). */
  devTokens: boolean;
}

export interface Example {
  title: string;
  /** Who may ask it: a role of the hub, or "anyone" (no token). */
  role: string;
  purpose: string;
  query: string;
}

/** One operation per role and per subgraph, as a partner developer would start. */
export const EXAMPLES: Example[] = [
  {
    title: 'Precedents: search case law (proceedings, no token)',
    role: 'anyone',
    purpose: '',
    query: `{\n  precedents(search: "forced labour", first: 5) {\n    totalCount\n    edges { score node { ecli court decidedOn summary } }\n  }\n}`,
  },
  {
    title: 'Certificates: verify a code (training, no token)',
    role: 'anyone',
    purpose: '',
    query: `query Verify($code: String! = "WB-2026-0000-0000") {\n  verifyCertificate(code: $code) { status holderName role body { name } }\n}`,
  },
  {
    title: 'Victims of my jurisdiction (victims, social worker)',
    role: 'social_worker',
    purpose: 'CASE_MANAGEMENT',
    query: `{\n  victims(first: 5) {\n    totalCount\n    edges { node { id caseReference status ageGroup legalName } }\n  }\n}`,
  },
  {
    title: 'Proceedings and their hearings (proceedings, judge)',
    role: 'judge',
    purpose: 'ADJUDICATION',
    query: `{\n  proceedings(first: 5) {\n    totalCount\n    edges { node { id caseNumber stage hearings { scheduledAt safeTransportNeeded } } }\n  }\n}`,
  },
  {
    title: 'Legal assistance requests, overdue first (proceedings, prosecutor)',
    role: 'prosecutor',
    purpose: 'PROSECUTION',
    query: `{\n  legalAssistanceRequests(overdue: true, first: 5) {\n    totalCount\n    edges { node { reference status executingJurisdiction recognitionDue overdue } }\n  }\n}`,
  },
  {
    title: 'Joint investigation teams (proceedings, police)',
    role: 'law_enforcement',
    purpose: 'CRIMINAL_INVESTIGATION',
    query: `{\n  jointInvestigationTeams {\n    edges { node { name status parties endsOn } }\n  }\n}`,
  },
  {
    title: 'A free bed for a person (shelters, shelter staff)',
    role: 'shelter_staff',
    purpose: 'SHELTER_PLACEMENT',
    query: `{\n  matchShelters(needs: { gender: FEMALE, services: [MEDICAL, PSYCHOLOGICAL], languages: ["uk"] }) {\n    shelter { name city availableBeds address }\n    meets\n    misses\n  }\n}`,
  },
  {
    title: 'An attorney who speaks her language (legal aid, attorney)',
    role: 'legal_aid_attorney',
    purpose: 'LEGAL_REPRESENTATION',
    query: `{\n  matchAttorneys(jurisdiction: "AT", languages: ["uk"], matter: REPATRIATION) {\n    attorney { name languages provider { name } }\n    meets\n    activeAssignments\n  }\n}`,
  },
  {
    title: 'Practitioners of my jurisdiction (training, accreditation officer)',
    role: 'accreditation_officer',
    purpose: 'CASE_MANAGEMENT',
    query: `{\n  practitioners(first: 5) {\n    totalCount\n    edges { node { name role certificates { code status expiresOn } } }\n  }\n}`,
  },
  {
    title: 'Shelters of my jurisdiction (shelters, partner system)',
    role: 'partner_system',
    purpose: 'STATISTICS',
    query: `{\n  shelters(first: 10) {\n    edges { node { name city capacity availableBeds services } }\n  }\n}`,
  },
  {
    title: 'Every audit chain, verified (audit, auditor)',
    role: 'auditor',
    purpose: 'OVERSIGHT',
    query: `{\n  auditChains { service verify { valid events } }\n}`,
  },
];

/** The UMD builds the page loads, from node_modules (resolved once, at start). */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A file of an installed package (its `exports` hide the UMD builds from require.resolve). */
const packageFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(options: ExplorerOptions): string {
  const devTokens = options.devTokens
    ? `<details id="dev-tokens"><summary>How do I get a token?</summary><p>This hub trusts a development issuer. Mint a token for a role and jurisdiction:</p>
<pre>npm run --silent token -- --role social_worker --jurisdiction DE</pre>
<p>Roles: judge, prosecutor, law_enforcement, social_worker, legal_aid_attorney, shelter_staff, accreditation_officer, partner_system, auditor. Add <code>--sub</code> or <code>--org</code> to act as a given practitioner or organisation. Each example names the role it is for and fills in the purpose.</p></details>`
    : '';
  const options_ = EXAMPLES.map((e, i) => `<option value="${i}">${escapeHtml(e.title)}</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Justice Hub explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/explorer/graphiql.css">
<style>
 body { margin: 0; font-family: system-ui, sans-serif; height: 100vh; display: flex; flex-direction: column; }
 header { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .5rem .75rem; border-bottom: 1px solid #ddd; }
 header label { display: flex; gap: .4rem; align-items: center; font-size: .9rem; }
 header input { font-family: monospace; }
 #token { width: 22rem; }
 #graphiql { flex: 1; min-height: 0; }
 details { font-size: .85rem; } pre { background: #f4f4f4; padding: .4rem; }
</style></head>
<body>
<header>
 <strong>Justice Hub</strong>
 <label>Bearer token <input id="token" type="password" autocomplete="off" placeholder="paste a token (empty: public fields only)"></label>
 <label>X-Purpose <input id="purpose" size="22" placeholder="e.g. CASE_MANAGEMENT"></label>
 <label>Example <select id="example"><option value="">—</option>${options_}</select></label>
 ${devTokens}
</header>
<div id="graphiql"></div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script src="/explorer/app.js"></script>
</body></html>`;
}

/** The page's own script: a fetcher that sends the token and purpose typed above, and the examples. */
function appScript(): string {
  return `(function () {
  var examples = ${JSON.stringify(EXAMPLES)};
  var token = document.getElementById('token');
  var purpose = document.getElementById('purpose');
  var select = document.getElementById('example');
  function fetcher(params) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    if (token.value.trim()) headers.authorization = 'Bearer ' + token.value.trim();
    if (purpose.value.trim()) headers['x-purpose'] = purpose.value.trim();
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (r) { return r.json(); });
  }
  var e = React.createElement;
  function Explorer() {
    var state = React.useState(examples[0].query);
    React.useEffect(function () {
      select.onchange = function () {
        var example = examples[Number(select.value)];
        if (!example) return;
        purpose.value = example.purpose;
        state[1](example.query);
      };
    }, []);
    return e(GraphiQL, { fetcher: fetcher, query: state[0], onEditQuery: state[1], defaultEditorToolsVisibility: true });
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(e(Explorer));
})();`;
}

/** A browser asking for a page (not a GraphQL client doing a GET). */
function wantsPage(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

interface Asset {
  body: Buffer | string;
  type: string;
  cacheControl: string;
}

const notFound = { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] };

/** Mounts the explorer on the gateway's app, before /graphql. */
export function mountExplorer(app: Express, options: ExplorerOptions): void {
  const html = page(options);
  // A Map, not an object: a name such as `constructor` or `__proto__` must find nothing
  // rather than something of Object.prototype (which answered 500).
  const assets = new Map<string, Asset>(
    Object.entries(ASSETS).map(([name, { pkg, file, type }]) => [name, { body: readFileSync(packageFile(pkg, file)), type, cacheControl: 'public, max-age=86400' }]),
  );
  assets.set('app.js', { body: appScript(), type: 'text/javascript', cacheControl: 'no-store' });
  const send = (res: Parameters<Parameters<Express['get']>[1]>[1]) => res.type('text/html').setHeader('Cache-Control', 'no-store').send(html);
  app.get('/', (_req, res) => send(res));
  app.get('/graphql', (req, res, next) => (wantsPage(req) ? send(res) : next()));
  // Every path under /explorer: an asset by its exact, undecoded name, else 404. No route
  // parameter, so a malformed percent-encoding cannot fail in decoding either.
  app.use('/explorer', (req, res) => {
    const asset = req.method === 'GET' || req.method === 'HEAD' ? assets.get(req.path.slice(1)) : undefined;
    if (!asset) return void res.status(404).json(notFound);
    res.type(asset.type).setHeader('Cache-Control', asset.cacheControl).send(asset.body);
  });
}
