/**
 * What the load tools (`npm run chaos`, `npm run soak`) register through the gateway, as a
 * partner system would: victims and shelters of DE, each with a name of its own (identical
 * registrations would be reported as possible duplicates).
 */
export const REGISTER_VICTIM = `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id } } }`;
export const REGISTER_SHELTER = `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`;

export const victimInput = (legalName: string) => ({ legalName, dateOfBirth: '1990-05-17', nationality: 'UA', gender: 'FEMALE', languages: ['uk'], contactPhone: '+380501234567' });

/** A shelter run by the default org of a DE token (`DE-demo-org`). */
export const shelterInput = (name: string) => ({
  name,
  city: 'Berlin',
  capacity: 10,
  services: ['MEDICAL'],
  accessibility: [],
  acceptsGenders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'],
  acceptsUnaccompaniedMinors: false,
  acceptsFamilies: false,
  maxStayDays: 90,
  languages: ['de'],
  securityLevel: 'STANDARD',
  address: 'Geheimweg 1, Berlin',
  phone: '+49 30 1234',
  operator: 'DE-demo-org',
});
