import type { GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { RequestContext } from './context';

/**
 * Audit by declaration. Every mutation of every subgraph says, next to `@Mutation`, which
 * audit actions it writes:
 *
 *   @Audited('PLACEMENT_CONFIRMED')
 *   @Mutation(() => Placement)
 *   confirmPlacement(...)
 *
 * The platform then holds each mutation to it (common/schema.ts): a subgraph with a
 * mutation that declares nothing refuses to start; while a mutation runs, a change it
 * writes under an action it did not declare is refused before anything is stored; and a
 * mutation that answers without having written one of its declared changes is an internal
 * error (its write, if any, happened without its event: a bug that must be loud). The
 * write itself stays audit-first through `ctx.audit.change` (event, then write, then
 * `<ACTION>_NOT_APPLIED` if the write failed; common/audit.ts). The declarations are
 * printed with the access matrix (docs/access.md) and walked by the table-driven test of
 * every mutation (test/mutations.test.ts).
 */

const EXTENSION = 'auditActions';

/** The audit actions a mutation writes (at least one). */
export function Audited(action: string, ...more: string[]) {
  return Extensions({ [EXTENSION]: [action, ...more] });
}

/** Mutation name → its declared actions, read from the type-graphql schema; throws naming every undeclared mutation. */
export function declaredAudits(service: string, schema: GraphQLSchema): Record<string, string[]> {
  const fields = schema.getMutationType()?.getFields() ?? {};
  const declared: Record<string, string[]> = {};
  const missing: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const actions = field.extensions?.[EXTENSION] as string[] | undefined;
    if (actions?.length) declared[name] = actions;
    else missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`The ${service} subgraph has mutations that declare no audit action: ${missing.join(', ')}. Add @Audited('ACTION') (subgraphs/common/audited.ts) above each.`);
  }
  return declared;
}

/** What one running mutation declared and what it has written so far (RequestAudit keeps it). */
export interface MutationScope {
  mutation: string;
  actions: readonly string[];
  written: number;
}

/** A change under an action its mutation did not declare: a programming error, refused before the event is written. */
export function undeclaredAction(scope: MutationScope, action: string): Error {
  return new Error(`mutation ${scope.mutation} wrote audit action ${action}, which it does not declare (declared: ${scope.actions.join(', ')})`);
}

/**
 * Wraps each mutation's resolver in the served schema: the declared actions are in force
 * while it runs, and it must have written one of them when it answers. Root mutation
 * fields run one after another (GraphQL executes them serially), so one scope per request
 * is enough.
 */
export function enforceDeclaredAudits(schema: GraphQLSchema, declared: Record<string, string[]>): void {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const [name, field] of Object.entries(fields)) {
    const actions = declared[name];
    const resolve = field.resolve;
    if (!actions || !resolve) continue;
    field.resolve = async (parent, args, ctx: RequestContext, info) => {
      const scope: MutationScope = { mutation: name, actions, written: 0 };
      ctx.audit.enter(scope);
      try {
        const result = await resolve(parent, args, ctx, info);
        if (scope.written === 0) {
          // Logged with this message by internalErrorLog; the caller sees a bare internal error.
          throw new Error(`mutation ${name} answered without writing its audit event (${actions.join(' or ')})`);
        }
        return result;
      } finally {
        ctx.audit.leave(scope);
      }
    };
  }
}
