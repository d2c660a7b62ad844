import { PURPOSES, type Purpose } from '../../../platform/purposes';
import { registerEnumType } from 'type-graphql';

export enum VictimStatus {
  PRESUMED = 'PRESUMED',
  IDENTIFIED = 'IDENTIFIED',
  IN_RECOVERY_PERIOD = 'IN_RECOVERY_PERIOD',
  REPATRIATING = 'REPATRIATING',
  REINTEGRATING = 'REINTEGRATING',
  CLOSED = 'CLOSED',
}
registerEnumType(VictimStatus, { name: 'VictimStatus' });

/** Age bins of the CTDC/IOM case data standard. */
export enum AgeGroup {
  AGE_0_8 = 'AGE_0_8',
  AGE_9_17 = 'AGE_9_17',
  AGE_18_20 = 'AGE_18_20',
  AGE_21_23 = 'AGE_21_23',
  AGE_24_26 = 'AGE_24_26',
  AGE_27_29 = 'AGE_27_29',
  AGE_30_38 = 'AGE_30_38',
  AGE_39_47 = 'AGE_39_47',
  AGE_48_PLUS = 'AGE_48_PLUS',
}
registerEnumType(AgeGroup, { name: 'AgeGroup', description: 'CTDC age bins' });

export { Gender } from '../../common/vocabulary';

export enum Vulnerability {
  CHILD = 'CHILD',
  UNACCOMPANIED_MINOR = 'UNACCOMPANIED_MINOR',
  DISABILITY = 'DISABILITY',
  PREGNANCY = 'PREGNANCY',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  MENTAL_HEALTH_NEEDS = 'MENTAL_HEALTH_NEEDS',
  SUBSTANCE_DEPENDENCE = 'SUBSTANCE_DEPENDENCE',
  LANGUAGE_BARRIER = 'LANGUAGE_BARRIER',
}
registerEnumType(Vulnerability, { name: 'Vulnerability' });

export enum DataCategoryEnum {
  CASE = 'CASE',
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  HEALTH = 'HEALTH',
  LOCATION = 'LOCATION',
  TESTIMONY = 'TESTIMONY',
}
registerEnumType(DataCategoryEnum, {
  name: 'DataCategory',
  description: 'Categories of victim data; sharing beyond the own jurisdiction needs consent per category',
});

export enum IndicatorDimension {
  DECEPTIVE_RECRUITMENT = 'DECEPTIVE_RECRUITMENT',
  COERCIVE_RECRUITMENT = 'COERCIVE_RECRUITMENT',
  ABUSE_OF_VULNERABILITY_AT_RECRUITMENT = 'ABUSE_OF_VULNERABILITY_AT_RECRUITMENT',
  EXPLOITATIVE_CONDITIONS = 'EXPLOITATIVE_CONDITIONS',
  COERCION_AT_DESTINATION = 'COERCION_AT_DESTINATION',
  ABUSE_OF_VULNERABILITY_AT_DESTINATION = 'ABUSE_OF_VULNERABILITY_AT_DESTINATION',
}
registerEnumType(IndicatorDimension, { name: 'IndicatorDimension', description: 'ILO 2009 dimensions' });

export enum IndicatorStrength {
  STRONG = 'STRONG',
  MEDIUM = 'MEDIUM',
  WEAK = 'WEAK',
}
registerEnumType(IndicatorStrength, { name: 'IndicatorStrength' });

/** The purpose vocabulary of the hub (platform/purposes.ts), as a GraphQL enum. */
export const PurposeEnum = Object.fromEntries(PURPOSES.map((p) => [p, p])) as { [K in Purpose]: K };
registerEnumType(PurposeEnum, {
  name: 'Purpose',
  description: 'Purposes of use: stated per request (X-Purpose, within the role\'s own) and named by each consent',
});
