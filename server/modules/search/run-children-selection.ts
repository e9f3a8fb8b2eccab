import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { RunChildKind } from './run-children.sql.ts';

const CHILD_FIELDS: Record<string, RunChildKind> = {
  params: 'params',
  tags: 'tags',
  latestMetrics: 'metrics',
  metricSummaries: 'metrics',
};

/** The fields selected by `set` under the field path `path` (fragments followed). */
function fieldsAt(
  info: GraphQLResolveInfo,
  sets: readonly SelectionSetNode[],
  path: readonly string[],
): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode, depth: number): void => {
    for (const sel of set.selections) {
      if (sel.kind === 'InlineFragment') walk(sel.selectionSet, depth);
      else if (sel.kind === 'FragmentSpread') {
        const fragment = info.fragments[sel.name.value];
        if (fragment) walk(fragment.selectionSet, depth);
      } else if (depth === path.length) out.add(sel.name.value);
      else if (sel.name.value === path[depth] && sel.selectionSet)
        walk(sel.selectionSet, depth + 1);
    }
  };
  for (const set of sets) walk(set, 0);
  return out;
}

/**
 * The run children a connection field's query reads on its runs (`edges.node.params`, `tags`,
 * `latestMetrics`, `metricSummaries`), so the search can read them with its page.
 *
 * @remarks Directives (`@include`, `@skip`) are not evaluated: a skipped field is read anyway,
 * which costs rows, not correctness.
 */
export function selectedRunChildren(info: GraphQLResolveInfo): RunChildKind[] {
  const sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  const kinds = new Set<RunChildKind>();
  for (const name of fieldsAt(info, sets, ['edges', 'node'])) {
    const kind = CHILD_FIELDS[name];
    if (kind) kinds.add(kind);
  }
  return [...kinds];
}
