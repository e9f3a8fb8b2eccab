import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyQueries, useQueryJit } from '../../server/plugins/use-query-jit.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Contract test of the fenced executor switch (TRACKQL_GRAPHQL_JIT): queries compiled by
// graphql-jit must answer exactly as graphql-tools' executor does, data and errors alike. Both apps
// share one database; every query of the corpus runs through both and the JSON must be equal.

const root = path.resolve(import.meta.dirname, '../..');

let jit: TestApp;
let stock: TestApp;
let exp: string;
let runs: string[];

beforeAll(async () => {
  jit = await createTestApp({ config: { graphqlJit: true } });
  stock = await createTestApp({ shareDatabaseWith: jit, config: { graphqlJit: false } });
  exp = await seedExperiment(jit);
  runs = [];
  for (let i = 0; i < 4; i++) {
    const runId = await seedRun(jit, exp, {
      runName: `r${i}`,
      tags: [{ key: 'team', value: 'a' }],
    });
    await jit.execute(LogBatch, {
      input: {
        runId,
        params: [{ key: 'lr', value: i % 2 ? '0.01' : '0.1' }],
        metrics: [
          { key: 'acc', values: [0.1 * i, 0.2 * i, 'NaN'], steps: [0, 1, 2] },
          { key: 'loss', values: [1 / (i + 1), 'Infinity'] },
        ],
      },
    });
    runs.push(runId);
  }
});
afterAll(async () => {
  await stock?.close();
  await jit?.close();
});

const WHOLE_RUNS = `query($ids: [String!]!, $filter: String, $orderBy: [String!], $first: Int) {
  searchRuns(experimentIds: $ids, filter: $filter, orderBy: $orderBy, first: $first) {
    edges { cursor node {
      runId experimentId name userId status startTime endTime lifecycleStage artifactUri
      params { key value } tags { key value } latestMetrics { key value step timestamp }
    } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** The corpus: [name, query, variables]; variables are built once the data is seeded. */
function corpus(): [string, string, () => Record<string, unknown>][] {
  return [
    [
      'whole runs, filtered and ordered',
      WHOLE_RUNS,
      () => ({
        ids: [exp],
        filter: "metrics.acc > 0.05 AND params.lr = '0.01'",
        orderBy: ['metrics.acc DESC'],
      }),
    ],
    ['whole runs, paged', WHOLE_RUNS, () => ({ ids: [exp], first: 2 })],
    [
      'bad filter (an error with its position)',
      WHOLE_RUNS,
      () => ({ ids: [exp], filter: 'metrics.acc >> 1' }),
    ],
    ['bad experiment id', WHOLE_RUNS, () => ({ ids: ['not-a-number'] })],
    ['page size over the limit', WHOLE_RUNS, () => ({ ids: [exp], first: 100000 })],
    [
      'one run with history, series and summaries',
      `query($id: String!) {
      run(runId: $id) { __typename id runId name
        metricHistory(key: "acc", first: 2) { edges { node { step value timestamp } } pageInfo { hasNextPage } }
        metricSeries(key: "loss") { steps values timestamps }
        metricSummaries { key count min max last { step value } }
        experiment { name lifecycleStage tags { key value } }
        children { runId }
      } }`,
      () => ({ id: runs[1] }),
    ],
    [
      'missing run and experiment (nulls)',
      `query {
      run(runId: "00000000000000000000000000000000") { runId }
      experiment(experimentId: "999999999") { name }
      experimentByName(name: "no such experiment") { name } }`,
      () => ({}),
    ],
    [
      'aliases, fragments, directives',
      `query($id: String!, $exp: String!, $skip: Boolean!, $inc: Boolean!) {
      a: run(runId: $id) { ...R }
      b: run(runId: $id) { runId @skip(if: $skip) name @include(if: $inc) }
      e: experiment(experimentId: $exp) { ... on Experiment { experimentId } }
    }
    fragment R on Run { runId status params { key } }`,
      () => ({ id: runs[0], exp, skip: true, inc: false }),
    ],
    [
      'a field error below a list item, inside a fragment',
      `query($ids: [String!]!) { searchRuns(experimentIds: $ids, first: 2) { edges { node { ...H } } } }
      fragment H on Run { runId h: metricHistory(key: "acc", first: -5) { edges { node { step } } } }`,
      () => ({ ids: [exp] }),
    ],
    [
      'node interface and nodes',
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Run { runId } } }`,
      () => ({ ids: ['not-a-global-id'] }),
    ],
    [
      'buckets over many runs',
      `query($ids: [String!]!) {
      metricBuckets(runIds: $ids, key: "acc", buckets: 3) { __typename } }`,
      () => ({ ids: runs }),
    ],
    [
      'experiments connection',
      `{ experiments(first: 5) { edges { node { name } } pageInfo { hasNextPage } } }`,
      () => ({}),
    ],
    [
      'search experiments with a bad order',
      `{ searchExperiments(orderBy: ["nope DESC"]) { edges { node { name } } } }`,
      () => ({}),
    ],
    [
      'introspection of a type',
      `{ __type(name: "Run") { name fields { name type { name kind } } } }`,
      () => ({}),
    ],
  ];
}

describe('graphql-jit (TRACKQL_GRAPHQL_JIT) answers as the stock executor', () => {
  it('is pinned: @envelop/graphql-jit exact, and the graphql-jit it brings is 0.8.7', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['@envelop/graphql-jit']).toBe('11.2.1');
    const installed = JSON.parse(
      readFileSync(path.join(root, 'node_modules/graphql-jit/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe('0.8.7');
  });

  it('compiles queries only: mutations and subscriptions keep the stock paths', async () => {
    const { parse } = await import('graphql');
    expect(onlyQueries(parse('{ a } query B { b }'))).toBe(true);
    expect(onlyQueries(parse('{ a } mutation M { b }'))).toBe(false);
    expect(onlyQueries(parse('subscription S { a }'))).toBe(false);
  });

  it('is really in use: the plugin swaps the executor for queries, not for mutations', async () => {
    // equal answers alone would also pass with the switch doing nothing
    const { parse } = await import('graphql');
    const onExecute = useQueryJit().onExecute;
    if (!onExecute) throw new Error('useQueryJit has no onExecute hook');
    const swapped = (source: string) => {
      let set = false;
      const payload = {
        args: { document: parse(source), schema: jit.app.yoga.getEnveloped().schema },
        setExecuteFn: () => {
          set = true;
        },
      } as unknown as Parameters<typeof onExecute>[0];
      onExecute(payload);
      return set;
    };
    expect(swapped('{ viewer { username } }')).toBe(true);
    expect(swapped('mutation { deleteRun(input: { runId: "x" }) { __typename } }')).toBe(false);
  });

  for (const [name, query, vars] of corpus()) {
    it(name, async () => {
      const [a, b] = await Promise.all([
        jit.executeRaw(query, vars()),
        stock.executeRaw(query, vars()),
      ]);
      expect(a).toEqual(b);
      expect(a.data ?? a.errors).toBeTruthy();
    });
  }
});
