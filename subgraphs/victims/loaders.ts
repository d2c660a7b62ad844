import { loaderBy } from '../common/loaders';
import type { RequestContext } from '../common/context';
import type { ConsentRecord, VictimModels, VictimRecord } from './models';

export function victimLoaders(models: VictimModels) {
  return {
    victim: loaderBy<VictimRecord>(models.Victim),
    consentsOfVictim: loaderBy<ConsentRecord>(models.Consent, 'victimId', { many: true }),
    /** Access decisions of this request, by `victimId:category`. */
    decisions: new Map<string, Promise<boolean>>(),
  };
}

export type VictimContext = RequestContext<VictimModels, ReturnType<typeof victimLoaders>>;
