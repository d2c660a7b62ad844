import { registerEnumType } from 'type-graphql';

export enum ShelterService {
  MEDICAL = 'MEDICAL',
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  LEGAL_COUNSELLING = 'LEGAL_COUNSELLING',
  INTERPRETATION = 'INTERPRETATION',
  CHILD_CARE = 'CHILD_CARE',
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  SECURE_TRANSPORT = 'SECURE_TRANSPORT',
}
registerEnumType(ShelterService, { name: 'ShelterService' });

export enum Accessibility {
  WHEELCHAIR = 'WHEELCHAIR',
  HEARING = 'HEARING',
  VISION = 'VISION',
}
registerEnumType(Accessibility, { name: 'Accessibility' });

/** In this order: a need for HIGH is met by HIGH and SECRET_LOCATION. */
export enum SecurityLevel {
  STANDARD = 'STANDARD',
  HIGH = 'HIGH',
  SECRET_LOCATION = 'SECRET_LOCATION',
}
registerEnumType(SecurityLevel, { name: 'SecurityLevel', description: 'STANDARD < HIGH < SECRET_LOCATION (the address known only to its staff and the police)' });
export const SECURITY_ORDER = Object.values(SecurityLevel);

/**
 * A placement's life: a bed is held from the request; the shelter answers it (ACCEPTED or
 * DECLINED) within PLACEMENT_REQUEST_HOURS or it EXPIRES; its staff confirm the arrival.
 */
export enum PlacementStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  CONFIRMED = 'CONFIRMED',
  TRANSFERRED = 'TRANSFERRED',
  DISCHARGED = 'DISCHARGED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(PlacementStatus, {
  name: 'PlacementStatus',
  description:
    'REQUESTED (a bed held) → ACCEPTED (by the shelter) → CONFIRMED (arrived, by the shelter) → TRANSFERRED | DISCHARGED; a REQUESTED one is DECLINED by the shelter or EXPIRED when not answered within PLACEMENT_REQUEST_HOURS (both free the bed)',
});
/** The statuses that hold a bed and the victim's one active placement. */
export const ACTIVE_STATUSES: string[] = [PlacementStatus.REQUESTED, PlacementStatus.ACCEPTED, PlacementStatus.CONFIRMED];

export enum Escort {
  POLICE = 'POLICE',
  NGO = 'NGO',
  NONE = 'NONE',
}
registerEnumType(Escort, { name: 'Escort' });
