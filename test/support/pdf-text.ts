/** The text shown by an uncompressed PDF's TJ operators (pdfkit with `compress: false`), lines joined by spaces. */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines = [...source.matchAll(/\[((?:<[0-9a-f]*>|[-\d. ]+)*)\] TJ/g)].map((m) =>
    [...m[1].matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
  );
  return lines.join(' ').replace(/\s+/g, ' ');
}
