import type { Express, RequestHandler, Response } from 'express';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * A certificate's status for people (issue 29): `GET /verify/<code>` is a plain HTML page
 * (no script, every value escaped) with what `verifyCertificate(code)` answers anyone
 * without a token — the same query, run through the gateway's own pipeline, so nothing
 * more is shown; an unknown code is a 404 page saying so, a mistyped one a 400.
 * `GET /verify/<code>/certificate.pdf` is the certificate an officer prints: the same
 * facts and a QR code to the page, whose address is formed from the hub's public origin
 * (`PUBLIC_ORIGIN`), so it can be scanned from paper.
 */

export interface VerificationPageOptions {
  /** Runs an operation with no token (the verification is public). */
  runPublic: (res: Response, query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** The hub's public origin, e.g. https://hub.example: the QR code points to <origin>/verify/<code>. */
  publicOrigin: string;
  /** The per-caller rate limit. */
  limit: RequestHandler;
}

export const VERIFY_QUERY = `query VerifyCertificatePage($code: String!) {
  verifyCertificate(code: $code) { code status holderName role issuedOn expiresOn checkedAt scope { programCode programTitle competencies } body { id name region } }
}`;

interface Verification {
  code: string;
  status: string;
  holderName: string | null;
  role: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  checkedAt: string;
  scope: { programCode: string; programTitle: string; competencies: string[] } | null;
  body: { id: string; name: string; region: string } | null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const words = (s: string) => s.toLowerCase().replace(/_/g, ' ');

/** What a status means to someone holding the paper. */
const MEANING: Record<string, string> = {
  VALID: 'This certificate is valid.',
  SUSPENDED: 'This certificate is suspended by its accreditation body: it is not in force until it is reinstated.',
  REVOKED: 'This certificate was revoked by its accreditation body: it is not valid.',
  EXPIRED: 'This certificate has expired.',
};

const STYLE = `body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a202c; }
.status { font-size: 1.3rem; font-weight: bold; padding: .6rem .8rem; border-radius: 4px; }
.VALID { background: #f0fff4; color: #22543d; } .SUSPENDED, .EXPIRED { background: #fffaf0; color: #7b341e; } .REVOKED, .NOT_FOUND, .BAD { background: #fff5f5; color: #9b2c2c; }
dt { font-weight: bold; margin-top: .5rem; } dd { margin-left: 0; }
footer { margin-top: 1.5rem; font-size: .85rem; color: #4a5568; }`;

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${main}
</body></html>
`;
}

/** The facts shown, as label and text: the page and the PDF show the same ones. */
function factsOf(v: Verification): Array<[string, string]> {
  return [
    ['Code', v.code],
    ['Holder', v.holderName ?? ''],
    ['Profession', words(v.role ?? '')],
    ['Program', v.scope ? `${v.scope.programTitle} (${v.scope.programCode})` : ''],
    ['Competencies', v.scope ? v.scope.competencies.map(words).join(', ') : ''],
    ['Accreditation body', v.body ? `${v.body.name} (${v.body.region})` : ''],
    ['Issued on', v.issuedOn ?? ''],
    ['Expires on', v.expiresOn ?? ''],
  ];
}

function verificationPage(v: Verification): string {
  const facts = factsOf(v)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  return page(`Certificate ${v.code}`, `<p class="status ${escapeHtml(v.status)}">${escapeHtml(v.status)}: ${escapeHtml(MEANING[v.status] ?? '')}</p>
<dl>
${facts}
</dl>
<footer>As of ${escapeHtml(v.checkedAt)}. The same answer as the hub's verifyCertificate query; the credential the holder carries can be checked offline against the body's published keys and status lists.</footer>`);
}

function problemPage(res: Response, status: number, title: string, text: string): void {
  res.status(status).type('html').send(page(title, `<p class="status ${status === 404 ? 'NOT_FOUND' : 'BAD'}">${escapeHtml(text)}</p>`));
}

/** The certificate to print: its facts, its status now, and the QR code of its page (uncompressed, so tests read it back). */
async function certificatePdf(v: Verification, url: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 200 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: `Certificate ${v.code}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(20).text(v.scope?.programTitle ?? 'Certificate');
  doc.moveDown(0.5).fontSize(12).text(`${v.body?.name ?? ''} certifies that`);
  doc.moveDown(0.5).fontSize(16).text(v.holderName ?? '');
  doc.moveDown(0.5).fontSize(11);
  for (const [label, value] of factsOf(v)) doc.text(`${label}: ${value}`);
  doc.moveDown().text(`Status when printed (${v.checkedAt}): ${v.status}`);
  doc.moveDown().text('Scan the code, or open the address below, to see its status now:');
  doc.image(qr, { fit: [150, 150] });
  doc.text(url);
  doc.end();
  return done;
}

const CODE_PATH = /^[0-9A-Za-z-]{1,40}$/;

export function mountVerificationPage(app: Express, options: VerificationPageOptions): void {
  const origin = options.publicOrigin.replace(/\/+$/, '');
  /** verifyCertificate for the path's code; null when the page already answered. */
  const verified = async (code: string, res: Response): Promise<Verification | null> => {
    // The status changes with every revocation: each request asks again.
    res.setHeader('Cache-Control', 'no-cache');
    // No script, no frame, no request elsewhere: a page to read and print.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    if (!CODE_PATH.test(code)) return problemPage(res, 400, 'Not a certificate code', 'This is not a certificate code.'), null;
    const result = await options.runPublic(res, VERIFY_QUERY, { code });
    const error = result.errors?.[0];
    if (error?.extensions?.code === 'BAD_USER_INPUT') return problemPage(res, 400, 'Not a certificate code', `${code} is not a certificate code: ${error.message}`), null;
    if (error || !result.data?.verifyCertificate) return problemPage(res, 503, 'Not available', 'The certificate could not be checked just now. Please try again later.'), null;
    const v = result.data.verifyCertificate as Verification;
    if (v.status === 'NOT_FOUND') return problemPage(res, 404, 'Certificate not found', `No certificate ${v.code} was found.`), null;
    return v;
  };
  app.get('/verify/:code', options.limit, async (req, res, next) => {
    try {
      const v = await verified(String(req.params.code), res);
      if (v) res.status(200).type('html').send(verificationPage(v));
    } catch (error) {
      next(error);
    }
  });
  app.get('/verify/:code/certificate.pdf', options.limit, async (req, res, next) => {
    try {
      const v = await verified(String(req.params.code), res);
      if (!v) return;
      res.setHeader('Content-Disposition', `inline; filename="certificate-${v.code}.pdf"`);
      res.status(200).type('application/pdf').send(await certificatePdf(v, `${origin}/verify/${v.code}`));
    } catch (error) {
      next(error);
    }
  });
}
