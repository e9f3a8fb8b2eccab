import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Whether an operation's per-event results may be shared, and if not, the first field to blame. */
export type SharingPlan = { shared: true } | { shared: false; reason: string };

const plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, SharingPlan>>>();

/**
 * Decides once per (schema, document, operation name) whether a subscription's per-event results
 * may be shared: every field it selects must be marked `PAYLOAD_ONLY` (shared/payload-only.ts;
 * `__typename` needs no mark). On an abstract type, the field must be marked on every possible
 * object type.
 */
export function sharingPlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): SharingPlan {
  let byDoc = plans.get(schema);
  if (!byDoc) {
    byDoc = new WeakMap();
    plans.set(schema, byDoc);
  }
  let byName = byDoc.get(document);
  if (!byName) {
    byName = new Map();
    byDoc.set(document, byName);
  }
  const name = operationName ?? '';
  let plan = byName.get(name);
  if (!plan) {
    plan = makePlan(schema, document, operationName ?? null);
    byName.set(name, plan);
  }
  return plan;
}

function makePlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null,
): SharingPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | null = null;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) {
      if (operationName === null ? operation === null : def.name?.value === operationName) {
        operation = def;
      }
    }
  }
  const root = schema.getSubscriptionType();
  if (operation?.operation !== 'subscription' || !root) {
    return { shared: false, reason: 'not a subscription operation' };
  }
  const blame = unmarked(schema, root, operation.selectionSet, fragments, new Set());
  return blame === null
    ? { shared: true }
    : { shared: false, reason: `${blame} is not payload-only` };
}

/** The first selected field (as `Type.field`) not marked payload-only, or null. */
function unmarked(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): string | null {
  for (const sel of selectionSet.selections) {
    let blame: string | null = null;
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__typename') continue;
      const objects = type instanceof GraphQLObjectType ? [type] : schema.getPossibleTypes(type);
      for (const object of objects) {
        const field = object.getFields()[sel.name.value];
        if (!field) continue;
        if (field.extensions.payloadOnly !== true) return `${object.name}.${field.name}`;
        const inner = getNamedType(field.type);
        if (sel.selectionSet && isCompositeType(inner)) {
          blame = unmarked(schema, inner, sel.selectionSet, fragments, seen);
          if (blame) return blame;
        }
      }
    } else {
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : fragments.get(sel.name.value);
      if (!fragment) return `fragment ${sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : ''}`;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(sel.name.value)) continue;
        seen.add(sel.name.value);
      }
      const cond = fragment.typeCondition
        ? schema.getType(fragment.typeCondition.name.value)
        : type;
      if (!cond || !isCompositeType(cond)) return `fragment on ${String(cond)}`;
      blame = unmarked(schema, cond, fragment.selectionSet, fragments, seen);
      if (blame) return blame;
    }
  }
  return null;
}

/** Thrown when a payload-only field reads the context of a shared execution. */
export class ContextReadInSharedExecution extends Error {
  constructor(property: string) {
    super(
      `A field marked payload-only read the context (${property}) while its result is shared by every subscriber; remove its PAYLOAD_ONLY mark`,
    );
    this.name = 'ContextReadInSharedExecution';
  }
}

function refuse(property: string | symbol): never {
  throw new ContextReadInSharedExecution(String(property));
}

/** Pothos's per-request cache slot (`initContextCache`), kept by its plugins, not by fields. */
const POTHOS_CACHE = Symbol.for('Pothos.contextCache');

/**
 * A context for one subscription's shared executions: reading, writing or testing any property
 * but Pothos's own cache slot throws {@link ContextReadInSharedExecution}, which lands as a GraphQL
 * error on the offending field's path, so a wrongly marked field never resolves from one
 * subscriber's context for everyone.
 *
 * @remarks One per subscription, not one per process: Pothos plugins cache per context (the
 * complexity plugin caches an operation's complexity by context alone).
 */
export function sharedContext(): object {
  const target = Object.freeze({ [POTHOS_CACHE]: {} });
  return new Proxy(target, {
    get: (t, p) => (p === POTHOS_CACHE ? t[POTHOS_CACHE] : refuse(p)),
    has: (_, p) => p === POTHOS_CACHE || refuse(p),
    set: (_, p) => refuse(p),
    ownKeys: () => refuse('ownKeys'),
    getOwnPropertyDescriptor: (_, p) => refuse(p),
  });
}
