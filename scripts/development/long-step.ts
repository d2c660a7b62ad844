import { spawn } from 'node:child_process';

/**
 * A command that may take minutes (the first build of the embedded database: Go modules to
 * download, a few hundred packages to compile) must not leave the terminal silent: every
 * `every` ms (15 s) it says what it is still doing, for how long, and how far it got.
 */

/** "45 s", "3 min 05 s". */
export function elapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export interface LongStepOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Each line the command writes to stderr (go writes progress there: "go: downloading …", `-v` package names). */
  onLine?: (line: string) => void;
  /** How far it got, for the progress line ("120 of 480 packages"); undefined says nothing. */
  progress?: () => string | undefined;
  every?: number;
}

/**
 * Runs `command`; resolves with its standard output. Rejects naming the step, the exit status
 * and the end of what the command wrote to stderr (the reason: a network error, a compile error).
 */
export function runLongStep(what: string, command: string, args: string[], options: LongStepOptions): Promise<string> {
  const started = Date.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let partialLine = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop()!;
    for (const line of lines) if (line.trim()) options.onLine?.(line.trim());
  });
  const timer = setInterval(() => {
    const detail = options.progress?.();
    options.log(`  … still ${what}: ${elapsed(Date.now() - started)}${detail ? `, ${detail}` : ''}`);
  }, options.every ?? 15_000);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearInterval(timer);
      reject(new Error(`${what} failed: ${command} could not be run (${error.message})`));
    });
    child.once('close', (code, signal) => {
      clearInterval(timer);
      if (partialLine.trim()) options.onLine?.(partialLine.trim());
      if (code === 0) return resolve(stdout);
      reject(new Error(`${what} failed (${command} ${args.join(' ')} exited ${code ?? signal}):\n${stderr.trim()}`));
    });
  });
}
