import { AgeGroup } from '../schema/vocabulary';

const BINS: Array<[number, AgeGroup]> = [
  [8, AgeGroup.AGE_0_8],
  [17, AgeGroup.AGE_9_17],
  [20, AgeGroup.AGE_18_20],
  [23, AgeGroup.AGE_21_23],
  [26, AgeGroup.AGE_24_26],
  [29, AgeGroup.AGE_27_29],
  [38, AgeGroup.AGE_30_38],
  [47, AgeGroup.AGE_39_47],
];

export function ageOn(dateOfBirth: string, now: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

export function ageGroupOf(age: number): AgeGroup {
  return BINS.find(([upTo]) => age <= upTo)?.[1] ?? AgeGroup.AGE_48_PLUS;
}

/** A victim's age group today: from the date of birth when known, else as recorded. */
export function ageGroupNow(victim: { dateOfBirth?: string | null; ageGroup?: string | null }, now: Date): AgeGroup | null {
  if (victim.dateOfBirth) return ageGroupOf(ageOn(victim.dateOfBirth, now));
  return (victim.ageGroup as AgeGroup | null) ?? null;
}

/** Under 18 on `now`: from the date of birth when known, else the age group recorded. */
export function isChildOn(victim: { dateOfBirth?: string | null; ageGroup?: string | null }, now: Date): boolean {
  const group = ageGroupNow(victim, now);
  return group === AgeGroup.AGE_0_8 || group === AgeGroup.AGE_9_17;
}
