import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markdownTable, RELIABILITY_DOC, writeReliabilitySection } from './reliability-report';

describe('docs/reliability.md sections', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reliability-'));
  const file = path.join(dir, 'reliability.md');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a tool rewrites only the part between its own markers', () => {
    writeFileSync(file, '# R\n\n<!-- chaos:start -->\nold chaos\n<!-- chaos:end -->\n\ntext\n\n<!-- soak:start -->\nold soak\n<!-- soak:end -->\n');
    writeReliabilitySection('soak', 'new soak\n', file);
    writeReliabilitySection('soak', 'newer soak', file);
    expect(readFileSync(file, 'utf8')).toBe('# R\n\n<!-- chaos:start -->\nold chaos\n<!-- chaos:end -->\n\ntext\n\n<!-- soak:start -->\nnewer soak\n<!-- soak:end -->\n');
  });

  it('a page without the section is refused, naming the markers', () => {
    writeFileSync(file, '# R\n');
    expect(() => writeReliabilitySection('fuzz', 'x', file)).toThrow('has no <!-- fuzz:start --> … <!-- fuzz:end --> section to write');
  });

  it('the committed page has every section', () => {
    const page = readFileSync(RELIABILITY_DOC, 'utf8');
    for (const section of ['chaos', 'fuzz', 'soak']) expect(page).toMatch(new RegExp(`<!-- ${section}:start -->[^]*<!-- ${section}:end -->`));
  });

  it('tables are Markdown', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
  });
});
