import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const SearchRuns = graphql(`
  query SearchRuns($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $runViewType: ViewType, $first: Int, $after: String) {
    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, runViewType: $runViewType, first: $first, after: $after) {
      edges { cursor node { runId name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

let t: TestApp;
let exp: string;
const runs: Record<string, string> = {};

async function run(
  name: string,
  startTime: number,
  data: {
    metrics?: Record<string, number | string>;
    params?: Record<string, string>;
    tags?: Record<string, string>;
  },
) {
  const id = await seedRun(t, exp, { runName: name, startTime });
  runs[name] = id;
  await t.execute(LogBatch, {
    input: {
      runId: id,
      metrics: Object.entries(data.metrics ?? {}).map(([key, v]) => ({
        key,
        values: [v],
        steps: [0],
      })),
      params: Object.entries(data.params ?? {}).map(([key, value]) => ({ key, value })),
      tags: Object.entries(data.tags ?? {}).map(([key, value]) => ({ key, value })),
    },
  });
}

async function names(filter: string | null, orderBy?: string[]): Promise<string[]> {
  const res = await t.execute(SearchRuns, { experimentIds: [exp], filter, orderBy, first: 100 });
  return res.searchRuns.edges.map((e) => e.node.name);
}

async function error(filter: string | null, orderBy?: string[]) {
  const res = await t.executeRaw(SearchRuns, { experimentIds: [exp], filter, orderBy });
  return res.errors?.[0];
}

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  await run('a', 1000, {
    metrics: { acc: 0.9, 'val loss': 0.3 },
    params: { lr: '0.01' },
    tags: { team: 'Vision' },
  });
  await run('b', 2000, { metrics: { acc: 0.4 }, params: { lr: '0.1' }, tags: { team: 'nlp' } });
  await run('c', 3000, { metrics: { acc: 'NaN' }, params: { lr: '0.01' } });
  await run('d', 4000, { params: { 'my-param': 'x' } });
});
afterAll(() => t.close());

describe('searchRuns', () => {
  it('filters by metric and param and orders by metric descending with NaN then missing last', async () => {
    expect(await names("metrics.acc > 0.5 AND params.lr = '0.01'")).toEqual(['a']);
    expect(await names(null, ['metrics.acc DESC'])).toEqual(['a', 'b', 'c', 'd']);
    expect(await names(null, ['metrics.acc ASC'])).toEqual(['b', 'a', 'c', 'd']);
  });

  it('reports a bad filter as INVALID_PARAMETER_VALUE with the character offset', async () => {
    const e = await error("metrics.acc > 0.5 OR params.lr = '0.01'");
    expect(e?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
    expect(e?.message).toContain('character 18');
  });
});
