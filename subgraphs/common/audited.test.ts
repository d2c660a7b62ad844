import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { mongo, type Connection } from 'mongoose';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../../platform/auth';
import { AUDIT_ENV, readEnv } from '../../platform/config';
import { AuditLog, RequestAudit } from './audit';
import { auditKeys } from './audit-checkpoints';
import { Audited } from './audited';
import type { RequestContext } from './context';
import { connectDatabase } from './storage';
import { allow } from './rules';
import { buildFederatedSchema, type SchemaParts } from './schema';
import { randomSecrets } from '../../scripts/development/dev-env';

// Audit by declaration (common/audited.ts), in process: the platform refuses a subgraph
// whose mutation declares no action, refuses a change under an undeclared action before
// anything is stored, and makes a mutation that wrote no event an internal error. The
// audit log is real, on the embedded database.

const written: string[] = [];

@Resolver()
class NoteResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Audited('NOTE_ADDED')
  @Mutation(() => ID)
  addNote(@Arg('text') text: string, @Ctx() ctx: RequestContext): Promise<string> {
    return ctx.audit.change('NOTE_ADDED', 'Note', 'n1', ['text'], async () => {
      written.push(text);
      return 'n1';
    });
  }

  @Audited('NOTE_ADDED')
  @Mutation(() => ID, { description: 'Writes under an action it did not declare' })
  addNoteUnderAnotherName(@Arg('text') text: string, @Ctx() ctx: RequestContext): Promise<string> {
    return ctx.audit.change('NOTE_REMOVED', 'Note', 'n2', ['text'], async () => {
      written.push(text);
      return 'n2';
    });
  }

  @Audited('NOTE_ADDED')
  @Mutation(() => ID, { description: 'Writes without its event' })
  addNoteQuietly(@Arg('text') text: string): string {
    written.push(text);
    return 'n3';
  }
}

@Resolver()
class UndeclaredResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Mutation(() => ID)
  forget(): string {
    return 'x';
  }
}

const parts = (resolvers: SchemaParts['resolvers']): SchemaParts => ({
  name: 'notes',
  resolvers,
  references: {},
  permissions: { Query: { ping: allow }, Mutation: allow },
});

const caller: Caller = { sub: 'clerk-1', role: 'judge', jurisdiction: 'DE', org: 'court', issuer: 'https://idp.test', oversight: [] };

let connection: Connection;
let log: AuditLog;
let schema: GraphQLSchema;

beforeAll(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `audited_test_${randomBytes(4).toString('hex')}`);
  const env = readEnv(AUDIT_ENV, randomSecrets());
  log = new AuditLog(connection, 'notes', auditKeys(env.AUDIT_CHAIN_KEY, env.AUDIT_SIGNING_KEY));
  schema = await buildFederatedSchema(parts([NoteResolver]));
});
afterAll(async () => {
  log.stop();
  await connection.dropDatabase();
  await connection.close();
});
beforeEach(() => {
  written.length = 0;
});

async function run(mutation: string) {
  const ctx = { caller, purpose: null, audit: new RequestAudit(log, caller, null), decisions: new Map(), now: new Date() } as unknown as RequestContext;
  const result = await graphql({ schema, source: `mutation { ${mutation}(text: "hello") }`, contextValue: ctx });
  await ctx.audit.flush();
  return result;
}

const actions = async () => (await log.events()).map((e) => e.action);

describe('audit by declaration', () => {
  it('a subgraph with a mutation that declares no audit action refuses to start, naming it', async () => {
    await expect(buildFederatedSchema(parts([UndeclaredResolver]))).rejects.toThrow(/notes subgraph has mutations that declare no audit action: forget\. Add @Audited/);
  });

  it('a declared change is written first, then the write runs', async () => {
    const before = (await actions()).length;
    const result = await run('addNote');
    expect(result.errors).toBeUndefined();
    expect(written).toEqual(['hello']);
    expect((await actions()).slice(before)).toEqual(['NOTE_ADDED']);
  });

  it('a change under an action the mutation did not declare is refused before anything is stored', async () => {
    const before = (await actions()).length;
    const result = await run('addNoteUnderAnotherName');
    expect(result.errors?.[0].message).toMatch(/addNoteUnderAnotherName wrote audit action NOTE_REMOVED, which it does not declare/);
    expect(written).toEqual([]);
    expect((await actions()).length).toBe(before);
  });

  it('a mutation that answers without its event is an error, not a quiet success', async () => {
    const result = await run('addNoteQuietly');
    expect(result.data).toBeNull();
    expect(result.errors?.[0].message).toMatch(/addNoteQuietly answered without writing its audit event \(NOTE_ADDED\)/);
  });
});

describe('a write that fails after its event', () => {
  const change = (failure: Error) => new RequestAudit(log, caller, null).change('NOTE_ADDED', 'Note', 'n4', ['text'], async () => Promise.reject(failure));

  it('refused for a reason of its own: NOT_APPLIED follows', async () => {
    const before = (await actions()).length;
    await expect(change(new Error('refused'))).rejects.toThrow('refused');
    expect((await actions()).slice(before)).toEqual(['NOTE_ADDED', 'NOTE_ADDED_NOT_APPLIED']);
  });

  it('its database stopped answering: whether it landed is unknown, so no NOT_APPLIED is claimed (the event reads as an attempt)', async () => {
    const before = (await actions()).length;
    const lost = new mongo.MongoNetworkError('connection 4 to 127.0.0.1:27017 closed');
    await expect(change(lost)).rejects.toBe(lost);
    expect((await actions()).slice(before)).toEqual(['NOTE_ADDED']);
  });
});
