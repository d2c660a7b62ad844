import { basis, forRoles, typeAccess, type Basis } from '../../common/access';
import type { RequestContext } from '../../common/context';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import { opensTo, TEAM_ROLES, type TeamRecord } from './models';

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

type TeamDoc = Entity<TeamRecord>;

const party = basis<TeamDoc>('a party to the team', 'TEAM_PARTY', (ctx, team) => team.parties.includes(ctx.caller!.jurisdiction));
const member = basis<TeamDoc>('a member of the team', 'TEAM_MEMBER', (ctx, team) =>
  team.members.some((m) => m.sub === ctx.caller!.sub && m.jurisdiction === ctx.caller!.jurisdiction && m.role === ctx.caller!.role),
);

/** Judges and prosecutors of every party read a team (they lead and staff it); police only the teams they are members of. */
export const teamAccess = typeAccess<TeamDoc>({
  typeName: 'JointInvestigationTeam',
  noun: 'this joint investigation team',
  id: (t) => t.id,
  jurisdiction: (t) => t.parties[0],
  visibleOn: [party],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.team.load(id))?.parties[0] ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    ['name', 'parties', 'joined', 'purpose', 'startsOn', 'endsOn', 'extensions', 'pendingExtension', 'leaders', 'members', 'proceedings', 'status', 'closedAt', 'closingReason'].map((f) => [f, 'TEAM']),
  ),
  rules: {
    TEAM: { roles: TEAM_ROLES, bases: [forRoles(['judge', 'prosecutor'], party), member] },
  },
});
