import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRunsQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ExperimentRunsFiltered = graphql(`
  query ExperimentRunsFiltered($experimentId: String!, $filter: String, $orderBy: [String!]) {
    experiment(experimentId: $experimentId) {
      runs(filter: $filter, orderBy: $orderBy, first: 10) { edges { node { name } } }
    }
  }
`);

const SearchExperiments = graphql(`
  query SearchExperiments($filter: String, $orderBy: [String!], $viewType: ViewType, $first: Int, $after: String) {
    searchExperiments(filter: $filter, orderBy: $orderBy, viewType: $viewType, first: $first, after: $after) {
      edges { node { name experimentId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

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

  it('orders params and tags with missing values last in both directions', async () => {
    expect(await names(null, ['params.lr ASC'])).toEqual(['c', 'a', 'b', 'd']);
    expect(await names(null, ['params.lr DESC'])).toEqual(['b', 'c', 'a', 'd']);
    expect(await names(null, ['tags.team DESC'])).toEqual(['b', 'a', 'd', 'c']);
    expect(await names(null, ['tags.team ASC'])).toEqual(['a', 'b', 'd', 'c']);
  });

  it('filters and orders by metric summaries with backquoted keys', async () => {
    expect(await names('min(metrics.`val loss`) < 0.5')).toEqual(['a']);
    expect(await names('count(metrics.acc) >= 1', ['max(metrics.acc) ASC'])).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('applies LIKE case-sensitively and ILIKE case-insensitively, and IS NULL', async () => {
    expect(await names("tags.team LIKE 'v%'")).toEqual([]);
    expect(await names("tags.team ILIKE 'v%'")).toEqual(['a']);
    expect(await names('tags.team IS NULL', ['start_time ASC'])).toEqual(['c', 'd']);
    expect(await names("params.`my-param` = 'x'")).toEqual(['d']);
  });

  it('rejects IS NULL on datasets.* identifiers, and duplicate order keys', async () => {
    expect((await error('datasets.name IS NULL'))?.extensions).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
    });
    expect((await error(null, ['metrics.acc', 'metrics.acc DESC']))?.extensions).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'orderBy[1]',
    });
  });

  it('takes filter and orderBy on Experiment.runs, keeping newest-first by default', async () => {
    const res = await t.execute(ExperimentRunsFiltered, {
      experimentId: exp,
      filter: "params.lr = '0.01'",
    });
    expect(res.experiment!.runs.edges.map((e) => e.node.name)).toEqual(['c', 'a']);
    const ordered = await t.execute(ExperimentRunsFiltered, {
      experimentId: exp,
      orderBy: ['run_name'],
    });
    expect(ordered.experiment!.runs.edges.map((e) => e.node.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('pages with keyset cursors without duplicates or gaps while runs are added', async () => {
    const pexp = await seedExperiment(t);
    const before: string[] = [];
    const addRun = async (i: number) => {
      const id = await seedRun(t, pexp, { runName: `p${i}`, startTime: 10_000 + i });
      await t.execute(LogBatch, {
        input: { runId: id, metrics: [{ key: 'acc', values: [(i * 37) % 101], steps: [0] }] },
      });
      return id;
    };
    for (let i = 0; i < 25; i++) before.push(await addRun(i));
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let extra = 100;
    for (;;) {
      const res: SearchRunsQuery = await t.execute(SearchRuns, {
        experimentIds: [pexp],
        orderBy: ['metrics.acc DESC'],
        first: 4,
        after,
      });
      seen.push(...res.searchRuns.edges.map((e) => e.node.runId));
      if (!res.searchRuns.pageInfo.hasNextPage) break;
      after = res.searchRuns.pageInfo.endCursor;
      await addRun(extra++);
      await addRun(extra++);
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
  });

  it('searches several experiments and honours the run view type', async () => {
    const other = await seedExperiment(t);
    const id = await seedRun(t, other, { runName: 'gone', startTime: 1 });
    await t.executeRaw(`mutation { deleteRun(input: { runId: "${id}" }) { __typename } }`);
    const all = await t.execute(SearchRuns, {
      experimentIds: [exp, other],
      runViewType: 'ALL',
      first: 50,
    });
    expect(all.searchRuns.edges.map((e) => e.node.name)).toEqual(['d', 'c', 'b', 'a', 'gone']);
    const deleted = await t.execute(SearchRuns, {
      experimentIds: [other],
      runViewType: 'DELETED_ONLY',
    });
    expect(deleted.searchRuns.edges.map((e) => e.node.name)).toEqual(['gone']);
    const none = await t.execute(SearchRuns, { experimentIds: [] });
    expect(none.searchRuns.edges).toEqual([]);
  });
});

describe('searchExperiments', () => {
  it('filters by name and tags, orders, and pages', async () => {
    const prefix = `sx-${Date.now()}`;
    for (const n of ['b', 'a', 'c']) {
      await t.executeRaw(
        `mutation { createExperiment(input: { name: "${prefix}-${n}", tags: [{ key: "team", value: "${n === 'c' ? 'x' : 'y'}" }] }) { __typename } }`,
      );
    }
    const byName = await t.execute(SearchExperiments, {
      filter: `name LIKE '${prefix}-%'`,
      orderBy: ['name DESC'],
      first: 2,
    });
    expect(byName.searchExperiments.edges.map((e) => e.node.name)).toEqual([
      `${prefix}-c`,
      `${prefix}-b`,
    ]);
    const next = await t.execute(SearchExperiments, {
      filter: `name LIKE '${prefix}-%'`,
      orderBy: ['name DESC'],
      first: 2,
      after: byName.searchExperiments.pageInfo.endCursor,
    });
    expect(next.searchExperiments.edges.map((e) => e.node.name)).toEqual([`${prefix}-a`]);
    const tagged = await t.execute(SearchExperiments, {
      filter: `attributes.name ILIKE '${prefix.toUpperCase()}%' AND tags.team = 'y'`,
      orderBy: ['name'],
    });
    expect(tagged.searchExperiments.edges.map((e) => e.node.name)).toEqual([
      `${prefix}-a`,
      `${prefix}-b`,
    ]);
    const bad = await t.executeRaw(SearchExperiments, { filter: 'metrics.a > 1' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'filter',
    });
  });
});
