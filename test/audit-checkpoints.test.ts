import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import path from 'node:path';
import { ROOT } from '../platform/paths';
import { startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Audit integrity an overseer can check without trusting the database: keyed hashes,
// Ed25519-signed checkpoints every N events or M seconds, the public key as a JWKS, and a
// command that verifies a whole chain against its checkpoints.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ env: { AUDIT_CHECKPOINT_EVERY: '5', AUDIT_CHECKPOINT_SECONDS: '2' } });
});
afterAll(() => hub.stop());

const events = () => hub.subgraphs.victims.audit.model;
const CHECKPOINTS = `{ auditChain(service: "victims") { auditCheckpoints(from: 0, first: 100) { service sequence hash at kid signature } verify { valid events checkpoints firstBrokenAt } } }`;
const auditor = () => hub.token('auditor', 'DE');
const chainStatus = async () => (await hub.query(await auditor(), CHECKPOINTS)).body.data.auditChain;

function verifyAuditCommand(): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'operations', 'verify-audit.js'), '--subgraph', 'victims'], {
    env: { PATH: process.env.PATH, MONGODB_URI: process.env.MONGODB_URI, DB_NAME: hub.subgraphs.victims.connection.name, ...hub.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}`.trim() };
}

it('signs a checkpoint every N events, with the key served as a JWKS, each matching the chain', async () => {
  for (let i = 0; i < 12; i++) await registerVictim(hub, 'DE');
  const { auditCheckpoints, verify: status } = await chainStatus();
  expect(auditCheckpoints.length).toBeGreaterThanOrEqual(2);
  expect(status).toEqual({ valid: true, events: expect.any(Number), checkpoints: auditCheckpoints.length, firstBrokenAt: null });

  const jwks = (await (await fetch(hub.subgraphs.victims.url.replace('/graphql', '/.well-known/audit-jwks.json'))).json()) as { keys: Array<Record<string, string>> };
  expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) })]);
  expect(JSON.stringify(jwks)).not.toMatch(/"d"/); // no private part
  const publicKey = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
  for (const c of auditCheckpoints) {
    expect(c.kid).toBe(jwks.keys[0].kid);
    const signed = Buffer.from(JSON.stringify([c.service, c.sequence, c.hash, c.at]));
    expect(verify(null, signed, publicKey, Buffer.from(c.signature, 'base64url'))).toBe(true);
    expect((await events().findOne({ sequence: c.sequence }).lean())!.hash).toBe(c.hash);
  }
  // N events apart, whatever links hold them (a link holds a request's events).
  const between = (await hub.subgraphs.victims.audit.events()).filter((e) => e.sequence > auditCheckpoints[0].sequence && e.sequence <= auditCheckpoints[1].sequence);
  expect(between.length).toBeGreaterThanOrEqual(5);
  expect(verifyAuditCommand()).toEqual({ status: 0, out: `valid\n${status.events} links, ${auditCheckpoints.length} signed checkpoints` });
});

it('checkpoints a head that stopped moving within M seconds', async () => {
  await registerVictim(hub, 'DE');
  const head = (await events().findOne().sort({ sequence: -1 }).lean())!;
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const { auditCheckpoints } = await chainStatus();
  expect(auditCheckpoints.at(-1)).toMatchObject({ sequence: head.sequence, hash: head.hash });
});

it('catches the newest events removed, against the last checkpoint', async () => {
  const { auditCheckpoints } = await chainStatus();
  const last = auditCheckpoints.at(-1);
  const removed = await events().find({ sequence: { $gte: last.sequence } }).lean();
  await events().deleteMany({ sequence: { $gte: last.sequence } });
  try {
    expect((await chainStatus()).verify).toMatchObject({ valid: false, firstBrokenAt: last.sequence });
    expect(verifyAuditCommand()).toEqual({ status: 1, out: `broken at sequence ${last.sequence}` });
  } finally {
    await events().collection.insertMany(removed as never[]);
  }
  expect((await chainStatus()).verify.valid).toBe(true);
});

it('catches an event rewritten and every later hash recomputed without the chain key', async () => {
  const target = (await events().findOne({ 'parts.action': 'REGISTER' }).sort({ sequence: 1 }).lean())!;
  const later = await events().find({ sequence: { $gte: target.sequence } }).sort({ sequence: 1 }).lean();
  // The forger recomputes the chain from the rewritten event on, every event of every link,
  // with a hash it can compute (no key).
  let prevHash = target.prevHash;
  for (const link of later) {
    const actor = link.sequence === target.sequence ? 'someone-else' : link.actor;
    const linkPrevHash = prevHash;
    const partHashes = link.parts.map((e) => {
      prevHash = createHash('sha256')
        .update(JSON.stringify([link.sequence, link.at.toISOString(), actor, link.role, link.jurisdiction, link.org, link.issuer, link.purpose, e.action, e.subjectType, e.subjectId, e.fields, e.deniedFields, e.decision, e.bases, prevHash]))
        .digest('hex');
      return prevHash;
    });
    await events().collection.updateOne({ _id: link._id } as never, { $set: { actor, prevHash: linkPrevHash, partHashes, hash: prevHash } });
  }
  try {
    expect((await chainStatus()).verify).toMatchObject({ valid: false, firstBrokenAt: target.sequence });
  } finally {
    for (const link of later) await events().collection.replaceOne({ _id: link._id } as never, link);
  }
  expect((await chainStatus()).verify.valid).toBe(true);
});

it('catches a checkpoint whose signature does not hold', async () => {
  const checkpoints = hub.subgraphs.victims.audit.checkpoints.model;
  const first = (await checkpoints.findOne().sort({ sequence: 1 }).lean())!;
  await checkpoints.collection.updateOne({ _id: first._id } as never, { $set: { signature: Buffer.alloc(64).toString('base64url') } });
  try {
    expect((await chainStatus()).verify).toMatchObject({ valid: false, firstBrokenAt: first.sequence });
  } finally {
    await checkpoints.collection.updateOne({ _id: first._id } as never, { $set: { signature: first.signature } });
  }
});
