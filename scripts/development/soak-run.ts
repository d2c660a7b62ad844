import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from './embedded-db';
import { startFaultHub } from './fault-hub';
import { markdownTable, runContext } from './reliability-report';
import { MIX, p99, residentMb, runMix, seed, VICTIMS_SEEDED } from './soak-load';

/**
 * A soak run (`npm run soak`, test/soak.test.ts): the hub in separate processes on an
 * embedded database of its own, over loopback; first its capacity for the mix is measured
 * briefly (as many requests as it answers on CONNECTIONS connections), then the mix runs at
 * half that rate (or at a fixed `rate`) for `seconds`, while the resident memory of every
 * process is sampled. Speed and memory are reported, never asserted; errors must be 0.
 */
export interface SoakOptions {
  seconds: number;
  /** Requests per second: skips the capacity measurement. */
  rate?: number;
  measureSeconds?: number;
  connections?: number;
  sampleEveryMs?: number;
  log?: (line: string) => void;
}

export interface ProcessMemory {
  name: string;
  pid: number;
  /** Resident memory (MB) after warm-up (the end of the first window) and at the end. */
  warm: number;
  end: number;
  samples: number;
}

export interface SoakReport {
  capacity: number | null;
  rate: number;
  seconds: number;
  windowSeconds: number;
  requests: number;
  perSecond: number;
  errors: number;
  errorSamples: string[];
  answeredByKind: Record<string, number>;
  p99First: number;
  p99Last: number;
  processes: ProcessMemory[];
}

const CONNECTIONS = 8;

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? console.log;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-soak-'));
  const db = await startEmbeddedDatabase({ dataDir: path.join(workDir, 'db') });
  try {
    log('starting the hub in separate processes…');
    const faults = await startFaultHub('soak', { mongoUri: db.uri });
    try {
      const seeded = await seed(faults);
      const connections = options.connections ?? CONNECTIONS;
      let capacity: number | null = null;
      if (!options.rate) {
        const measured = await runMix(faults, seeded, { seconds: options.measureSeconds ?? 20, connections });
        if (measured.errors) throw new Error(`errors while measuring capacity: ${measured.errorSamples.join('\n')}`);
        capacity = measured.perSecond;
        log(`capacity: ${capacity.toFixed(1)} requests/s on ${connections} connections`);
      }
      const rate = options.rate ?? Math.max(1, Math.floor(capacity! / 2));
      const processes = [
        ...Object.values(faults.hub.subgraphs).map(({ name, pid }) => ({ name, pid })),
        { name: 'gateway', pid: faults.hub.gateway.pid },
        { name: 'database', pid: db.pid },
      ];
      const windowMs = Math.max(1, Math.min(60, Math.floor(options.seconds / 3))) * 1000;
      const samples: Array<{ at: number; mb: number[] }> = [];
      const started = Date.now();
      const sample = () => samples.push({ at: Date.now() - started, mb: processes.map((p) => residentMb(p.pid)) });
      sample();
      const sampler = setInterval(sample, options.sampleEveryMs ?? 5000);
      log(`running the mix at ${rate} requests/s for ${options.seconds} s…`);
      const run = await runMix(faults, seeded, { seconds: options.seconds, connections, rate }).finally(() => clearInterval(sampler));
      sample();
      const warm = samples.find((s) => s.at >= windowMs) ?? samples[0];
      const end = samples[samples.length - 1];
      const runMs = end.at;
      return {
        capacity,
        rate,
        seconds: options.seconds,
        windowSeconds: windowMs / 1000,
        requests: run.requests,
        perSecond: run.perSecond,
        errors: run.errors,
        errorSamples: run.errorSamples,
        answeredByKind: run.answeredByKind,
        p99First: p99(run.latencies, 0, windowMs),
        p99Last: p99(run.latencies, runMs - windowMs, runMs + 1),
        processes: processes.map((p, i) => ({ ...p, warm: warm.mb[i], end: end.mb[i], samples: samples.length })),
      };
    } finally {
      await faults.stop();
    }
  } finally {
    await db.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const mb = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');

/** The soak section of docs/reliability.md. */
export function soakMarkdown(report: SoakReport): string {
  const growth = (p: ProcessMemory) => `${p.end - p.warm >= 0 ? '+' : ''}${mb(p.end - p.warm)} (${(((p.end - p.warm) / p.warm) * 100).toFixed(1)} %)`;
  const kinds = [...new Set(MIX.map((m) => m.kind))];
  const duration = report.seconds >= 60 ? `${(report.seconds / 60).toFixed(1)} minutes` : `${report.seconds} s`;
  return [
    `Last run: ${runContext()}.`,
    '',
    // One sentence a line: Markdown joins them into one paragraph.
    `${duration} of a mix of ${kinds.join(', ')} (${VICTIMS_SEEDED} victims seeded first, all in one proceeding).`,
    `Generated by autocannon on ${CONNECTIONS} connections over loopback at ${report.rate} requests/s: ${
      report.capacity === null ? 'a fixed rate.' : `half the capacity measured just before (${report.capacity.toFixed(1)} requests/s, the same mix as fast as answered).`
    }`,
    `Answered without error: ${kinds.map((k) => `${k} ${report.answeredByKind[k] ?? 0}`).join(', ')}.`,
    'Registrations add to the data as the run goes, and the embedded database scans for most filters ([benchmarks](benchmarks.md)), so later reads cost more.',
    "Latencies are autocannon's, corrected for coordinated omission (a request held back by a slow one counts its wait).",
    '',
    markdownTable(
      ['Requests', 'Answered per second', 'Errors', `p99, first ${report.windowSeconds} s`, `p99, last ${report.windowSeconds} s`],
      [[report.requests, report.perSecond.toFixed(1), report.errors, ms(report.p99First), ms(report.p99Last)]],
    ),
    '',
    `Resident memory (VmRSS, MB) of each process, sampled every few seconds (${report.processes[0]?.samples ?? 0} samples): after warm-up (the end of the first ${report.windowSeconds} s), at the end, and the growth between.`,
    '',
    markdownTable(['Process', 'After warm-up', 'At the end', 'Growth'], report.processes.map((p) => [p.name, mb(p.warm), mb(p.end), growth(p)])),
    ...(report.errorSamples.length ? ['', 'First errors:', '', ...report.errorSamples.map((e) => `- \`${e.replace(/`/g, "'")}\``)] : []),
  ].join('\n');
}
