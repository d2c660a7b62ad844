import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLError } from 'graphql';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../common/storage';
import { trainingModels, type TrainingModels } from '../models';
import { Competency, PractitionerRole } from '../schema/vocabulary';
import { SigningKeys } from './keys';
import { checkedProgram, refuseIfRetired, storeProgram, totalHours, type ProgramInput } from './programs';

// A program's input checked whole against the catalogue on the embedded database: every
// wrong field named at once, and a module code naming one module of one program for good.

const at = new Date('2026-05-10T12:00:00Z');
const moduleOf = (code: string, hours = 8) => ({ code, title: `Module ${code}`, hours, competency: Competency.VICTIM_RIGHTS });
const program = (code: string, modules = [moduleOf(`${code}-M1`)]): ProgramInput => ({ code, title: `Program ${code}`, passingScore: 70, modules, requiredFor: [PractitionerRole.JUDGE] });

/** The fields a refusal names, in order. */
async function refused(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    const fields = (error as GraphQLError).extensions?.fields as Array<{ path: string }> | undefined;
    return fields ? fields.map((f) => f.path) : [(error as Error).message];
  }
  return [];
}

describe('training programs', () => {
  let connection: Connection;
  let dir: string;
  let models: TrainingModels;

  beforeAll(async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `training_programs_${randomBytes(4).toString('hex')}`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'training-programs-'));
    models = trainingModels(connection, { keys: new SigningKeys(dir), publicUrl: 'http://localhost:4000' });
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are checked whole: every wrong field named at once, a twin module code too', async () => {
    const input = {
      code: 'wb va 101',
      title: '',
      passingScore: 101,
      modules: [moduleOf('WB-X-M1'), { ...moduleOf('WB-X-M1'), hours: 0 }, { ...moduleOf('WB-X-M2'), competency: 'PATIENCE' as Competency }],
      requiredFor: ['JUDGE', 'ASTRONAUT'] as PractitionerRole[],
    };
    expect(await refused(() => checkedProgram(models, 'WB', input))).toEqual([
      'input.code',
      'input.title',
      'input.passingScore',
      'input.modules[1].code',
      'input.modules[1].hours',
      'input.modules[2].competency',
      'input.requiredFor[1]',
    ]);
  });

  it('take codes in any case, and add up their hours', async () => {
    const checked = await checkedProgram(models, 'WB', { ...program('wb-va-101'), modules: [moduleOf('wb-va-101-m1', 6.5), moduleOf('WB-VA-101-M2', 3)] });
    expect(checked).toMatchObject({ _id: 'WB-VA-101', bodyId: 'WB', retiredAt: null });
    expect(checked.modules.map((m) => m.code)).toEqual(['WB-VA-101-M1', 'WB-VA-101-M2']);
    expect(totalHours(checked)).toBe(9.5);
  });

  it('keep a module code to one program for good, and a program code to one program', async () => {
    await storeProgram(models, await checkedProgram(models, 'WB', program('WB-VA-201')), 'officer', at);
    expect(await refused(() => checkedProgram(models, 'WB', program('WB-VA-202', [moduleOf('WB-VA-201-M1')])))).toEqual(['input.modules[0].code']);
    expect(await refused(() => checkedProgram(models, 'WB', program('WB-VA-201', [moduleOf('WB-VA-299-M1')])))).toEqual(['input.code']);
  });

  it('refuse a module code taken meanwhile by another program, keeping nothing of the loser', async () => {
    const first = await checkedProgram(models, 'WB', program('WB-VA-301', [moduleOf('WB-VA-3-M1')]));
    const second = await checkedProgram(models, 'WB', program('WB-VA-302', [moduleOf('WB-VA-3-M1')]));
    await storeProgram(models, first, 'officer', at);
    expect(await refused(() => storeProgram(models, second, 'officer', at))).toEqual(['Module code WB-VA-3-M1 was just taken by another program: nothing was defined']);
    expect(await models.Program.findById('WB-VA-302').lean()).toBeNull();
  });

  it('take nothing new once retired', () => {
    const retired = { ...program('WB-VA-401'), _id: 'WB-VA-401', bodyId: 'WB', modules: [], retiredAt: at, retirementReason: 'replaced' };
    expect(() => refuseIfRetired(retired, 'moduleCode', 'completions')).toThrow('WB-VA-401 was retired on 2026-05-10 (replaced): it takes no new completions');
    expect(() => refuseIfRetired({ ...retired, retiredAt: null }, 'moduleCode', 'completions')).not.toThrow();
  });
});
