import { badInput, conflict, forbidden, notFound } from '../../../platform/errors';
import type { Caller } from '../../../platform/auth';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, nonEmptyList, text } from '../../common/validate';
import { bodyId, catalogCode, isBodyId } from './code';
import type { BodyRecord, ProgramRecord, TrainingContext, TrainingModels } from '../models';

/**
 * Accreditation bodies: who acts for one (its officers, by region), how a body comes to
 * be with its first key, and key rotation (what it publishes without a token: publications.ts).
 */

type BodyDoc = Entity<BodyRecord>;

export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/** An accreditation officer whose jurisdiction is in the body's region acts for it. */
export function mayActFor(body: BodyRecord, caller: Caller): true | Error {
  if (caller.role === 'accreditation_officer' && body.jurisdictions.includes(caller.jurisdiction)) return true;
  return forbidden(`Only accreditation officers of ${body.region} (${body.jurisdictions.join(', ')}) act for ${body.name}`);
}

export async function bodyNamed(ctx: TrainingContext, id: unknown, field: string): Promise<BodyDoc> {
  const body = await ctx.loaders.body.load(bodyId(id, field));
  if (!body) throw notFound('AccreditationBody', String(id));
  return body;
}

export async function programNamed(ctx: TrainingContext, code: unknown, field: string): Promise<Entity<ProgramRecord>> {
  const program = await ctx.loaders.program.load(catalogCode(code, field));
  if (!program) throw badInput(field, 'no training program has this code');
  return program;
}

/** The program a module belongs to (module codes are unique across programs). */
export async function programOfModule(ctx: TrainingContext, code: unknown, field: string): Promise<{ program: Entity<ProgramRecord>; module: ProgramRecord['modules'][number] }> {
  const wanted = catalogCode(code, field);
  for (const program of await ctx.loaders.programOfModule.load(wanted)) {
    const module = program.modules.find((m) => m.code === wanted);
    if (module) return { program, module };
  }
  throw badInput(field, 'no training module has this code');
}

export interface BodyInput {
  id: string;
  name: string;
  region: string;
  jurisdictions: string[];
}

/** A body's input checked, every wrong field named at once (BAD_USER_INPUT). */
export function checkedBody(input: BodyInput): Promise<BodyInput> {
  return checkAll({
    id: () => {
      if (!isBodyId(input.id)) throw badInput('input.id', 'must be 2–4 capital letters or digits without I, L, O or U (it prefixes every certificate code)');
      return input.id;
    },
    name: () => text(input.name, 'input.name', { max: 200 }),
    region: () => text(input.region, 'input.region', { max: 100 }),
    jurisdictions: () => [...new Set(nonEmptyList(input.jurisdictions, 'input.jurisdictions', 30).map((j, i) => countryCode(j, `input.jurisdictions[${i}]`)))],
  }).then((checked) => checked as BodyInput);
}

const bodyTaken = (id: string) => conflict(`An accreditation body ${id} already exists: a body's id is its certificate codes' prefix and names one body only`, 'input.id');

/**
 * A body and its first signing key, for `establishAccreditationBody` and the demo seed
 * alike: the private half is written first and removed again when the body cannot be
 * (its id taken meanwhile: CONFLICT), so no key is left without its body.
 */
export async function establishBody(models: TrainingModels, input: BodyInput, by: string, at: Date): Promise<BodyDoc> {
  const checked = await checkedBody(input);
  const key = models.keys.create(checked.id, by, at);
  try {
    return await models.bodies.create({ ...checked, _id: checked.id, keys: [key], currentKid: key.kid, establishedAt: at });
  } catch (error) {
    models.keys.discard(checked.id, key.kid);
    throw isDuplicateKey(error) ? bodyTaken(checked.id) : error;
  }
}

/** The registrar's establishment of a body (its rule: permissions.ts), audited; an id already taken is a CONFLICT before anything is logged. */
export async function establishAccreditationBody(ctx: TrainingContext, input: BodyInput): Promise<BodyDoc> {
  const checked = await checkedBody(input);
  if (await ctx.loaders.body.load(checked.id)) throw bodyTaken(checked.id);
  return ctx.audit.change('ACCREDITATION_BODY_ESTABLISHED', 'AccreditationBody', checked.id, ['name', 'region', 'jurisdictions', 'signingKeys'], () =>
    establishBody(ctx.models, checked, ctx.caller!.sub, ctx.now),
  );
}

/** A registrar of one of the body's jurisdictions establishes it (checked before the input is). */
export function mayEstablish(jurisdictions: unknown, caller: Caller): true | Error {
  if (caller.role !== 'registrar') return forbidden('Only a registrar establishes an accreditation body (of a region that includes its own jurisdiction)');
  if (Array.isArray(jurisdictions) && jurisdictions.includes(caller.jurisdiction)) return true;
  return forbidden(`A registrar of ${caller.jurisdiction} establishes only a body whose jurisdictions include ${caller.jurisdiction}`);
}

/**
 * A new key pair for the body; new credentials and revocation lists are signed with it.
 * The old keys stay in the JWKS, retired from now on (keys.ts `jwksOf`): what they signed
 * before keeps verifying. Audited first; a key whose body could not be updated is removed again.
 */
export async function rotateSigningKey(ctx: TrainingContext, bodyId: string): Promise<BodyDoc> {
  const body = await bodyNamed(ctx, bodyId, 'bodyId');
  return ctx.audit.change('SIGNING_KEY_ROTATED', 'AccreditationBody', body.id, ['signingKeys'], () => addSigningKey(ctx.models, body.id, ctx.caller!.sub, ctx.now));
}

/** The key pair of a rotation: the private half written first, removed again when the body cannot take the public half. */
export async function addSigningKey(models: TrainingModels, bodyId: string, by: string, at: Date): Promise<BodyDoc> {
  const key = models.keys.create(bodyId, by, at);
  try {
    const rotated = await models.bodies.update(bodyId, (now) => ({ keys: [...now.keys, key], currentKid: key.kid }));
    if (!rotated) throw notFound('AccreditationBody', bodyId);
    return rotated;
  } catch (error) {
    models.keys.discard(bodyId, key.kid);
    throw error;
  }
}
