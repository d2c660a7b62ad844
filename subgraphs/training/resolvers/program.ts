import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { catalogCode } from '../domain/code';
import { defineProgram, programsOf, retireProgram, totalHours, type ProgramInput } from '../domain/programs';
import type { BodyRecord, ProgramRecord, TrainingContext } from '../models';
import { AccreditationBody } from '../schema/body';
import { DefineProgramInput } from '../schema/inputs';
import { TrainingModule, TrainingProgram } from '../schema/program';

type BodyDoc = Entity<BodyRecord>;
type ProgramDoc = Entity<ProgramRecord>;

@Resolver(() => TrainingProgram)
export class TrainingProgramResolver {
  @Query(() => TrainingProgram, { nullable: true })
  trainingProgram(@Arg('code', () => String) code: string, @Ctx() ctx: TrainingContext): Promise<ProgramDoc | null> {
    return ctx.loaders.program.load(catalogCode(code, 'code'));
  }

  @Query(() => [TrainingProgram], { description: "A body's programs (every body's when left out), in the order they were set up" })
  trainingPrograms(@Ctx() ctx: TrainingContext, @Arg('bodyId', () => ID, { nullable: true }) bodyId?: string): Promise<ProgramDoc[]> {
    return programsOf(ctx, bodyId);
  }

  @Audited('PROGRAM_DEFINED')
  @Mutation(() => TrainingProgram, { description: "Defines a program of the body (its accreditation officers); program and module codes are unique, every wrong field named at once" })
  defineProgram(@Arg('bodyId', () => ID) bodyId: string, @Arg('input', () => DefineProgramInput) input: DefineProgramInput, @Ctx() ctx: TrainingContext): Promise<ProgramDoc> {
    return defineProgram(ctx, bodyId, input as ProgramInput);
  }

  @Audited('PROGRAM_RETIRED')
  @Mutation(() => TrainingProgram, { description: "Retires a program (its body's accreditation officers): no new completions or certificates; those it gave stay valid" })
  retireProgram(@Arg('code', () => String) code: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: TrainingContext): Promise<ProgramDoc> {
    return retireProgram(ctx, code, reason);
  }

  @FieldResolver(() => Date, { nullable: true })
  retiredAt(@Root() program: ProgramDoc): Date | null {
    return program.retiredAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  retirementReason(@Root() program: ProgramDoc): string | null {
    return program.retirementReason ?? null;
  }

  @FieldResolver(() => String)
  code(@Root() program: ProgramDoc): string {
    return program.id;
  }

  @FieldResolver(() => AccreditationBody)
  async body(@Root() program: ProgramDoc, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return (await ctx.loaders.body.load(program.bodyId))!;
  }

  @FieldResolver(() => [TrainingModule])
  modules(@Root() program: ProgramDoc): TrainingModule[] {
    return program.modules as TrainingModule[];
  }

  @FieldResolver(() => Number)
  totalHours(@Root() program: ProgramDoc): number {
    return totalHours(program);
  }
}
