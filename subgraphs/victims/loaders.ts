import { loaderById } from '../common/loaders';
import type { RequestContext } from '../common/context';
import type { VictimModels, VictimRecord } from './models';

export function victimLoaders(models: VictimModels) {
  return {
    victim: loaderById<VictimRecord>(models.Victim),
    consentsOfVictim: models.consents.loaderBy('victim'),
    /** Access decisions of this request, by `victimId:category`. */
    decisions: new Map<string, Promise<boolean>>(),
  };
}

export type VictimContext = RequestContext<VictimModels, ReturnType<typeof victimLoaders>>;
