import type { ApolloServerPlugin } from '@apollo/server';
import type { Express } from 'express';
import { GraphQLError, Kind } from 'graphql';
import { errorFields, type Logger } from '../../platform/logging';
import { SERVICE_ISSUER, type ServiceTokens } from '../../platform/service-tokens';
import type { AuditActor } from './audit';
import type { RequestContext } from './context';
import { ERASURE_FEED_FIELD, NUDGE_PATH, nudgeFollower } from './erasure-feed';
import type { ErasureFollower } from './erasure';
import { OUTBOX_FEED_FIELD } from './outbox';

/**
 * The hub's own services inside a subgraph (platform/service-tokens.ts): what a service
 * token opens, who it is in the audit chain, and the nudges of the erasure feed.
 */

/** A hub service as its audit events name it. */
export function serviceActor(service: string): AuditActor {
  return { sub: service, role: 'service', jurisdiction: 'none', org: `justice hub ${service}`, issuer: SERVICE_ISSUER };
}

/**
 * A hub service's token opens the service field of its audience only (the erasure feed, or the outbox feed): any other
 * root field, a mutation or federation's own fields, is refused whole, before anything runs.
 */
export const serviceFieldsOnly: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (!contextValue.service) return;
        const fields = operation?.selectionSet.selections ?? [];
        const field = contextValue.serviceUse === 'outbox-feed' ? OUTBOX_FEED_FIELD : ERASURE_FEED_FIELD;
        const only = operation?.operation === 'query' && fields.every((s) => s.kind === Kind.FIELD && (s.name.value === field || s.name.value === '__typename'));
        if (!only) throw new GraphQLError(`A hub service's token reads ${field} only`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
      },
    };
  },
};

/** `POST /erasures/nudge` with a service token: the follower reads the feed now (the poll would find it too). */
export function nudgeRoute(app: Express, tokens: ServiceTokens, follower: ErasureFollower): void {
  app.post(NUDGE_PATH, async (req, res) => {
    try {
      if (!(await tokens.verify(req.headers.authorization, 'erasure-nudge'))) throw new Error('no service token');
    } catch {
      return void res.status(401).json({ errors: [{ message: 'A hub service token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    void follower.nudge();
    res.status(202).json({ status: 'reading the erasure feed' });
  });
}

/** After an erasure, the owner asks each follower to read the feed now: best effort (logged), their poll is the guarantee. */
export function nudgeFollowers(followers: string[], urlOf: (service: string) => string | undefined, tokens: ServiceTokens, owner: string, logger: Logger): void {
  for (const follower of followers) {
    const url = urlOf(follower);
    if (!url) continue;
    void tokens
      .sign(owner, 'erasure-nudge')
      .then((token) => nudgeFollower(url, token))
      .then(
        (accepted) => accepted || logger.warn({ follower }, 'erasure: a follower refused the nudge; it reads the feed at its next poll'),
        (error) => logger.warn({ follower, error: errorFields(error) }, 'erasure: a follower could not be nudged; it reads the feed at its next poll'),
      );
  }
}
