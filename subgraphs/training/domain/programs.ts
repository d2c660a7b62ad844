import { badInput, conflict } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, nonEmptyList, text } from '../../common/validate';
import { bodyNamed, isDuplicateKey, programNamed } from './bodies';
import { catalogCode } from './code';
import type { ModuleRecord, ProgramRecord, TrainingContext, TrainingModels } from '../models';
import { Competency, PractitionerRole } from '../schema/vocabulary';

/**
 * Programs of a body, defined and retired by its accreditation officers (and the demo
 * seed, through the same functions). A module code names one module of one program for
 * good: completions and the module lookup (bodies.ts `programOfModule`) rely on it, so a
 * code is held as a slot (common/storage/slots.ts) by its program, and a retired program keeps its
 * codes.
 */

type ProgramDoc = Entity<ProgramRecord>;

export interface ProgramInput {
  code: string;
  title: string;
  passingScore: number;
  modules: ModuleRecord[];
  requiredFor: string[];
}

export const MAX_MODULES = 30;
const moduleSlot = (code: string) => `trainingModule:${code}`;
/** A module slot whose program was never written (its process died) is free again after this. */
const ORPHAN_AFTER_MS = 60_000;

async function moduleHolder(models: TrainingModels, code: string): Promise<string | null> {
  const [held] = (await models.slots.taken([{ pool: moduleSlot(code), capacity: 1 }])).get(moduleSlot(code))!;
  if (!held) return null;
  const program = (await models.Program.findById(held.holder).lean()) as ProgramRecord | null;
  if (program?.modules.some((m) => m.code === code) || Date.now() - held.at.getTime() < ORPHAN_AFTER_MS) return held.holder;
  await models.slots.release(moduleSlot(code), 1, held.holder);
  return null;
}

/** Which program already has this module code (by its slot, or by the module list for programs written before slots). */
async function programWithModule(models: TrainingModels, code: string): Promise<string | null> {
  const listed = await models.programs.loaderBy('module').load(code);
  return listed[0]?.id ?? (await moduleHolder(models, code));
}

/** One module of the input; `earlier`: the codes of the modules before it (this one's is added). */
function checkedModule(models: TrainingModels, m: ModuleRecord, at: string, earlier: string[]) {
  return checkAll({
    code: async () => {
      const code = catalogCode(m?.code, `${at}.code`);
      if (earlier.includes(code)) throw badInput(`${at}.code`, `${code} is listed twice`);
      // Seen even when another field of this module is wrong: a later twin is named too.
      earlier.push(code);
      const holder = await programWithModule(models, code);
      if (holder) throw badInput(`${at}.code`, `${code} is already a module of ${holder}: a module code names one module of one program`);
      return code;
    },
    title: () => text(m?.title, `${at}.title`, { max: 200 }),
    hours: () => {
      if (typeof m?.hours !== 'number' || !(m.hours > 0) || m.hours > 1000) throw badInput(`${at}.hours`, 'must be more than 0 and at most 1000');
      return m.hours;
    },
    competency: () => {
      if (!Object.values(Competency).includes(m?.competency as Competency)) throw badInput(`${at}.competency`, `must be one of ${Object.values(Competency).join(', ')}`);
      return m.competency;
    },
  });
}

/** A program's input checked against the catalogue, every wrong field named at once (BAD_USER_INPUT). */
export async function checkedProgram(models: TrainingModels, bodyId: string, input: ProgramInput): Promise<Omit<ProgramRecord, '_listed'>> {
  const v = await checkAll({
    code: async () => {
      const code = catalogCode(input.code, 'input.code');
      if (await models.Program.findById(code).lean()) throw badInput('input.code', `${code} already names a program`);
      return code;
    },
    title: () => text(input.title, 'input.title', { max: 200 }),
    passingScore: () => {
      if (!Number.isInteger(input.passingScore) || input.passingScore < 0 || input.passingScore > 100) throw badInput('input.passingScore', 'must be a whole number from 0 to 100');
      return input.passingScore;
    },
    modules: async () => {
      const codes: string[] = [];
      // checkAll runs the modules in order: each is checked even after a wrong one, against the codes before it.
      const each = await checkAll(
        Object.fromEntries(
          nonEmptyList(input.modules, 'input.modules', MAX_MODULES).map((m, i) => [
            String(i),
            async () => {
              return (await checkedModule(models, m, `input.modules[${i}]`, codes)) as ModuleRecord;
            },
          ]),
        ),
      );
      return Object.values(each);
    },
    requiredFor: () => {
      const roles = Array.isArray(input.requiredFor) ? input.requiredFor : [];
      roles.forEach((r, i) => {
        if (!Object.values(PractitionerRole).includes(r as PractitionerRole)) throw badInput(`input.requiredFor[${i}]`, `must be one of ${Object.values(PractitionerRole).join(', ')}`);
      });
      return [...new Set(roles)];
    },
  });
  return { _id: v.code, title: v.title, bodyId, passingScore: v.passingScore, modules: v.modules, requiredFor: v.requiredFor, retiredAt: null, retirementReason: null };
}

