import { readFileSync } from 'node:fs';
import { Kind, parse, type DirectiveNode } from 'graphql';
import path from 'node:path';
import { composeSupergraph } from './compose';
import { ROOT } from '../../platform/paths';

describe('committed schema', () => {
  it('matches what the code composes, and so do docs/access.md and the index of the decisions (run `npm run compose` after changing a type, its access or a decision)', async () => {
    const files = await composeSupergraph();
    for (const [name, content] of Object.entries(files)) {
      expect({ name, content: readFileSync(path.join(ROOT, name), 'utf8') }).toEqual({ name, content });
    }
  });
});

/**
 * A subgraph down nulls only its own fields (issue 25, decision 100): a field one
 * subgraph adds to an entity another subgraph hands out must be nullable, or its
 * subgraph's absence nulls the whole entity — and with it every other subgraph's fields
 * of it (`me` losing its role because shelters is down). Read from the committed
 * supergraph, so a new subgraph's field is held to it too.
 */
describe('fields one subgraph adds to an entity another hands out are nullable', () => {
  const argument = (directive: DirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value as { value?: unknown } | undefined;
  const supergraph = parse(readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
  const found: string[] = [];
  for (const type of supergraph.definitions) {
    if (type.kind !== Kind.OBJECT_TYPE_DEFINITION || ['Query', 'Mutation'].includes(type.name.value)) continue;
    const joins = (type.directives ?? []).filter((d) => d.name.value === 'join__type');
    const owners = joins.map((d) => String(argument(d, 'graph')!.value));
    const enterable = new Set(joins.filter((d) => argument(d, 'key') && argument(d, 'resolvable')?.value !== false).map((d) => String(argument(d, 'graph')!.value)));
    const keys = new Set(joins.flatMap((d) => String(argument(d, 'key')?.value ?? '').split(/\s+/)));
    for (const field of type.fields ?? []) {
      const graphs = (field.directives ?? []).filter((d) => d.name.value === 'join__field').map((d) => String(argument(d, 'graph')?.value));
      const from = graphs.length > 0 ? graphs : owners;
      // Fetched on its own only when its subgraph is entered by key for an entity another subgraph handed out.
      const alone = from.some((g) => enterable.has(g)) && owners.some((g) => !from.includes(g));
      if (!keys.has(field.name.value) && alone) found.push(`${type.name.value}.${field.name.value} (${from.join(', ')})${field.type.kind === Kind.NON_NULL_TYPE ? ' non-null' : ''}`);
    }
  }
  it.each(found.length > 0 ? found : ['(none)'])('%s', (field) => {
    expect(field).not.toMatch(/non-null$/);
  });
});
