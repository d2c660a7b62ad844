import { createWriteStream } from 'node:fs';
import { decodeJwt } from 'jose';
import PDFDocument from 'pdfkit';
import type { Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import { when } from '../../subgraphs/common/access-report';

/**
 * What the commands that write a PDF from the hub's answer share (`npm run access-report`,
 * `npm run case-file`): their options, the one question asked of the gateway with the
 * caller's own token, and the document itself.
 */

/** `--name value` on the command line. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

export interface HubAnswer<T> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** Asks the gateway as the token's holder, stating its role's first purpose unless `purpose` says otherwise; the whole answer, errors included. */
export async function askHub<T>(url: string, token: string, query: string, variables: Record<string, unknown>, purpose?: string): Promise<{ status: number; body: HubAnswer<T> }> {
  const { role } = decodeJwt(token) as { role?: Role };
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': purpose ?? (role ? PURPOSES_BY_ROLE[role]?.[0] : undefined) ?? '' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as HubAnswer<T> };
}

/** A new A4 PDF written to `file` (uncompressed, so that its text can be checked), and when it is written. */
export function pdfTo(file: string, title: string): { doc: PDFKit.PDFDocument; written: Promise<void> } {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: title } });
  const written = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
  });
  return { doc, written };
}

/** "2 December 2026" from an ISO time. */
export const day = (iso: string) => when(new Date(iso)).replace(/, .*$/, '');

/** "2 December 2026, 21:44 UTC" from an ISO time. */
export const moment = (iso: string) => when(new Date(iso));

/** Runs a command's main, printing its error's message and exiting 1 on failure. */
export function run(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
