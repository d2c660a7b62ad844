/**
 * ILO operational indicators of trafficking in human beings (ILO/European Commission,
 * Delphi survey, 2009), set for adult victims of labour exploitation. Six dimensions;
 * each indicator is strong, medium or weak as the ILO graded it, so a screener records
 * only which indicators were observed and cannot re-grade them.
 */

export type Dimension =
  | 'DECEPTIVE_RECRUITMENT'
  | 'COERCIVE_RECRUITMENT'
  | 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT'
  | 'EXPLOITATIVE_CONDITIONS'
  | 'COERCION_AT_DESTINATION'
  | 'ABUSE_OF_VULNERABILITY_AT_DESTINATION';

export type Strength = 'STRONG' | 'MEDIUM' | 'WEAK';

export interface Indicator {
  code: string;
  dimension: Dimension;
  strength: Strength;
  description: string;
}

const table: Array<[string, Dimension, Strength, string]> = [
  ['DR_NATURE_OF_JOB', 'DECEPTIVE_RECRUITMENT', 'STRONG', 'Deceived about the nature of the job, location or employer'],
  ['DR_CONDITIONS', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about conditions of work'],
  ['DR_CONTRACT', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about content or legality of work contract'],
  ['DR_FAMILY_REUNIFICATION', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about family reunification'],
  ['DR_HOUSING', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about housing and living conditions'],
  ['DR_DOCUMENTATION', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about legal documentation or obtaining legal migrant status'],
  ['DR_TRAVEL', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about travel and recruitment conditions'],
  ['DR_WAGES', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived about wages or earnings'],
  ['DR_MARRIAGE_OR_ADOPTION', 'DECEPTIVE_RECRUITMENT', 'MEDIUM', 'Deceived through promises of marriage or adoption'],
  ['CR_VIOLENCE', 'COERCIVE_RECRUITMENT', 'STRONG', 'Violence on victims'],
  ['CR_ABDUCTION', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Abduction, forced marriage, forced adoption or selling of victim'],
  ['CR_DOCUMENTS', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Confiscation of documents'],
  ['CR_DEBT_BONDAGE', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Debt bondage'],
  ['CR_ISOLATION', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Isolation, confinement or surveillance'],
  ['CR_THREATS', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Threats of violence against victim'],
  ['CR_THREAT_TO_INFORM', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Threat to inform family, community or public'],
  ['CR_FAMILY_VIOLENCE', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Violence on family (threats or effective)'],
  ['CR_WITHHOLDING_MONEY', 'COERCIVE_RECRUITMENT', 'MEDIUM', 'Withholding of money'],
  ['AVR_FAMILY_SITUATION', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Abuse of difficult family situation'],
  ['AVR_ILLEGAL_STATUS', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Abuse of illegal status'],
  ['AVR_EDUCATION', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Abuse of lack of education (job-related)'],
  ['AVR_INFORMATION', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Abuse of lack of information'],
  ['AVR_CONTROL', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Control of exploiters'],
  ['AVR_ECONOMIC', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Economic reasons'],
  ['AVR_FALSE_LEGAL_INFO', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'False information about law, attitude of authorities, border crossing'],
  ['AVR_FALSE_MIGRATION_INFO', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'False information about successful migration'],
  ['AVR_PERSONAL_SITUATION', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Personal situation'],
  ['AVR_EMOTIONAL_DEPENDENCY', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Psychological and emotional dependency'],
  ['AVR_AUTHORITIES', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'MEDIUM', 'Relationship with authorities or legal status'],
  ['AVR_GENERAL_CONTEXT', 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT', 'WEAK', 'General context (poverty, conflict, discrimination)'],
  ['EC_EXCESSIVE_HOURS', 'EXPLOITATIVE_CONDITIONS', 'STRONG', 'Excessive working days or hours'],
  ['EC_LIVING_CONDITIONS', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'Bad living conditions'],
  ['EC_HAZARDOUS_WORK', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'Hazardous work'],
  ['EC_LOW_OR_NO_PAY', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'Low or no salary'],
  ['EC_LABOUR_LAW', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'No respect of labour laws or contract signed'],
  ['EC_SOCIAL_PROTECTION', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'No social protection (contract, insurance)'],
  ['EC_WORKING_CONDITIONS', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'Very bad working conditions'],
  ['EC_WAGE_MANIPULATION', 'EXPLOITATIVE_CONDITIONS', 'MEDIUM', 'Wage manipulation'],
  ['EC_NO_EDUCATION', 'EXPLOITATIVE_CONDITIONS', 'WEAK', 'No access to education'],
  ['CD_DOCUMENTS', 'COERCION_AT_DESTINATION', 'STRONG', 'Confiscation of documents'],
  ['CD_DEBT_BONDAGE', 'COERCION_AT_DESTINATION', 'STRONG', 'Debt bondage'],
  ['CD_ISOLATION', 'COERCION_AT_DESTINATION', 'STRONG', 'Isolation, confinement or surveillance'],
  ['CD_VIOLENCE', 'COERCION_AT_DESTINATION', 'STRONG', 'Violence on victims'],
  ['CD_ILLICIT_ACTIVITIES', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Forced into illicit or criminal activities'],
  ['CD_FORCED_TASKS', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Forced tasks or clients'],
  ['CD_AGAINST_PEERS', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Forced to act against other victims'],
  ['CD_FORCED_TO_LIE', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Forced to lie to authorities, family or others'],
  ['CD_DENUNCIATION', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Threat of denunciation to authorities'],
  ['CD_WORSE_CONDITIONS', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Threat to impose even worse working conditions'],
  ['CD_THREATS', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Threats of violence against victim'],
  ['CD_UNDER_INFLUENCE', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Under strong influence'],
  ['CD_FAMILY_VIOLENCE', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Violence on family (threats or effective)'],
  ['CD_WITHHOLDING_WAGES', 'COERCION_AT_DESTINATION', 'MEDIUM', 'Withholding of wages'],
  ['CD_THREAT_TO_INFORM', 'COERCION_AT_DESTINATION', 'WEAK', 'Threats to inform family, community or public'],
  ['AVD_DEPENDENCY', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'MEDIUM', 'Dependency on exploiters'],
  ['AVD_RETURN', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'MEDIUM', 'Difficulty to return to home country'],
  ['AVD_ECONOMIC', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'MEDIUM', 'Economic reasons'],
  ['AVD_FAMILY_SITUATION', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'MEDIUM', 'Family situation'],
  ['AVD_AUTHORITIES', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'MEDIUM', 'Relationship with authorities or legal status'],
  ['AVD_PAST_DIFFICULTIES', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'WEAK', 'Difficulties in the past'],
  ['AVD_PERSONAL_CHARACTERISTICS', 'ABUSE_OF_VULNERABILITY_AT_DESTINATION', 'WEAK', 'Personal characteristics'],
];

export const ILO_INDICATORS: Indicator[] = table.map(([code, dimension, strength, description]) => ({ code, dimension, strength, description }));
export const INDICATOR_BY_CODE = new Map(ILO_INDICATORS.map((i) => [i.code, i]));

/**
 * ILO rule for one dimension: present with at least two strong indicators, or one strong
 * and one medium or weak, or three medium, or two medium and one weak.
 */
export function dimensionPresent(observed: Indicator[]): boolean {
  const strong = observed.filter((i) => i.strength === 'STRONG').length;
  const medium = observed.filter((i) => i.strength === 'MEDIUM').length;
  const weak = observed.filter((i) => i.strength === 'WEAK').length;
  return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);
}

/**
 * ILO combination: recruitment (deceptive, coercive or abusive) + exploitative conditions +
 * coercion or abuse of vulnerability at destination. A screening aid for "reasonable
 * grounds", never a legal determination.
 */
export function indicatesTrafficking(present: Set<Dimension>): boolean {
  const recruitment =
    present.has('DECEPTIVE_RECRUITMENT') || present.has('COERCIVE_RECRUITMENT') || present.has('ABUSE_OF_VULNERABILITY_AT_RECRUITMENT');
  const destination = present.has('COERCION_AT_DESTINATION') || present.has('ABUSE_OF_VULNERABILITY_AT_DESTINATION');
  return recruitment && present.has('EXPLOITATIVE_CONDITIONS') && destination;
}
