import 'reflect-metadata';
import { vars } from '../../platform/config';
import { deadlineEvents } from './domain/deadline-events';
import { isRecordId } from '../common/validate';
import type { SubgraphDefinition } from '../common/server';
// type-graphql prints entities and root fields in the order their classes are declared,
// that is, as modules load: Evidence first, then (after the nested areas' models and
// rules) the evidence, order and proceeding resolvers. Keep this order, or
// schema/proceedings.graphql changes.
import { Evidence } from './schema/evidence';
import { proceedingLoaders, proceedingModels, type ProceedingContext } from './models';
import { proceedingPermissions } from './permissions';
import { proceedingErasure } from './domain/erasure';
import { evidenceAccess, proceedingAccess, protectiveOrderAccess } from './access';
import { evidenceReference, EvidenceResolver } from './resolvers/evidence';
import { protectiveOrderReference, ProtectiveOrderResolver } from './resolvers/order';
import { ProceedingResolver, VictimProceedingsResolver } from './resolvers/proceeding';
import { ProtectiveOrder } from './schema/order';
import { Proceeding, VictimReference } from './schema/proceeding';
import { referenceById } from '../common/references';
import { PrecedentResolver, ProceedingPrecedentsResolver } from './precedents/resolvers/precedent';
import { Precedent } from './precedents/schema/precedent';
import { precedentAccess } from './precedents/access';
import { legalAssistanceReference, LegalAssistanceResolver, ProceedingAssistanceResolver } from './assistance/resolvers/request';
import { LegalAssistanceRequest } from './assistance/schema/request';
import { legalAssistanceAccess } from './assistance/access';
import { ProceedingTeamsResolver, TeamResolver } from './teams/resolvers/team';
import { JointInvestigationTeam } from './teams/schema/team';
import { teamAccess } from './teams/access';
import { DEFAULT_TEAM_SETTINGS } from './teams/models';
import { EvidenceTranslationsResolver, OrderTranslationsResolver, PrecedentTranslationsResolver, ProceedingTranslationsResolver, TranslationResolver } from './translations/resolvers/translation';
import { Translation } from './translations/schema/translation';
import { translationAccess } from './translations/access';
import { defenceReferences, DefenceAppointmentResolver, DisclosureResolver, ProceedingDefenceResolver, WitnessResolver } from './defence/resolvers/defence';
import { DefenceAppointment, Disclosure, DisclosureOrder } from './defence/schema/defence';
import { Witness } from './defence/schema/witness';
import { appointmentAccess, disclosureAccess, disclosureOrderAccess, witnessAccess } from './defence/access';
import { Region, RegionProsecutionResolver } from './schema/region';
import { regionReference } from '../common/regions';
import { CaseFileResolver } from './resolvers/case-file';

/**
 * Court cases: proceedings with their charges, pseudonymized defendants, victims (by id,
 * resolved by the victims subgraph) and hearings; protective orders; evidence with its
 * chain of custody; and precedents: the public case law published from closed proceedings.
 * Mutual legal assistance requests between jurisdictions, with their deadlines and
 * hash-chained delivery evidence (assistance/). Translations of their texts by certified
 * translators, stale once the original changes (translations/). The defence: counsel
 * appointed for a defendant, the evidence disclosed to her and the victims as pseudonymised
 * witnesses (defence/).
 */
