import { Directive, Field, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import { objectId } from './validate';
import type { Types } from 'mongoose';

/** Relay page info, shared by every subgraph's connections. */
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE = 100;

/** Cursors are opaque to clients: base64url of the last document id. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): Types.ObjectId | null {
  if (cursor === undefined || cursor === null) return null;
  return objectId(Buffer.from(cursor, 'base64url').toString('utf8'), 'after');
}

export function pageSize(first: number | undefined | null): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
  return n;
}

/** Fetches one more than asked to know whether another page follows. */
export function toPage<T extends { id: string }>(docs: T[], size: number) {
  const nodes = docs.slice(0, size);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: docs.length > size, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
  };
}
