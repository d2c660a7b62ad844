import { registerEnumType } from 'type-graphql';

/**
 * The vocabularies of a precedent, after UNODC's SHERLOC case-law database: keywords in
 * six groups (acts, means, purpose of exploitation, international cooperation, form of
 * trafficking, sector) and the legal issues courts look precedents up by.
 */

export enum CourtType {
  FIRST_INSTANCE = 'FIRST_INSTANCE',
  APPEAL = 'APPEAL',
  SUPREME = 'SUPREME',
  CONSTITUTIONAL = 'CONSTITUTIONAL',
  REGIONAL_HUMAN_RIGHTS = 'REGIONAL_HUMAN_RIGHTS',
}
registerEnumType(CourtType, { name: 'CourtType' });

export enum LegalSystem {
  CIVIL_LAW = 'CIVIL_LAW',
  COMMON_LAW = 'COMMON_LAW',
  MIXED = 'MIXED',
}
registerEnumType(LegalSystem, { name: 'LegalSystem' });

export enum LegalIssue {
  NON_PUNISHMENT = 'NON_PUNISHMENT',
  RECOVERY_PERIOD = 'RECOVERY_PERIOD',
  COMPENSATION = 'COMPENSATION',
  WITNESS_PROTECTION = 'WITNESS_PROTECTION',
  CHILD_VICTIM = 'CHILD_VICTIM',
  JURISDICTION = 'JURISDICTION',
  EVIDENCE_ADMISSIBILITY = 'EVIDENCE_ADMISSIBILITY',
  ASSET_CONFISCATION = 'ASSET_CONFISCATION',
  RESIDENCE_PERMIT = 'RESIDENCE_PERMIT',
}
registerEnumType(LegalIssue, { name: 'LegalIssue' });

/** The acts of the Palermo Protocol's definition (Art. 3(a)). */
export enum TraffickingAct {
  RECRUITMENT = 'RECRUITMENT',
  TRANSPORTATION = 'TRANSPORTATION',
  TRANSFER = 'TRANSFER',
  HARBOURING = 'HARBOURING',
  RECEIPT = 'RECEIPT',
}
registerEnumType(TraffickingAct, { name: 'TraffickingAct', description: 'SHERLOC keywords: acts' });

/** The means of the Palermo Protocol's definition (Art. 3(a)). */
export enum TraffickingMeans {
  THREAT_OF_FORCE = 'THREAT_OF_FORCE',
  USE_OF_FORCE = 'USE_OF_FORCE',
  COERCION = 'COERCION',
  ABDUCTION = 'ABDUCTION',
  FRAUD = 'FRAUD',
  DECEPTION = 'DECEPTION',
  ABUSE_OF_POWER = 'ABUSE_OF_POWER',
  ABUSE_OF_VULNERABILITY = 'ABUSE_OF_VULNERABILITY',
  PAYMENTS_TO_CONTROLLER = 'PAYMENTS_TO_CONTROLLER',
  DEBT_BONDAGE = 'DEBT_BONDAGE',
  WITHHOLDING_DOCUMENTS = 'WITHHOLDING_DOCUMENTS',
}
registerEnumType(TraffickingMeans, { name: 'TraffickingMeans', description: 'SHERLOC keywords: means' });

export enum ExploitationPurpose {
  SEXUAL_EXPLOITATION = 'SEXUAL_EXPLOITATION',
  FORCED_LABOUR = 'FORCED_LABOUR',
  SLAVERY = 'SLAVERY',
  SERVITUDE = 'SERVITUDE',
  ORGAN_REMOVAL = 'ORGAN_REMOVAL',
  FORCED_CRIMINALITY = 'FORCED_CRIMINALITY',
  FORCED_BEGGING = 'FORCED_BEGGING',
  FORCED_MARRIAGE = 'FORCED_MARRIAGE',
  ILLEGAL_ADOPTION = 'ILLEGAL_ADOPTION',
}
registerEnumType(ExploitationPurpose, { name: 'ExploitationPurpose', description: 'SHERLOC keywords: purpose of exploitation' });

export enum CooperationKind {
  MUTUAL_LEGAL_ASSISTANCE = 'MUTUAL_LEGAL_ASSISTANCE',
  EXTRADITION = 'EXTRADITION',
  EUROPEAN_ARREST_WARRANT = 'EUROPEAN_ARREST_WARRANT',
  EUROPEAN_INVESTIGATION_ORDER = 'EUROPEAN_INVESTIGATION_ORDER',
  JOINT_INVESTIGATION_TEAM = 'JOINT_INVESTIGATION_TEAM',
  TRANSFER_OF_PROCEEDINGS = 'TRANSFER_OF_PROCEEDINGS',
  LAW_ENFORCEMENT_COOPERATION = 'LAW_ENFORCEMENT_COOPERATION',
}
registerEnumType(CooperationKind, { name: 'CooperationKind', description: 'SHERLOC keywords: international cooperation' });

export enum TraffickingForm {
  DOMESTIC = 'DOMESTIC',
  TRANSNATIONAL = 'TRANSNATIONAL',
  ORGANIZED_CRIMINAL_GROUP = 'ORGANIZED_CRIMINAL_GROUP',
  ONLINE_RECRUITMENT = 'ONLINE_RECRUITMENT',
}
registerEnumType(TraffickingForm, { name: 'TraffickingForm', description: 'SHERLOC keywords: form of trafficking' });

export enum EconomicSector {
  AGRICULTURE = 'AGRICULTURE',
  CONSTRUCTION = 'CONSTRUCTION',
  DOMESTIC_WORK = 'DOMESTIC_WORK',
  FISHING = 'FISHING',
  HOSPITALITY = 'HOSPITALITY',
  MANUFACTURING = 'MANUFACTURING',
  TEXTILES = 'TEXTILES',
  MINING = 'MINING',
  CARE_WORK = 'CARE_WORK',
  LOGISTICS = 'LOGISTICS',
  SEX_INDUSTRY = 'SEX_INDUSTRY',
  BEGGING = 'BEGGING',
  ENTERTAINMENT = 'ENTERTAINMENT',
}
registerEnumType(EconomicSector, { name: 'EconomicSector', description: 'SHERLOC keywords: sector' });

/** The six SHERLOC keyword groups, each a list of its own vocabulary. */
export interface KeywordGroups {
  acts: TraffickingAct[];
  means: TraffickingMeans[];
  purposes: ExploitationPurpose[];
  cooperation: CooperationKind[];
  form: TraffickingForm[];
  sectors: EconomicSector[];
}

export const KEYWORD_GROUPS = ['acts', 'means', 'purposes', 'cooperation', 'form', 'sectors'] as const;
