import { createWriteStream } from 'node:fs';
import { decodeJwt } from 'jose';
import PDFDocument from 'pdfkit';
import type { Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import { when } from '../../subgraphs/common/access-report';

/**
 * `npm run --silent access-report -- <victimId> --token <jwt> [--url …] [--from …] [--to …] [--out file.pdf]`:
 * asks the hub for a victim's access report, as the social worker or legal aid attorney
 * whose token it is, and writes it as a PDF that can be handed to the survivor.
 */

const QUERY = `query($victimId: ID!, $from: String, $to: String) { accessReport(victimId: $victimId, from: $from, to: $to) {
  caseReference from to generatedAt entries { text } } }`;

interface Report {
  caseReference: string;
  from: string;
  to: string;
  generatedAt: string;
  entries: Array<{ text: string }>;
}

const day = (iso: string) => when(new Date(iso)).replace(/, .*$/, '');

/** The report as a PDF (uncompressed, so that its text can be checked). */
export function writeAccessReportPdf(report: Report, file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: `Access report ${report.caseReference}` } });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
  });
  doc.font('Helvetica-Bold').fontSize(18).text('Who has seen your information');
  doc.moveDown(0.5).font('Helvetica').fontSize(11);
  doc.text(`Case reference ${report.caseReference}. This report lists every time someone in the Justice Hub looked at, or asked for and was refused, information about you between ${day(report.from)} and ${day(report.to)}.`);
  doc.moveDown(0.5).text('People are named by their role and organisation only. "Refused" means the hub did not give them that information.');
  doc.moveDown();
  if (report.entries.length === 0) doc.text('Nobody accessed your information in this period.');
  for (const entry of report.entries) doc.text(`• ${entry.text}`, { paragraphGap: 4 });
  doc.moveDown().fontSize(9).fillColor('#555').text(`Produced on ${day(report.generatedAt)} by the Justice Hub. Ask your social worker or lawyer if anything here is unclear or wrong.`);
  doc.end();
  return done;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const victimId = process.argv[2];
  const token = option('token') ?? process.env.TOKEN;
  if (!victimId || victimId.startsWith('--') || !token) {
    throw new Error('usage: npm run --silent access-report -- <victimId> --token <jwt> [--url http://127.0.0.1:4000/graphql] [--from …] [--to …] [--out report.pdf]');
  }
  const { role } = decodeJwt(token) as { role?: Role };
  const res = await fetch(option('url') ?? 'http://127.0.0.1:4000/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': option('purpose') ?? (role ? PURPOSES_BY_ROLE[role]?.[0] : undefined) ?? '' },
    body: JSON.stringify({ query: QUERY, variables: { victimId, from: option('from'), to: option('to') } }),
  });
  const body = (await res.json()) as { data?: { accessReport: Report }; errors?: Array<{ message: string }> };
  if (!body.data?.accessReport) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`);
  const file = option('out') ?? `access-report-${body.data.accessReport.caseReference}.pdf`;
  await writeAccessReportPdf(body.data.accessReport, file);
  console.log(file);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
