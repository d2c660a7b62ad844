import type { Role } from '../../platform/auth';
import { forbidden } from '../../platform/errors';
import { databaseUnavailable } from '../../platform/http';
import { categoriesWritten, type TypeAccess } from './access';
import type { AuditActor, AuditEntry, AuditLog } from './audit';
import { undeclaredAction, type MutationScope } from './audited';
import { inWords, purposeDenial } from './denials';

/**
 * What one request touched, per subject: the fields read (allowed or denied). Flushed as
 * one event per subject when the response is sent.
 */
export class RequestAudit {
  private readonly reads = new Map<string, { subjectType: string; subjectId: string; allowed: Set<string>; denied: Set<string>; bases: Set<string> }>();
  /** Events noted during the request, stored with the reads at flush. */
  private readonly changes: AuditEntry[] = [];
  /** The mutation running now and the actions it declared (common/audited.ts). */
  private scope: MutationScope | null = null;
  private flushed?: Promise<void>;
  /** Changes written and applied in this request (an Idempotency-Key keeps the answer of a request that changed something). */
  applied = 0;

  constructor(
    readonly log: AuditLog,
    private readonly caller: AuditActor | null,
    private readonly purpose: string | null,
    /** The subgraph's declared types by name (common/access.ts): a write of their protected fields needs a stated purpose. */
    private readonly declared: ReadonlyMap<string, TypeAccess<any>> = new Map(),
  ) {}

  noteRead(subjectType: string, subjectId: string, field: string, allowed: boolean, basis: string | null = null): void {
    const key = `${subjectType}:${subjectId}`;
    let read = this.reads.get(key);
    if (!read) {
      read = { subjectType, subjectId, allowed: new Set(), denied: new Set(), bases: new Set() };
      this.reads.set(key, read);
    }
    (allowed ? read.allowed : read.denied).add(field);
    if (allowed && basis) read.bases.add(basis);
  }

  /**
   * An event that is not a write (e.g. a disclosure), stored with the request's reads
   * before the response leaves.
   */
  noteEvent(action: string, subjectType: string, subjectId: string, fields: string[], bases: string[] = []): void {
    this.changes.push({ action, subjectType, subjectId, fields, deniedFields: [], decision: 'ALLOW', bases });
  }

  /**
   * A write, audit-first: its event is in the chain before `write` runs, so no change is
   * ever applied without its event (a failed audit write fails the mutation, nothing
   * written). When the write then fails, a second event `<action>_NOT_APPLIED` says so
   * (best effort: a process killed between the two leaves only the first, which an
   * auditor reads as an attempt), and the error goes on. When the write failed because
   * the database stopped answering, whether it landed is unknown (its caller is told so,
   * platform/http.ts): no NOT_APPLIED is claimed, and the event reads as an attempt too.
   */
  async change<T>(action: string, subjectType: string, subjectId: string, fields: string[], write: () => Promise<T>, bases: string[] = []): Promise<T> {
    const scope = this.scope;
    if (scope && !scope.actions.includes(action)) throw undeclaredAction(scope, action);
    this.refuseWithoutPurpose(subjectType, fields);
    const entry: AuditEntry = { action, subjectType, subjectId, fields, deniedFields: [], decision: 'ALLOW', bases };
    await this.log.append(this.caller, this.purpose, [entry]);
    if (scope) scope.written += 1;
    try {
      const written = await write();
      this.applied += 1;
      return written;
    } catch (error) {
      if (!databaseUnavailable(error)) {
        await this.log.append(this.caller, this.purpose, [{ ...entry, action: `${action}_NOT_APPLIED` }]).catch((failure) => this.log.notWritten(`${action}_NOT_APPLIED for ${subjectType} ${subjectId}`, failure));
      }
      throw error;
    }
  }

  /**
   * The same refusal, asked before a change that must read elsewhere first (e.g. another
   * subgraph, with the caller's token): a request without a purpose is refused as the
   * change itself would be, before anything is read or written.
   */
  needsPurposeToChange(subjectType: string, fields: string[]): void {
    this.refuseWithoutPurpose(subjectType, fields);
  }

  /**
   * Protected data is changed for a stated purpose only, as it is read (platform-wide, not
   * per resolver): a write naming a protected field of a declared type, in a request that
   * states none, is refused before its event or anything else is written. A subject type
   * with no declaration is not checked here: declare it (common/access.ts).
   */
  private refuseWithoutPurpose(subjectType: string, fields: string[]): void {
    const access = this.declared.get(subjectType);
    if (this.purpose || !access) return;
    const categories = categoriesWritten(access, fields);
    if (categories.length === 0) return;
    const { message, reason } = purposeDenial(`${inWords(categories)} data of ${access.noun} is changed`, (this.caller?.role ?? 'none') as Role);
    throw forbidden(message, reason);
  }

  /** A mutation starts (common/audited.ts): its declared actions are in force until `leave`. */
  enter(scope: MutationScope): void {
    this.scope = scope;
  }

  leave(scope: MutationScope): void {
    if (this.scope === scope) this.scope = null;
  }

  /** Stores the request's reads and noted events, once: later calls answer the same outcome (the answer is kept for a retry only once they are stored). */
  flush(): Promise<void> {
    return (this.flushed ??= this.store());
  }

  private async store(): Promise<void> {
    const entries: AuditEntry[] = [...this.changes];
    for (const read of this.reads.values()) {
      const denied = [...read.denied].sort();
      entries.push({
        action: 'READ',
        subjectType: read.subjectType,
        subjectId: read.subjectId,
        fields: [...new Set([...read.allowed, ...read.denied])].sort(),
        deniedFields: denied,
        decision: denied.length > 0 ? 'DENY' : 'ALLOW',
        bases: [...read.bases].sort(),
      });
    }
    this.reads.clear();
    this.changes.length = 0;
    if (entries.length > 0) await this.log.append(this.caller, this.purpose, entries);
  }
}
