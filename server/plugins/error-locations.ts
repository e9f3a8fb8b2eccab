import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The fields of `set` answering under `key`, through inline fragments and fragment spreads. */
function fieldsAt(
  set: SelectionSetNode,
  key: string,
  fragments: Map<string, FragmentDefinitionNode>,
  out: FieldNode[],
): FieldNode[] {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if ((s.alias ?? s.name).value === key) out.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      fieldsAt(s.selectionSet, key, fragments, out);
    } else {
      const f = fragments.get(s.name.value);
      if (f) fieldsAt(f.selectionSet, key, fragments, out);
    }
  }
  return out;
}

/**
 * The field nodes a response path points at in `document` (all of them where fields merge), as
 * graphql-js attaches them to a field error; empty when the path does not lead to a field.
 */
export function fieldNodesAt(
  document: DocumentNode,
  operationName: string | null | undefined,
  path: readonly (string | number)[],
): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (
      d.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || d.name?.value === operationName)
    ) {
      operation ??= d;
    }
  }
  if (!operation) return [];
  let sets: SelectionSetNode[] = [operation.selectionSet];
  let nodes: FieldNode[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    nodes = sets.flatMap((set) => fieldsAt(set, segment, fragments, []));
    sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  }
  return nodes;
}

/**
 * `error` with the field nodes its path names, when it has a path but no nodes: graphql-jit raises
 * field errors with plain `locations` and no `nodes`, and yoga rebuilds every error from its nodes
 * when it serialises a result, which would drop the locations graphql-js always gives.
 */
export function withFieldLocations(
  error: GraphQLError,
  document: DocumentNode,
  operationName: string | null | undefined,
): GraphQLError {
  if (error.nodes?.length || !error.path?.length) return error;
  const nodes = fieldNodesAt(document, operationName, error.path);
  if (nodes.length === 0) return error;
  return new GraphQLError(error.message, {
    nodes,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
}
