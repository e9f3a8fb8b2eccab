import {
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  getNamedType,
  isObjectType,
  parse,
} from 'graphql';
import { createPubSub, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import {
  ContextReadInSharedExecution,
  sharedContext,
  sharingPlan,
} from '../../server/modules/subscriptions/payload-only.ts';
import { useSharedEventExecution } from '../../server/modules/subscriptions/shared-execution.ts';
import { schema as appSchema } from '../../server/schema.ts';
import { PAYLOAD_ONLY } from '../../server/shared/payload-only.ts';
import { sseSubscribe } from '../helpers/streams.ts';

describe('payload-only marks on the real schema', () => {
  it('cover every field reachable from Subscription, so every live stream is shared', () => {
    const unmarked: string[] = [];
    const seen = new Set<string>();
    const visit = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        if (field.extensions.payloadOnly !== true) unmarked.push(`${type.name}.${field.name}`);
        const inner = getNamedType(field.type);
        if (isObjectType(inner)) visit(inner);
      }
    };
    visit(appSchema.getSubscriptionType()!);
    expect(seen.size).toBeGreaterThan(5);
    expect(unmarked).toEqual([]);
  });
});

/** A schema with one payload-only field (`n`) and one that reads the context (`viewer`). */
function tinySchema(opts: { markViewer: boolean; calls: { n: number } }) {
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: {
        type: new GraphQLNonNull(GraphQLInt),
        extensions: PAYLOAD_ONLY,
        resolve: (e: { n: number }) => {
          opts.calls.n++;
          return e.n;
        },
      },
      viewer: {
        type: GraphQLString,
        extensions: opts.markViewer ? PAYLOAD_ONLY : {},
        resolve: (_e, _a, ctx: { viewer?: string }) => ctx.viewer,
      },
    },
  });
  const Other = new GraphQLObjectType({
    name: 'Other',
    fields: { m: { type: GraphQLInt } },
  });
  const pubsub = createPubSub<{ tick: [{ n: number }] }>();
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: new GraphQLNonNull(Tick),
          extensions: PAYLOAD_ONLY,
          subscribe: () => pubsub.subscribe('tick'),
          resolve: (e: { n: number }) => e,
        },
        either: {
          type: new GraphQLUnionType({ name: 'Either', types: [Tick, Other] }),
          extensions: PAYLOAD_ONLY,
          resolve: () => null,
        },
      },
    }),
  });
  return { schema, pubsub };
}

describe('sharingPlan', () => {
  const { schema } = tinySchema({ markViewer: false, calls: { n: 0 } });
  const plan = (q: string) => sharingPlan(schema, parse(q));

  it('shares an operation whose every field is payload-only, through fragments too', () => {
    expect(plan('subscription { tick { n __typename } }')).toEqual({ shared: true });
    expect(plan('subscription { tick { ...F } } fragment F on Tick { n }')).toEqual({
      shared: true,
    });
  });

  it('does not share an operation selecting an unmarked field, and names it', () => {
    expect(plan('subscription { tick { n viewer } }')).toEqual({
      shared: false,
      reason: 'Tick.viewer is not payload-only',
    });
    expect(plan('subscription { tick { ... on Tick { viewer } } }').shared).toBe(false);
    expect(plan('subscription { tick { ...F } } fragment F on Tick { viewer }').shared).toBe(false);
    expect(plan('subscription { either { ... on Other { m } } }')).toEqual({
      shared: false,
      reason: 'Other.m is not payload-only',
    });
    expect(plan('query { ok }').shared).toBe(false);
  });
});

describe('the guarded context of shared executions', () => {
  it("throws on any read but Pothos's cache slot", () => {
    const ctx = sharedContext() as Record<string | symbol, unknown>;
    expect(() => ctx.services).toThrow(ContextReadInSharedExecution);
    expect(() => 'viewer' in ctx).toThrow(ContextReadInSharedExecution);
    expect(ctx[Symbol.for('Pothos.contextCache')]).toEqual({});
  });
});

/** Two SSE subscribers with their own contexts (viewer 'a' and 'b') on a yoga with sharing on. */
async function twoSubscribers(query: string, markViewer: boolean) {
  const calls = { n: 0 };
  const { schema, pubsub } = tinySchema({ markViewer, calls });
  const yoga = createYoga<Record<string, unknown>, { viewer: string }>({
    schema,
    context: ({ request }) => ({ viewer: request.headers.get('x-viewer') ?? '' }),
    plugins: [useSharedEventExecution()],
    logging: false,
  });
  const doc = parse(query);
  const streams = ['a', 'b'].map((viewer) =>
    sseSubscribe(
      (url, init) => yoga.fetch(url, { ...init, headers: { ...init.headers, 'x-viewer': viewer } }),
      'http://yoga/graphql',
      doc,
      {},
    ),
  );
  await Promise.all(streams.map((s) => s.ready));
  // the SSE response starts before the source stream subscribes: publish until both got one
  const firsts = streams.map((s) => s.next());
  let n = 0;
  const published = setInterval(() => pubsub.publish('tick', { n: n++ }), 5);
  await Promise.all(firsts);
  clearInterval(published);
  calls.n = 0;
  pubsub.publish('tick', { n: 100 });
  const results = [];
  for (const s of streams) {
    let r = await s.next();
    while ((r.data as { tick: { n: number } } | null)?.tick.n !== 100) r = await s.next();
    results.push(r);
  }
  await Promise.all(streams.map((s) => s.close()));
  return { calls: calls.n, results };
}

describe('shared execution through yoga', () => {
  it('executes a payload-only operation once per event for every subscriber', async () => {
    const { calls, results } = await twoSubscribers('subscription { tick { n } }', false);
    expect(results.map((r) => r.data)).toEqual([{ tick: { n: 100 } }, { tick: { n: 100 } }]);
    expect(calls).toBe(1);
  });

  it('executes an operation selecting a context-reading field per subscriber, each with its own context', async () => {
    const { calls, results } = await twoSubscribers('subscription { tick { n viewer } }', false);
    expect(results.map((r) => r.data)).toEqual([
      { tick: { n: 100, viewer: 'a' } },
      { tick: { n: 100, viewer: 'b' } },
    ]);
    expect(calls).toBe(2);
  });

  it('fails a wrongly marked field that reads the context instead of sharing one viewer', async () => {
    const { results } = await twoSubscribers('subscription { tick { n viewer } }', true);
    for (const r of results) {
      expect(r.data).toEqual({ tick: { n: 100, viewer: null } });
      expect(r.errors?.[0]?.message).toMatch(/payload-only|Unexpected error/);
    }
  });
});
