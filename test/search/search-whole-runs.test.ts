import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchWholeRunsQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// children through a named fragment, an inline fragment and an alias
graphql(`
  fragment WholeRunChildren on Run {
    params { key value }
    ... on Run { tags { key value } }
    latest: latestMetrics { key value step timestamp }
  }
`);

const SearchWholeRuns = graphql(`
  query SearchWholeRuns($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int, $after: String) {
    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges { node { runId name ...WholeRunChildren metricSummaries { key count min max first { value step } last { value step timestamp } lastSeq } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RunChildren = graphql(`
  query RunChildrenOne($runId: String!) {
    run(runId: $runId) {
      runId
      name
      params { key value }
      tags { key value }
      latestMetrics { key value step timestamp }
      metricSummaries { key count min max first { value step } last { value step timestamp } lastSeq }
    }
  }
`);

let t: TestApp;
let exp: string;

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  for (let i = 0; i < 6; i++) {
    const runId = await seedRun(t, exp, { runName: `r${i}`, startTime: 1000 + i });
    // r5 has no params and no metrics: its lists come back empty, not missing
    if (i === 5) continue;
    await t.execute(LogBatch, {
      input: {
        runId,
        params: [
          { key: 'lr', value: i % 2 ? '0.01' : '0.1' },
          { key: 'Batch', value: `${i}` },
          { key: 'a.b', value: 'x' },
        ],
        tags: [{ key: 'team', value: `t${i}` }],
        metrics: [
          { key: 'acc', values: [i / 10, i / 10 + 0.01], steps: [1, 7] },
          { key: 'loss', values: [1 - i / 10], steps: [3] },
          { key: 'Zeta', values: ['NaN'], steps: [0] },
        ],
      },
    });
  }
});
afterAll(() => t.close());

describe('searchRuns with whole runs', () => {
  it('returns the params, tags and metrics the per-run reads return, for every run of every page', async () => {
    for (const filter of [null, "params.lr = '0.01'", 'metrics.acc > 0.15']) {
      let after: string | null = null;
      let seen = 0;
      do {
        const res: SearchWholeRunsQuery = await t.execute(SearchWholeRuns, {
          experimentIds: [exp],
          filter,
          orderBy: ['metrics.acc DESC'],
          first: 2,
          after,
        });
        for (const { node } of res.searchRuns.edges) {
          const one = (await t.execute(RunChildren, { runId: node.runId })).run!;
          expect(node).toEqual({
            runId: one.runId,
            name: one.name,
            params: one.params,
            tags: one.tags,
            latest: one.latestMetrics,
            metricSummaries: one.metricSummaries,
          });
          seen++;
        }
        after = res.searchRuns.pageInfo.hasNextPage ? res.searchRuns.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toBe(filter === null ? 6 : filter.startsWith('params') ? 2 : 3);
    }
    const empty = await t.execute(SearchWholeRuns, {
      experimentIds: [exp],
      filter: "attributes.run_name = 'r5'",
      first: 10,
    });
    expect(empty.searchRuns.edges[0]!.node).toMatchObject({ params: [], latest: [] });
  });
});