const env = {
  PROTECTIVE_ORDER_URGENT_HOURS: vars.integer('hours a court has to decide an URGENT protective order (default 24)', 1, 8_760),
  PROTECTIVE_ORDER_EXPEDITED_HOURS: vars.integer('hours for an EXPEDITED one (default 72)', 1, 8_760),
  PROTECTIVE_ORDER_STANDARD_DAYS: vars.integer('days for a STANDARD one (default 30)', 1, 365),
  CUSTODY_CHAIN_KEY: vars.secret('key of the evidence custody chain hashes (HMAC-SHA256), one per deployment', 32),
  MLA_RECOGNITION_DAYS: vars.integer('days the executing side has to recognize or refuse a legal assistance request after receipt (default 30, EIO Art. 12)', 1, 365),
  MLA_URGENT_RECOGNITION_DAYS: vars.integer('days for an URGENT one (default 7)', 1, 365),
  MLA_EXECUTION_DAYS: vars.integer('days to execute a request after its recognition or resumption (default 90)', 1, 730),
  TEAM_EXTENSION_MAX_MONTHS: vars.integer('months one agreed extension of a joint investigation team may add to its last day (default 12)', 1, 60),
  DELIVERY_CHAIN_KEY: vars.secret('key of the legal assistance delivery evidence hashes (HMAC-SHA256), one per deployment', 32),
};

export const proceedingsSubgraph: SubgraphDefinition<ReturnType<typeof proceedingModels>, ReturnType<typeof proceedingLoaders>, typeof env> = {
  name: 'proceedings',
  env,
  resolvers: [ProceedingResolver, VictimProceedingsResolver, ProtectiveOrderResolver, EvidenceResolver, PrecedentResolver, ProceedingPrecedentsResolver, TeamResolver, LegalAssistanceResolver, TranslationResolver, EvidenceTranslationsResolver, OrderTranslationsResolver, PrecedentTranslationsResolver, ProceedingTranslationsResolver, RegionProsecutionResolver, ProceedingAssistanceResolver, ProceedingTeamsResolver, CaseFileResolver, DefenceAppointmentResolver, DisclosureResolver, ProceedingDefenceResolver, WitnessResolver],
  orphanedTypes: [Proceeding, VictimReference, ProtectiveOrder, Evidence, Precedent, JointInvestigationTeam, LegalAssistanceRequest, Translation, Region, DefenceAppointment, Disclosure, DisclosureOrder, Witness],
  references: {
    Proceeding: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.proceeding.load(reference.id) : null) },
    ProtectiveOrder: protectiveOrderReference,
    Evidence: evidenceReference,
    JointInvestigationTeam: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.team.load(reference.id) : null) },
    Precedent: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.precedent.load(reference.id) : null) },
    Victim: referenceById,
    LegalAssistanceRequest: legalAssistanceReference,
    Translation: { __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.translation.load(reference.id) : null) },
    Region: regionReference,
    ...defenceReferences,
  },
  permissions: proceedingPermissions,
  access: [proceedingAccess, protectiveOrderAccess, evidenceAccess, precedentAccess, teamAccess, legalAssistanceAccess, translationAccess, appointmentAccess, disclosureAccess, disclosureOrderAccess, witnessAccess],
  models: (connection, settings) =>
    proceedingModels(connection, {
      urgentHours: settings.PROTECTIVE_ORDER_URGENT_HOURS ?? 24,
      expeditedHours: settings.PROTECTIVE_ORDER_EXPEDITED_HOURS ?? 72,
      standardDays: settings.PROTECTIVE_ORDER_STANDARD_DAYS ?? 30,
    }, settings.CUSTODY_CHAIN_KEY, {
      deadlines: {
        recognitionDays: settings.MLA_RECOGNITION_DAYS ?? 30,
        urgentRecognitionDays: settings.MLA_URGENT_RECOGNITION_DAYS ?? 7,
        executionDays: settings.MLA_EXECUTION_DAYS ?? 90,
      },
      deliveryKey: settings.DELIVERY_CHAIN_KEY,
    }, {
      maxExtensionMonths: settings.TEAM_EXTENSION_MAX_MONTHS ?? DEFAULT_TEAM_SETTINGS.maxExtensionMonths,
    }),
  loaders: proceedingLoaders,
  // Deadlines coming due, as events for partner systems (webhooks).
  jobs: (context) => [deadlineEvents(context)],
  erasure: proceedingErasure,
};
