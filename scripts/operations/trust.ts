import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Supergraph } from '@apollo/federation-internals';
import {
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { documentId, MANIFEST_FORMAT, TRUSTED_DOCUMENTS_DIR, type ManifestOperation, type PersistedQueryManifest } from '../../gateway/trusted-documents';
import { requestLimits } from '../../platform/limits';
import { SCHEMA_DIR } from '../../platform/paths';

// `npm run --silent trust -- <client> <operations.graphql> [--out-dir dir] [--supergraph file]`
// registers a partner client's operations: every operation named, each valid against the
// gateway's API schema (the supergraph without @inaccessible fields) and within the
// gateway's request limits, written to schema/trusted-documents/<client>.json in Apollo's
// persisted query manifest format. Anything invalid: exit 1 naming it; nothing written.

export class TrustError extends Error {
  override name = 'TrustError';
}

/** The schema clients see at the gateway: the supergraph's API schema. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The fragments an operation uses, transitively, in the order the file defines them. */
function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Set<string>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        const fragment = fragments.get(name);
        if (!used.has(name) && fragment) {
          used.add(name);
          pending.push(fragment);
        }
      },
    });
  }
  return [...fragments.values()].filter((f) => used.has(f.name.value));
}

/**
 * The manifest of an operations file: one entry per operation, its body the printed
 * operation and the fragments it uses. Throws a TrustError naming every problem.
 */
export function buildManifest(source: string, schema: GraphQLSchema, file = 'operations'): PersistedQueryManifest {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    throw new TrustError(`${file}: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      if (fragments.has(definition.name.value)) problems.push(`fragment ${definition.name.value}: defined twice`);
      fragments.set(definition.name.value, definition);
    } else problems.push(`${file}: only operations and fragments may be registered, not ${definition.kind}`);
  }
  if (operations.length === 0) problems.push(`${file}: no operation`);
  const names = new Set<string>();
  for (const operation of operations) {
    const name = operation.name?.value;
    if (!name) {
      problems.push(`${file}: every operation must be named (an anonymous ${operation.operation} at line ${operation.loc?.startToken.line ?? '?'})`);
      continue;
    }
    if (names.has(name)) problems.push(`operation ${name}: defined twice`);
    names.add(name);
  }
  if (problems.length > 0) throw new TrustError(problems.join('\n'));

  const limits = requestLimits({ verified: () => true });
  const entries: ManifestOperation[] = [];
  for (const operation of operations) {
    const name = operation.name!.value;
    const own: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsedBy(operation, fragments)] };
    const errors = validate(schema, own, [...specifiedRules, ...limits.validationRules]);
    if (errors.length > 0) {
      problems.push(...errors.map((e) => `operation ${name}: ${e.message}`));
      continue;
    }
    const body = print(own);
    entries.push({ id: documentId(body), name, type: operation.operation, body });
  }
  if (problems.length > 0) throw new TrustError(problems.join('\n'));
  return { format: MANIFEST_FORMAT, version: 1, operations: entries };
}

export function manifestJson(manifest: PersistedQueryManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

const CLIENT_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'out-dir': { type: 'string' }, supergraph: { type: 'string' } },
  });
  const [client, operationsFile] = positionals;
  if (positionals.length !== 2 || !client || !operationsFile) throw new TrustError('usage: npm run --silent trust -- <client> <operations.graphql> [--out-dir dir] [--supergraph file]');
  if (!CLIENT_NAME.test(client)) throw new TrustError(`client "${client}" must be letters, digits, '.', '_' or '-' (it names the manifest file)`);
  const outDir = values['out-dir'] ?? TRUSTED_DOCUMENTS_DIR;
  const schema = apiSchemaOf(readFileSync(values.supergraph ?? path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));
  const manifest = buildManifest(readFileSync(operationsFile, 'utf8'), schema, operationsFile);

  mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, `${client}.json`);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, manifestJson(manifest));
  renameSync(temporary, target);
  console.log(`wrote ${path.relative(process.cwd(), target) || target}: ${manifest.operations.length} operation(s) for ${client}`);
  for (const op of manifest.operations) console.log(`  ${op.type} ${op.name} ${op.id}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof TrustError ? `not trusted, nothing written:\n${error.message}` : error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
