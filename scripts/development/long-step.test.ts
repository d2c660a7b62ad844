import { elapsed, runLongStep } from './long-step';

/**
 * scripts/development/long-step.ts: the first `npm start` builds the embedded database for minutes; the
 * terminal must keep saying what is going on (step, time, progress), and a failure must name
 * the step and the command's own reason.
 */

const node = process.execPath;
// A stand-in for `go build -v`: names three packages on stderr, a little apart, then ends.
const slowCompiler = `
  const names = ['a/one', 'a/two', 'a/three'];
  let i = 0;
  const timer = setInterval(() => {
    process.stderr.write(names[i++] + '\\n');
    if (i === names.length) { clearInterval(timer); process.stdout.write('built'); }
  }, 150);`;

test('a long step says every interval what it is still doing, for how long and how far it got', async () => {
  const lines: string[] = [];
  let compiled = 0;
  const out = await runLongStep('compiling FerretDB', node, ['-e', slowCompiler], {
    cwd: process.cwd(),
    log: (line) => lines.push(line),
    onLine: () => (compiled += 1),
    progress: () => `${compiled} of at most 3 packages compiled`,
    every: 100,
  });
  expect(out).toBe('built');
  expect(compiled).toBe(3);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines[0]).toMatch(/^ {2}… still compiling FerretDB: \d+ s, \d of at most 3 packages compiled$/);
  expect(lines.some((line) => /[12] of at most 3/.test(line))).toBe(true); // the count moves while it runs
  const count = lines.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(lines).toHaveLength(count); // and it stops once the step ends
});

test('a failed step names the step, the command and its reason', async () => {
  const failing = runLongStep('downloading Go modules', node, ['-e', `process.stderr.write('dial tcp: proxy.golang.org: no route to host'); process.exit(1)`], {
    cwd: process.cwd(),
    log: () => {},
  });
  await expect(failing).rejects.toThrow(/^downloading Go modules failed \(.* exited 1\):\ndial tcp: proxy.golang.org: no route to host$/);
  await expect(runLongStep('compiling FerretDB', '/nonexistent/go', [], { cwd: process.cwd(), log: () => {} })).rejects.toThrow(
    /compiling FerretDB failed: \/nonexistent\/go could not be run/,
  );
});

test('elapsed time reads as seconds, then minutes and seconds', () => {
  expect(elapsed(44_600)).toBe('45 s');
  expect(elapsed(185_000)).toBe('3 min 05 s');
});
