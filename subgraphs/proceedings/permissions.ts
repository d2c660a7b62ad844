import type { Role } from '../../platform/auth';
import { forbidden, notFound } from '../../platform/errors';
import { actsForAJurisdiction, actsInOwnJurisdiction, allow, chain, hasRole, isAuthenticated, isPublic, openTypes, ruleOf, type Permissions } from '../common/rules';
import { readAs } from '../common/access';
import { proceedingAccess } from './access';
import type { CaseFileRecord } from './domain/case-file';
import { precedentByEcli } from './precedents/models';
import { recordId } from '../common/validate';
import type { ProceedingContext } from './models';
import { regionPermissions } from '../common/regions';
import { defenceMutationRules } from './defence/permissions';
import { assistanceMutationRules, assistanceOpenTypes, assistanceQueryRules } from './assistance/permissions';
import { translationMutationRules } from './translations/permissions';

/** The rules of the root fields; the fields of the core's entities are decided by their categories (access.ts). */

const proceedingOf = async (args: { proceedingId: string }, ctx: ProceedingContext) => ctx.loaders.proceeding.load(recordId(args.proceedingId, 'proceedingId'));
const orderOf = async (args: { orderId: string }, ctx: ProceedingContext) => ctx.loaders.protectiveOrder.load(recordId(args.orderId, 'orderId'));
const teamOf = async (args: { teamId: string }, ctx: ProceedingContext) => ctx.loaders.team.load(recordId(args.teamId, 'teamId'));
const evidenceOf = async (args: { evidenceId: string }, ctx: ProceedingContext) => ctx.loaders.evidence.load(recordId(args.evidenceId, 'evidenceId'));
const actsOnEvidence = (roles: Role[]) => actsInOwnJurisdiction('Evidence', roles, evidenceOf, (args) => args.evidenceId);
const actsOnProceeding = (roles: Role[]) => actsInOwnJurisdiction('Proceeding', roles, proceedingOf, (args) => args.proceedingId);

/**
 * Changing a precedent: a judge of its jurisdiction. Precedents are public, so one of
 * another jurisdiction is refused as such (not answered as unknown).
 */
const judgeOfPrecedent = chain(
  hasRole('judge'),
  ruleOf<ProceedingContext>(async (_parent, args: { ecli: string }, ctx) => {
    const precedent = await precedentByEcli(ctx, args.ecli);
    if (!precedent) return notFound('Precedent', args.ecli);
    return precedent.jurisdiction === ctx.caller!.jurisdiction ? true : forbidden(`Only a judge of ${precedent.jurisdiction} may change ${precedent.ecli}`);
  }),
);

/**
 * Acting on a joint investigation team: a prosecutor or judge of one of its parties; a
 * team the caller's jurisdiction is no party to answers as an unknown id. What the
 * change needs besides (a leader, a party that joined) the resolver checks.
 */
const actsOnTeam = chain(
  hasRole('prosecutor', 'judge'),
  ruleOf<ProceedingContext>(async (_parent, args: { teamId: string }, ctx) => {
    const team = await teamOf(args, ctx);
    return team && team.parties.includes(ctx.caller!.jurisdiction) ? true : notFound('JointInvestigationTeam', args.teamId);
  }),
);

/**
 * A case file's parts are its proceeding's fields: each decided, denied and logged as
 * that field of the proceeding (readAs), so the file never shows more than the
 * proceeding would, nor an empty list for a part the caller may not see.
 */
const asProceedings = (...fields: string[]) => Object.fromEntries(fields.map((field) => [field, readAs(proceedingAccess, field, (file: CaseFileRecord) => file.proceeding)]));

/** The roles that see anything of a proceeding (the summary, at least); defence counsel those she is appointed in (defence/). */
const READERS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'partner_system', 'legal_aid_attorney', 'defence_counsel'];

export const proceedingPermissions: Permissions = {
  Query: {
    proceeding: isAuthenticated,
    proceedings: hasRole(...READERS),
    // The roles that read a proceeding's details, and appointed counsel; which proceeding, the resolver (NOT_FOUND as for an unknown id).
    caseFile: hasRole('judge', 'prosecutor', 'law_enforcement', 'defence_counsel'),
    verifyCustody: actsOnEvidence(['judge', 'prosecutor']),
    pendingProtectiveOrders: hasRole('judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'),
    precedent: isPublic,
    precedents: isPublic,
    precedentChanges: isPublic,
    ...assistanceQueryRules,
    jointInvestigationTeam: hasRole('judge', 'prosecutor', 'law_enforcement'),
    jointInvestigationTeams: hasRole('judge', 'prosecutor', 'law_enforcement'),
  },
  Mutation: {
    openProceeding: hasRole('prosecutor', 'judge'),
    advanceStage: actsOnProceeding(['prosecutor', 'judge']),
    scheduleHearing: actsOnProceeding(['judge', 'prosecutor']),
    requestProtectiveOrder: actsOnProceeding(['prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney']),
    decideProtectiveOrder: actsInOwnJurisdiction('ProtectiveOrder', ['judge'], orderOf, (args) => args.orderId),
    registerEvidence: actsOnProceeding(['prosecutor', 'law_enforcement']),
    recordCustodyEvent: actsOnEvidence(['judge', 'prosecutor', 'law_enforcement']),
    permitCourtUse: actsOnEvidence(['prosecutor']),
    publishPrecedent: actsOnProceeding(['judge']),
    correctPrecedent: judgeOfPrecedent,
    withdrawPrecedent: judgeOfPrecedent,
    ...assistanceMutationRules,
    createJointInvestigationTeam: hasRole('prosecutor', 'judge'),
    joinJointInvestigationTeam: actsOnTeam,
    addTeamMember: actsOnTeam,
    removeTeamMember: actsOnTeam,
    linkProceeding: actsOnTeam,
    extendTeam: actsOnTeam,
    approveTeamExtension: actsOnTeam,
    closeTeam: actsOnTeam,
    ...translationMutationRules,
    ...defenceMutationRules,
  },
  // Which proceedings a victim is in: never to defence counsel (decision 111).
  Victim: { id: allow, proceedings: actsForAJurisdiction },
  CaseFile: {
    proceeding: allow,
    language: allow,
    generatedAt: allow,
    requestedBy: allow,
    ...asProceedings('hearings', 'protectiveOrders', 'evidence', 'legalAssistanceRequests', 'jointInvestigationTeams', 'victims', 'witnesses', 'defenceAppointments', 'disclosures', 'disclosureDueBy', 'translations'),
  },
  ...regionPermissions,
  ...openTypes('ProceedingConnection', 'ProceedingEdge', 'PageInfo', 'Defendant', 'Hearing', 'ProtectiveOrderConnection', 'ProtectiveOrderEdge', 'CustodyEvent', 'CustodyCheck', 'CaseFileReader', 'WitnessIdentity'),
  ...openTypes('PrecedentKeywords', 'PartyProfile', 'ProfileCount', 'PrecedentCorrection', 'Provision', 'PrecedentEdge', 'PrecedentConnection', 'PrecedentHighlight', 'TextMatch', 'PrecedentChange', 'PrecedentChanges'),
  ...assistanceOpenTypes,
  ...openTypes('TeamLeader', 'TeamMember', 'TeamExtension', 'TeamExtensionProposal', 'JointInvestigationTeamEdge', 'JointInvestigationTeamConnection'),
};
