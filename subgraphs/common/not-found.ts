import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Kind, valueFromASTUntyped, type DocumentNode } from 'graphql';
import { NOT_FOUND_ABOUT, type NotFoundAbout } from '../../platform/errors';

/**
 * A NOT_FOUND answer names the argument that held the id (`extensions.field`, as
 * BAD_USER_INPUT does): "Victim … was not found" alone does not tell a caller which of
 * `victimId` and `shelterId` to correct. Done once here for every `notFound` of every
 * subgraph, from the operation and its variables, rather than at each of its call sites.
 * A record of another jurisdiction answers exactly like a missing one, so this tells a
 * stranger nothing more.
 */
export const notFoundNamesItsArgument: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, document, request }) {
        for (const error of errors) {
          if (error.extensions?.code !== 'NOT_FOUND' || error.extensions.field || !document || !error.path) continue;
          const about = ((unwrapResolverError(error) as any)?.[NOT_FOUND_ABOUT] ?? (error as any)[NOT_FOUND_ABOUT]) as NotFoundAbout | undefined;
          if (!about) continue;
          const field = argumentHolding(document, request.variables ?? {}, String(error.path[0]), about);
          if (field) (error.extensions as Record<string, unknown>).field = field;
        }
      },
    };
  },
};

/**
 * The path of the argument of the root field answered at `responseKey` whose value (or
 * one of its input fields or list items) is the id: `victimId`, `input.shelterId`,
 * `victimIds[1]`. Of several, the one named like what was not found (`shelterId` for a
 * Shelter); null when no argument holds it.
 */
export function argumentHolding(document: DocumentNode, variables: Record<string, unknown>, responseKey: string, { what, id }: NotFoundAbout): string | null {
  const held: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || (selection.alias ?? selection.name).value !== responseKey) continue;
      for (const argument of selection.arguments ?? []) collect(valueFromASTUntyped(argument.value, variables), argument.name.value, id, held);
    }
  }
  const wanted = what.toLowerCase().replace(/[^a-z]/g, '');
  const stem = (at: string) => at.replace(/\[\d+\]$/, '').split('.').pop()!.replace(/Ids?$/, '').toLowerCase();
  return held.find((at) => stem(at) !== '' && wanted.includes(stem(at))) ?? held[0] ?? null;
}

function collect(value: unknown, at: string, id: string, held: string[]): void {
  // A number too: an ID argument given as 25 is the id "25".
  if (typeof value === 'string' || typeof value === 'number') {
    if (String(value).toUpperCase() === id.toUpperCase()) held.push(at);
  } else if (Array.isArray(value)) value.forEach((item, i) => collect(item, `${at}[${i}]`, id, held));
  else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) collect(inner, `${at}.${key}`, id, held);
}
