import { readFileSync } from 'node:fs';
import { Kind, parse, type DirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
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
/** Non-null by an issue's API (a contract partners rely on), with what it costs while the subgraph is down. */
const CONTRACT: Record<string, string> = {
  // Issue 26's API: every subgraph's field on Region returns [IndicatorValue!]!. While the subgraph of one of these is down, `region` is null (victims' own fields too).
  'Region.accreditation': 'issue 26',
  'Region.prosecution': 'issue 26',
  'Region.protection': 'issue 26',
  'Region.legalAid': 'issue 26',
};

describe('fields one subgraph adds to an entity another hands out are nullable', () => {
  const argument = (directive: DirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value as { value?: unknown } | undefined;
  const supergraph = parse(readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
  const graphsOf = (type: ObjectTypeDefinitionNode, field: FieldDefinitionNode) => {
    const graphs = (field.directives ?? []).filter((d) => d.name.value === 'join__field').map((d) => String(argument(d, 'graph')?.value));
    return graphs.length > 0 ? graphs : (type.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => String(argument(d, 'graph')!.value));
  };
  const namedType = (node: TypeNode): string => (node.kind === Kind.NAMED_TYPE ? node.name.value : namedType(node.type));
  // Which subgraphs hand out each type: those with a field (root fields included) that returns it.
  const handedOutBy = new Map<string, Set<string>>();
  for (const type of supergraph.definitions) {
    if (type.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of type.fields ?? []) {
      const name = namedType(field.type);
      for (const graph of graphsOf(type, field)) handedOutBy.set(name, (handedOutBy.get(name) ?? new Set()).add(graph));
    }
  }
  const found: string[] = [];
  for (const type of supergraph.definitions) {
    if (type.kind !== Kind.OBJECT_TYPE_DEFINITION || ['Query', 'Mutation'].includes(type.name.value)) continue;
    const joins = (type.directives ?? []).filter((d) => d.name.value === 'join__type');
    const owners = joins.map((d) => String(argument(d, 'graph')!.value));
    const enterable = new Set(joins.filter((d) => argument(d, 'key') && argument(d, 'resolvable')?.value !== false).map((d) => String(argument(d, 'graph')!.value)));
    const keys = new Set(joins.flatMap((d) => String(argument(d, 'key')?.value ?? '').split(/\s+/)));
    const givers = [...(handedOutBy.get(type.name.value) ?? owners)];
    for (const field of type.fields ?? []) {
      const from = graphsOf(type, field);
      // Fetched on its own only when its subgraph is entered by key for an entity another subgraph handed out.
      const alone = from.some((g) => enterable.has(g)) && givers.some((g) => !from.includes(g));
      if (!keys.has(field.name.value) && alone) found.push(`${type.name.value}.${field.name.value} (${from.join(', ')})${field.type.kind === Kind.NON_NULL_TYPE && !CONTRACT[`${type.name.value}.${field.name.value}`] ? ' non-null' : ''}`);
    }
  }
  it.each(found.length > 0 ? found : ['(none)'])('%s', (field) => {
    expect(field).not.toMatch(/non-null$/);
  });
});
