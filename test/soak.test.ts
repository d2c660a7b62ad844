import { MIX } from '../scripts/development/soak-load';
import { runSoak, soakMarkdown } from '../scripts/development/soak-run';
import { SUBGRAPHS } from '../subgraphs/registry';

/**
 * Issue 25, "sustained load": the machinery of `npm run soak`, bounded (20 s at a low fixed
 * rate instead of minutes at half the measured capacity). Every kind of request of the mix
 * is answered without an error, and the report has the memory of every process. Latency and
 * memory growth are reported by `npm run soak`, never asserted here.
 */
it('runs the mixed load on the hub in separate processes: no error, every kind answered, every process in the report', async () => {
  const report = await runSoak({ seconds: 20, rate: 4, sampleEveryMs: 2000, log: () => {} });
  expect(report.errorSamples).toEqual([]);
  expect(report.errors).toBe(0);
  expect(Object.keys(report.answeredByKind).sort()).toEqual([...new Set(MIX.map((m) => m.kind))].sort());

  const names = [...SUBGRAPHS.map(({ definition }) => definition.name), 'gateway', 'database'];
  expect(report.processes.map((p) => p.name).sort()).toEqual([...names].sort());
  for (const p of report.processes) {
    expect(p.warm).toBeGreaterThan(0);
    expect(p.end).toBeGreaterThan(0);
  }
  const text = soakMarkdown(report);
  for (const name of names) expect(text).toMatch(new RegExp(`^\\| ${name} \\| \\d+\\.\\d \\| \\d+\\.\\d \\|`, 'm'));
}, 300_000);
