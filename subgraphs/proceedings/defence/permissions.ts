import type { Role } from '../../../platform/auth';
import { actsInOwnJurisdiction, type Permissions } from '../../common/rules';
import { recordId } from '../../common/validate';
import type { ProceedingContext } from '../models';

/**
 * Who acts for the defence's records: judges appoint and end counsel, set the disclosure
 * deadline and order restricted items disclosed and a witness's identity disclosed; prosecutors disclose; each in the
 * proceeding's own jurisdiction (elsewhere, as for an unknown id). Counsel changes nothing.
 */

const proceedingOf = async (args: { proceedingId: string }, ctx: ProceedingContext) => ctx.loaders.proceeding.load(recordId(args.proceedingId, 'proceedingId'));
const evidenceOf = async (args: { evidenceId: string }, ctx: ProceedingContext) => ctx.loaders.evidence.load(recordId(args.evidenceId, 'evidenceId'));
const appointmentOf = async (args: { appointmentId: string }, ctx: ProceedingContext) => ctx.loaders.defenceAppointment.load(recordId(args.appointmentId, 'appointmentId'));

const onProceeding = (roles: Role[]) => actsInOwnJurisdiction('Proceeding', roles, proceedingOf, (args) => args.proceedingId);
const onEvidence = (roles: Role[]) => actsInOwnJurisdiction('Evidence', roles, evidenceOf, (args) => args.evidenceId);

export const defenceMutationRules: Permissions = {
  appointDefenceCounsel: onProceeding(['judge']),
  endDefenceAppointment: actsInOwnJurisdiction('DefenceAppointment', ['judge'], appointmentOf, (args) => args.appointmentId),
  setDisclosureDeadline: onProceeding(['judge']),
  orderDisclosure: onEvidence(['judge']),
  discloseEvidence: onEvidence(['prosecutor']),
  orderWitnessIdentityDisclosure: onProceeding(['judge']),
};
