import { basis, type Basis } from '../../common/access';
import type { RequestContext } from '../../common/context';
import type { ProceedingContext } from '../models';
import { opensTo, TEAM_ROLES } from './models';

/**
 * The basis a joint investigation team gives: the caller is a member of an active team,
 * within its dates, that links the record's proceeding. It holds on the team's id, so a
 * read under it is audited as `TEAM:<team id>`. Checked on every request: removal,
 * expiry or closure ends it on the next one.
 */
export function linkedByTeam<P>(proceedingIdOf: (parent: P) => string, unless?: (parent: P, ctx: RequestContext) => boolean): Basis<P> {
  return basis('member of an active joint investigation team the proceeding is linked to', 'TEAM', async (ctx, parent) => {
    const caller = ctx.caller!;
    if (!TEAM_ROLES.includes(caller.role) || unless?.(parent, ctx)) return false;
    const teams = await (ctx as ProceedingContext).loaders.teamsOfProceeding.load(proceedingIdOf(parent));
    return teams.find((team) => team.parties.includes(caller.jurisdiction) && opensTo(team, caller, ctx.now))?.id ?? false;
  });
}
