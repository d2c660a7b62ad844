import { loaderById } from '../common/storage';
import type { RequestContext } from '../common/context';
import type { VictimModels, VictimRecord } from './models';
import type { ReferralRecord } from './referral.model';

export function victimLoaders(models: VictimModels) {
  return {
    victim: loaderById<VictimRecord>(models.Victim),
    consentsOfVictim: models.consents.loaderBy('victim'),
    victimsByCaseReference: models.victims.loaderBySet('caseReference'),
    referral: loaderById<ReferralRecord>(models.referrals.model),
  };
}

export type VictimContext = RequestContext<VictimModels, ReturnType<typeof victimLoaders>>;
