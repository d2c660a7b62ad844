import { badInput } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, dateTime, languageCode, newId, text } from '../../common/validate';
import type { AssignmentRecord, InterpretationRecord, LegalAidContext } from '../models';
import type { AccommodationInput, InterpretationInput } from '../schema/inputs';
import { InterpretationStatus, OPEN_STATUSES } from '../schema/vocabulary';
import { assignmentNamed, changeAssignment, requireAttorneyOf } from './assignments';

/**
 * What the victim needs to take part in her case: interpreters for hearings, interviews
 * and consultations, and accommodations of her needs, arranged on an open assignment by
 * its attorney or a social worker of its jurisdiction.
 */

type AssignmentDoc = Entity<AssignmentRecord>;

/** Interpretation moves REQUESTED → ASSIGNED → DONE, and may be CANCELLED before it is done. */
const INTERPRETATION_NEXT: Record<string, string[]> = {
  REQUESTED: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

/** The assigned attorney, or a social worker of the assignment's jurisdiction. */
async function actingFor(ctx: LegalAidContext, assignmentId: string, doing: string): Promise<AssignmentDoc> {
  const assignment = await assignmentNamed(ctx, assignmentId);
  if (ctx.caller!.role === 'social_worker' && ctx.caller!.jurisdiction === assignment.jurisdiction) return assignment;
  requireAttorneyOf(ctx, assignment, `or a social worker of ${assignment.jurisdiction} ${doing}`);
  return assignment;
}

export async function requestInterpretation(ctx: LegalAidContext, assignmentId: string, input: InterpretationInput): Promise<AssignmentDoc> {
  const assignment = await actingFor(ctx, assignmentId, 'asks for an interpreter');
  const { language, at } = await checkAll({
    language: () => languageCode(input.language, 'input.language'),
    at: () => {
      const at = dateTime(input.at, 'input.at');
      if (at <= ctx.now) throw badInput('input.at', 'must be in the future');
      return at;
    },
  });
  const interpretation = { id: newId(), language, occasion: input.occasion, at, status: InterpretationStatus.REQUESTED, interpreter: null, requestedAt: ctx.now, requestedBy: ctx.caller!.sub };
  return ctx.audit.change('INTERPRETATION_REQUESTED', 'LegalAidAssignment', assignment.id, ['interpretations'], () =>
    changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => ({ interpretations: [...a.interpretations, interpretation] })),
  );
}

/** The interpretations with one moved on to `status` (BAD_USER_INPUT: an unknown id, or a move its status does not allow). */
export function movedInterpretation(interpretations: InterpretationRecord[], interpretationId: string, status: InterpretationStatus, interpreter: string | null): InterpretationRecord[] {
  const current = interpretations.find((i) => i.id === interpretationId);
  if (!current) throw badInput('interpretationId', 'no interpretation of this assignment has this id');
  if (!INTERPRETATION_NEXT[current.status].includes(status)) throw badInput('status', `the interpretation is ${current.status}; it can go to ${INTERPRETATION_NEXT[current.status].join(' or ') || 'nothing'}`);
  return interpretations.map((i) => (i.id === interpretationId ? { ...i, status, interpreter: interpreter ?? i.interpreter } : i));
}

export async function updateInterpretation(ctx: LegalAidContext, assignmentId: string, interpretationId: string, status: InterpretationStatus, interpreter?: string): Promise<AssignmentDoc> {
  const assignment = await actingFor(ctx, assignmentId, 'arranges interpretation');
  if (status === InterpretationStatus.ASSIGNED && interpreter == null) throw badInput('interpreter', 'is needed to assign an interpretation');
  const named = interpreter != null ? text(interpreter, 'interpreter', { max: 200 }) : null;
  return ctx.audit.change('INTERPRETATION_UPDATED', 'LegalAidAssignment', assignment.id, ['interpretations'], () =>
    changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => ({ interpretations: movedInterpretation(a.interpretations, interpretationId, status, named) })),
  );
}

export async function requestAccommodation(ctx: LegalAidContext, assignmentId: string, input: AccommodationInput): Promise<AssignmentDoc> {
  const assignment = await actingFor(ctx, assignmentId, 'asks for an accommodation');
  const accommodation = { id: newId(), kind: input.kind, details: text(input.details, 'input.details', { max: 1000 }), requestedAt: ctx.now, requestedBy: ctx.caller!.sub };
  return ctx.audit.change('ACCOMMODATION_REQUESTED', 'LegalAidAssignment', assignment.id, ['accommodations'], () =>
    changeAssignment(ctx, assignment.id, OPEN_STATUSES, (a) => ({ accommodations: [...a.accommodations, accommodation] })),
  );
}
