import { askHub, day, option, pdfTo, run } from './pdf';

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

/** The report as a PDF (uncompressed, so that its text can be checked). */
export function writeAccessReportPdf(report: Report, file: string): Promise<void> {
  const { doc, written } = pdfTo(file, `Access report ${report.caseReference}`);
  doc.font('Helvetica-Bold').fontSize(18).text('Who has seen your information');
  doc.moveDown(0.5).font('Helvetica').fontSize(11);
  doc.text(`Case reference ${report.caseReference}. This report lists every time someone in the Justice Hub looked at, or asked for and was refused, information about you between ${day(report.from)} and ${day(report.to)}.`);
  doc.moveDown(0.5).text('People are named by their role and organisation only. "Refused" means the hub did not give them that information.');
  doc.moveDown();
  if (report.entries.length === 0) doc.text('Nobody accessed your information in this period.');
  for (const entry of report.entries) doc.text(`• ${entry.text}`, { paragraphGap: 4 });
  doc.moveDown().fontSize(9).fillColor('#555').text(`Produced on ${day(report.generatedAt)} by the Justice Hub. Ask your social worker or lawyer if anything here is unclear or wrong.`);
  doc.end();
  return written;
}

async function main() {
  const victimId = process.argv[2];
  const token = option('token') ?? process.env.TOKEN;
  if (!victimId || victimId.startsWith('--') || !token) {
    throw new Error('usage: npm run --silent access-report -- <victimId> --token <jwt> [--url http://127.0.0.1:4000/graphql] [--from …] [--to …] [--out report.pdf]');
  }
  const { status, body } = await askHub<{ accessReport: Report }>(option('url') ?? 'http://127.0.0.1:4000/graphql', token, QUERY, { victimId, from: option('from'), to: option('to') }, option('purpose'));
  if (!body.data?.accessReport) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${status}`);
  const file = option('out') ?? `access-report-${body.data.accessReport.caseReference}.pdf`;
  await writeAccessReportPdf(body.data.accessReport, file);
  console.log(file);
}

if (require.main === module) run(main);
