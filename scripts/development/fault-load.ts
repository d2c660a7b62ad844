import { unanswered, type GraphQLResponse } from './hub-client';

/**
 * Requests that keep flowing while a fault happens (test/subgraph-down.test.ts,
 * `npm run chaos`): `loops` concurrent loops, each sending the next request as soon as the
 * previous one is answered, every answer kept with the phase it was sent and answered in
 * (the caller moves the phase as it causes the fault and repairs it). A request not
 * answered within `answeredWithinMs` (a bound, not a timing) or not answered at all is kept
 * as status 0. After a failed answer a loop waits BACK_OFF_MS before its next request.
 */
export const BACK_OFF_MS = 100;
export interface FaultRequest {
  /** What kind of request (`read`, `write`): how the answers are counted. */
  kind: string;
  send(signal: AbortSignal): Promise<GraphQLResponse>;
  /** What the caller needs to check the answer later (a write's expected values). */
  note?: Record<string, unknown>;
}

export type PhasedAnswer<P extends string> = GraphQLResponse & { kind: string; note?: Record<string, unknown>; sent: P; answered: P };

export interface PhasedLoad<P extends string> {
  answers: PhasedAnswer<P>[];
  /** Answers both sent and answered in phase `p`. */
  within(p: P): PhasedAnswer<P>[];
  phase(): P;
  set(p: P): void;
  /** Waits until `count` answers were both sent and answered in phase `p` (fails naming `context()` after `ms`). */
  until(p: P, count: number, ms?: number): Promise<void>;
  /** Stops sending and waits for the answers in flight. */
  stop(): Promise<void>;
}

export function phasedLoad<P extends string>(options: {
  first: P;
  loops: number;
  next: () => FaultRequest;
  answeredWithinMs?: number;
  /** Added to a failed wait's message (e.g. the services' last output). */
  context?: () => string;
}): PhasedLoad<P> {
  let current = options.first;
  let running = true;
  const answers: PhasedAnswer<P>[] = [];
  const within = (p: P) => answers.filter((a) => a.sent === p && a.answered === p);
  const loops = Array.from({ length: options.loops }, async () => {
    while (running) {
      const sent = current;
      const request = options.next();
      const answer = await request.send(AbortSignal.timeout(options.answeredWithinMs ?? 60_000)).catch(unanswered);
      answers.push({ ...answer, kind: request.kind, note: request.note, sent, answered: current });
      // As a client that backs off: a refused connection or a service said unavailable fails at once; do not spin.
      if (outcome(answer) === 'failed') await new Promise((r) => setTimeout(r, BACK_OFF_MS));
    }
  });
  return {
    answers,
    within,
    phase: () => current,
    set: (p) => void (current = p),
    until: (p, count, ms = 60_000) => waitFor(`${count} answers in phase ${p} (${within(p).length} so far${options.context ? `; ${options.context()}` : ''})`, () => within(p).length >= count, ms),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Polls `condition` until it holds, or fails naming `what` after `ms` (a bound, not a timing). */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How an answer came back: whole (no error), partial (data, and only SERVICE_UNAVAILABLE errors), or failed (anything else). */
export function outcome(answer: GraphQLResponse): 'whole' | 'partial' | 'failed' {
  const { status, body } = answer;
  if (status !== 200) return 'failed';
  if (!body.errors?.length) return body.data ? 'whole' : 'failed';
  const hasData = body.data && Object.values(body.data).some((value) => value !== null);
  return hasData && body.errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') ? 'partial' : 'failed';
}
