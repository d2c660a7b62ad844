import type { MutationFixture } from '../mutation-fixtures';
import { day, unique, DE } from '../records';

const SHELTERS_ARE_OPEN = "a shelter's name, place and capacity are open to every authenticated caller (matchShelters)";

/** The shelters subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const SHELTERS: Record<string, MutationFixture> = {
  registerShelter: {
    as: DE('registrar'),
    writes: 'shelters',
    action: 'SHELTER_REGISTERED',
    setUp: async () => ({
      input: { name: `Shelter ${unique()}`, operator: 'DE-demo-org', city: 'Berlin', capacity: 5, acceptsGenders: ['FEMALE'], maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Weg 2', phone: '+49 30 1' },
    }),
    hidden: [],
  },
  requestPlacement: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'PLACEMENT_REQUESTED',
    setUp: async (r) => ({ shelterId: await r.shelter(), victimId: await r.victim(), input: { from: day(1), needs: ['MEDICAL'] } }),
    hidden: ['victimId'],
    open: { shelterId: SHELTERS_ARE_OPEN },
    probes: [{ stranger: DE('social_worker'), setUp: async (r) => ({ shelterId: await r.shelter(), victimId: await r.victim('AT'), input: { from: day(1) } }), hidden: ['victimId'] }],
  },
  // The shelter's own answers: its staff (r.shelter() is run by the default org of a DE shelter_staff token).
  acceptPlacement: {
    as: DE('shelter_staff'),
    writes: 'shelters',
    action: 'PLACEMENT_ACCEPTED',
    setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()), note: 'Arrive after 6 pm' }),
    hidden: ['placementId'],
  },
  declinePlacement: {
    as: DE('shelter_staff'),
    writes: 'shelters',
    action: 'PLACEMENT_DECLINED',
    setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()), reason: 'No room for her needs' }),
    hidden: ['placementId'],
  },
  confirmPlacement: {
    as: DE('shelter_staff'),
    writes: 'shelters',
    action: 'PLACEMENT_CONFIRMED',
    setUp: async (r) => ({ placementId: await r.acceptedPlacement(await r.shelter(), await r.victim()) }),
    hidden: ['placementId'],
  },
  transferPlacement: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'PLACEMENT_TRANSFERRED',
    setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()), toShelterId: await r.shelter() }),
    hidden: ['placementId'],
    open: { toShelterId: SHELTERS_ARE_OPEN },
  },
  dischargePlacement: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'PLACEMENT_DISCHARGED',
    setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()), reason: 'Moved on' }),
    hidden: ['placementId'],
  },
  arrangeTransport: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'TRANSPORT_ARRANGED',
    setUp: async (r) => {
      const victimId = await r.victim();
      await r.placement(await r.shelter(), victimId);
      return { hearingId: await r.hearing(await r.proceeding('DE', [victimId])), victimId, input: { pickupLocation: 'Back gate', escort: 'POLICE', departAt: `${day(59)}T07:00:00Z` } };
    },
    hidden: ['hearingId', 'victimId'],
    probes: [
      {
        stranger: DE('social_worker'),
        setUp: async (r) => {
          const victimId = await r.victim('AT');
          await r.placement(await r.shelter('AT'), victimId, 'AT');
          return { hearingId: await r.hearing(await r.proceeding()), victimId, input: { pickupLocation: 'Back gate', escort: 'NGO', departAt: `${day(59)}T07:00:00Z` } };
        },
        hidden: ['victimId'],
      },
    ],
  },

  // proceedings
};
