import { registerEnumType } from 'type-graphql';

/** Where a team stands, and the roles its members may have. */

export enum TeamStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  CLOSED = 'CLOSED',
}
registerEnumType(TeamStatus, {
  name: 'TeamStatus',
  description: 'PENDING until every party joined; ACTIVE until its last day (it opens proceedings only from its first); EXPIRED after; CLOSED by a leader',
});

export enum TeamRole {
  judge = 'judge',
  prosecutor = 'prosecutor',
  law_enforcement = 'law_enforcement',
}
registerEnumType(TeamRole, { name: 'TeamRole', description: 'The roles a team member may have (as in the token)' });
