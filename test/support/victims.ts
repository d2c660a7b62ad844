import { PURPOSES } from '../../platform/purposes';
import type { HubClient } from './hub';

/** Registers a victim through the gateway as a social worker of `jurisdiction`; returns its id. */
export async function registerVictim(hub: HubClient, jurisdiction: string, input: Record<string, unknown> = {}): Promise<string> {
  const token = await hub.token('social_worker', jurisdiction);
  const res = await hub.query(
    token,
    `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id } } }`,
    { input: { legalName: 'Test Person', dateOfBirth: '1990-05-17', nationality: 'UA', gender: 'FEMALE', languages: ['uk'], contactPhone: '+380501234567', ...input } },
  );
  if (res.body.errors) throw new Error(`registerVictim failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.registerVictim.victim.id;
}

export async function grantConsent(hub: HubClient, victimId: string, jurisdiction: string, input: Record<string, unknown>): Promise<string> {
  const token = await hub.token('social_worker', jurisdiction);
  const res = await hub.query(
    token,
    `mutation($victimId: ID!, $input: GrantConsentInput!) { grantConsent(victimId: $victimId, input: $input) { id active } }`,
    { victimId, input: { purposes: PURPOSES, note: 'repatriation planning', ...input } },
  );
  if (res.body.errors) throw new Error(`grantConsent failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.grantConsent.id;
}