/**
 * Writes a checked program: its module codes are taken first (in order, so two programs
 * naming the same codes cannot each hold one), then the program; a code or program code
 * taken meanwhile is a CONFLICT and nothing of it stays.
 */
export async function storeProgram(models: TrainingModels, program: Omit<ProgramRecord, '_listed'>, by: string, at: Date): Promise<ProgramDoc> {
  const held: string[] = [];
  const releaseAll = () => Promise.all(held.map((code) => models.slots.release(moduleSlot(code), 1, program._id)));
  try {
    for (const code of program.modules.map((m) => m.code).sort()) {
      if ((await models.slots.claim(moduleSlot(code), 1, program._id, new Date())) === null) throw conflict(`Module code ${code} was just taken by another program: nothing was defined`);
      held.push(code);
    }
    return await models.programs.create({ ...program, definedAt: at, definedBy: by });
  } catch (error) {
    await releaseAll();
    throw isDuplicateKey(error) ? conflict(`Program ${program._id} was just defined by another request: nothing was defined`) : error;
  }
}

/** `defineProgram`: a program of the body (its officers: permissions.ts), checked whole, then audited and written. */
export async function defineProgram(ctx: TrainingContext, bodyId: string, input: ProgramInput): Promise<ProgramDoc> {
  const program = await checkedProgram(ctx.models, bodyId, input);
  return ctx.audit.change('PROGRAM_DEFINED', 'TrainingProgram', program._id, ['title', 'passingScore', 'modules', 'requiredFor'], () =>
    storeProgram(ctx.models, program, ctx.caller!.sub, ctx.now),
  );
}

/** `retireProgram`: no new completions or certificates from now on; what it gave stays valid, and its module codes stay its own. */
export async function retireProgram(ctx: TrainingContext, code: string, reason: string): Promise<ProgramDoc> {
  const { program, why } = await checkAll({ program: () => programNamed(ctx, code, 'code'), why: () => text(reason, 'reason', { max: 500 }) });
  if (program.retiredAt) throw badInput('code', `${program.id} was retired on ${program.retiredAt.toISOString().slice(0, 10)}`);
  return ctx.audit.change('PROGRAM_RETIRED', 'TrainingProgram', program.id, ['retiredAt', 'retirementReason'], async () => {
    const retired = await ctx.models.programs.update(program.id, (now) => {
      if (now.retiredAt) throw conflict(`${program.id} was retired by another request meanwhile`);
      return { retiredAt: ctx.now, retirementReason: why };
    });
    return retired!;
  });
}

/** A retired program takes nothing new: BAD_USER_INPUT naming the field that named it. */
export function refuseIfRetired(program: ProgramRecord, field: string, what: string): void {
  if (program.retiredAt) throw badInput(field, `${program._id} was retired on ${program.retiredAt.toISOString().slice(0, 10)} (${program.retirementReason}): it takes no new ${what}`);
}

/** `trainingPrograms`: a body's programs (every body's when none is named), in the order they were set up. */
export async function programsOf(ctx: TrainingContext, bodyId?: string): Promise<ProgramDoc[]> {
  if (bodyId == null) return ctx.loaders.allPrograms.load('all');
  return ctx.loaders.programsOfBody.load((await bodyNamed(ctx, bodyId, 'bodyId')).id);
}

export const totalHours = (program: ProgramRecord) => program.modules.reduce((sum, m) => sum + m.hours, 0);
