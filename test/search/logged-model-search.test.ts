import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LoggedModelDatasetInput,
  LoggedModelOrderInput,
  SearchLoggedModelsQuery,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { DeleteLoggedModel, FinalizeLoggedModel } from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const SearchLoggedModels = graphql(`
  query SearchLoggedModels($experimentIds: [String!]!, $filter: String, $datasets: [LoggedModelDatasetInput!], $orderBy: [LoggedModelOrderInput!], $first: Int, $after: String) {
    searchLoggedModels(experimentIds: $experimentIds, filter: $filter, datasets: $datasets, orderBy: $orderBy, first: $first, after: $after) {
      edges { cursor node { modelId name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const ExperimentModels = graphql(`
  query ExperimentModels($experimentId: String!, $filter: String) {
    experiment(experimentId: $experimentId) {
      loggedModels(filter: $filter, first: 10) { edges { node { name } } }
    }
  }
`);

let t: TestApp;
let exp: string;
let run: string;
const ids: Record<string, string> = {};

type Point = [key: string, value: number, timestamp: number, dataset?: [string, string]];

async function model(
  name: string,
  extra: {
    modelType?: string;
    params?: Record<string, string>;
    tags?: Record<string, string>;
    metrics?: Point[];
  } = {},
): Promise<string> {
  await new Promise((r) => setTimeout(r, 3)); // distinct creation times
  const id = await seedModel(t, exp, {
    name,
    modelType: extra.modelType,
    sourceRunId: run,
    params: Object.entries(extra.params ?? {}).map(([key, value]) => ({ key, value })),
    tags: Object.entries(extra.tags ?? {}).map(([key, value]) => ({ key, value })),
  });
  ids[name] = id;
  for (const [key, value, timestamp, ds] of extra.metrics ?? []) {
    const res = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [
          {
            key,
            values: [value],
            timestamps: [timestamp],
            modelId: id,
            datasetName: ds?.[0],
            datasetDigest: ds?.[1],
          },
        ],
      },
    });
    if (res.logBatch.__typename !== 'BatchAck') throw new Error(JSON.stringify(res.logBatch));
  }
  const page = await t.execute(SearchLoggedModels, {
    experimentIds: [exp],
    filter: `model_id = '${id}'`,
    orderBy: [{ fieldName: 'creation_timestamp_ms' }],
  });
  expect(page.searchLoggedModels.edges).toHaveLength(1);
  return id;
}

async function names(
  filter: string | null,
  opts: { datasets?: LoggedModelDatasetInput[]; orderBy?: LoggedModelOrderInput[] } = {},
): Promise<string[]> {
  const res = await t.execute(SearchLoggedModels, { experimentIds: [exp], filter, ...opts });
  return res.searchLoggedModels.edges.map((e) => e.node.name);
}

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  run = await seedRun(t, exp);
  await model('alpha', {
    modelType: 'agent',
    params: { depth: '4' },
    tags: { release: 'v1.0' },
    metrics: [
      ['rmse', 0.9, 1000, ['eval', 'd1']],
      ['rmse', 0.3, 2000, ['train', 'd2']],
    ],
  });
  await model('beta', {
    modelType: 'classifier',
    params: { depth: '8' },
    tags: { release: 'v1.1' },
    metrics: [['rmse', 0.5, 1500, ['eval', 'd1']]],
  });
  await model('gamma', { tags: { release: 'v2.0', 'my.key': 'x' } });
  await t.execute(FinalizeLoggedModel, { input: { modelId: ids.gamma!, status: 'READY' } });
  await model('delta', { metrics: [['rmse', 0.1, 1000]] });
  await t.execute(DeleteLoggedModel, { input: { modelId: ids.delta! } });
  await model('eps', { metrics: [['acc', 0.7, 1000, ['eval', 'd9']]] });
});
afterAll(() => t.close());

describe('searchLoggedModels: attributes', () => {
  it('returns active models newest first by default, never deleted ones', async () => {
    expect(await names(null)).toEqual(['eps', 'gamma', 'beta', 'alpha']);
    const viaExperiment = await t.execute(ExperimentModels, { experimentId: exp });
    expect(viaExperiment.experiment?.loggedModels.edges.map((e) => e.node.name)).toEqual([
      'eps',
      'gamma',
      'beta',
      'alpha',
    ]);
  });

  it.each([
    ["name = 'beta'", ['beta']],
    ["name != 'beta'", ['eps', 'gamma', 'alpha']],
    ["name LIKE 'a%'", ['alpha']],
    ["name LIKE 'A%'", []],
    ["attributes.name ILIKE 'A%'", ['alpha']],
    ["name IN ('alpha', 'gamma')", ['gamma', 'alpha']],
    ["name NOT IN ('alpha', 'gamma')", ['eps', 'beta']],
    ["`name` = 'eps'", ['eps']],
    ["model_type = 'agent'", ['alpha']],
    ["attributes.model_type != 'agent'", ['beta']],
    ["status = 'READY'", ['gamma']],
    ["status = 'LOGGED_MODEL_READY'", ['gamma']],
    ["status = '2'", ['gamma']],
    ["status != 'PENDING'", ['gamma']],
    ["status IN ('PENDING')", ['eps', 'beta', 'alpha']],
    ["lifecycle_stage = 'deleted'", []],
    ["artifact_location LIKE '%/models/%'", ['eps', 'gamma', 'beta', 'alpha']],
    ["status_message = 'x'", []],
  ])('filters %s', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it('filters by ids, source run, experiment and the timestamp attributes with their aliases', async () => {
    expect(await names(`model_id = '${ids.beta}'`)).toEqual(['beta']);
    expect(await names(`source_run_id = '${run}' AND name = 'eps'`)).toEqual(['eps']);
    expect(await names(`experiment_id = '${exp}' AND name = 'alpha'`)).toEqual(['alpha']);
    const all = await t.execute(SearchLoggedModels, {
      experimentIds: [exp],
      orderBy: [{ fieldName: 'creation_time', ascending: true }],
      filter: null,
    });
    expect(all.searchLoggedModels.edges.map((e) => e.node.name)).toEqual([
      'alpha',
      'beta',
      'gamma',
      'eps',
    ]);
    const gammaTime = await createdAt('gamma');
    expect(await names(`creation_time > ${gammaTime}`)).toEqual(['eps']);
    expect(await names(`creation_timestamp >= ${gammaTime}`)).toEqual(['eps', 'gamma']);
    expect(await names(`attributes.creation_timestamp_ms <= ${gammaTime}`)).toEqual([
      'gamma',
      'beta',
      'alpha',
    ]);
    expect(await names(`last_updated_timestamp > ${gammaTime}`)).toEqual(['eps', 'gamma']);
    expect(await names(`last_updated_timestamp_ms = ${gammaTime}`)).toEqual([]);
  });
});

async function createdAt(name: string): Promise<number> {
  const res = await t.executeRaw<{ loggedModel: { creationTimestamp: number } }, undefined>(
    `{ loggedModel(modelId: "${ids[name]}") { creationTimestamp } }`,
  );
  return res.data!.loggedModel.creationTimestamp;
}

describe('searchLoggedModels: params, tags, metrics', () => {
  it.each([
    ["params.depth = '8'", ['beta']],
    ["params.depth != '8'", ['alpha']],
    ["params.depth NOT IN ('4')", ['beta']],
    ["tags.release IN ('v1.0', 'v1.1')", ['beta', 'alpha']],
    ["tags.release LIKE 'v1%'", ['beta', 'alpha']],
    ["tags.`my.key` = 'x'", ['gamma']],
    ['metrics.rmse > 0.8', ['alpha']],
    ['metrics.rmse < 0.4', ['alpha']],
    ['metrics.rmse = 0.5', ['beta']],
    ['metrics.rmse != 0.9', ['beta', 'alpha']],
    ['metrics.rmse >= 0.5', ['beta', 'alpha']],
    ['metrics.rmse <= 0.1', []],
    ["metrics.rmse > 0.4 AND params.depth = '8'", ['beta']],
    ["metrics.rmse > 0.4 AND params.depth = '8' AND tags.release = 'v1.0'", []],
  ])('filters %s (metrics: any row, not the latest)', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it('scopes metric clauses to the datasets (any of them; an absent digest means any digest)', async () => {
    expect(await names('metrics.rmse < 0.4', { datasets: [{ datasetName: 'eval' }] })).toEqual([]);
    expect(
      await names('metrics.rmse < 0.4', {
        datasets: [{ datasetName: 'eval' }, { datasetName: 'train', datasetDigest: 'd2' }],
      }),
    ).toEqual(['alpha']);
    expect(
      await names('metrics.rmse > 0.4', {
        datasets: [{ datasetName: 'eval', datasetDigest: 'd1' }],
      }),
    ).toEqual(['beta', 'alpha']);
    expect(
      await names('metrics.rmse > 0.4', {
        datasets: [{ datasetName: 'eval', datasetDigest: 'zz' }],
      }),
    ).toEqual([]);
  });

  it('with datasets and no metric clause keeps models with a metric row on one of them', async () => {
    expect(await names(null, { datasets: [{ datasetName: 'train' }] })).toEqual(['alpha']);
    expect(await names(null, { datasets: [{ datasetName: 'eval' }] })).toEqual([
      'eps',
      'beta',
      'alpha',
    ]);
    expect(await names("name != 'x'", { datasets: [{ datasetName: 'none' }] })).toEqual([]);
  });
});

describe('searchLoggedModels: order', () => {
  it('orders by a metric’s latest row, missing values last in both directions', async () => {
    expect(await names(null, { orderBy: [{ fieldName: 'metrics.rmse' }] })).toEqual([
      'alpha',
      'beta',
      'eps',
      'gamma',
    ]);
    expect(
      await names(null, { orderBy: [{ fieldName: 'metrics.rmse', ascending: false }] }),
    ).toEqual(['beta', 'alpha', 'eps', 'gamma']);
  });

  it('orders by the latest row on the entry’s dataset', async () => {
    expect(
      await names(null, { orderBy: [{ fieldName: 'metrics.rmse', datasetName: 'eval' }] }),
    ).toEqual(['beta', 'alpha', 'eps', 'gamma']);
    expect(
      await names(null, {
        orderBy: [{ fieldName: 'metrics.rmse', datasetName: 'train', datasetDigest: 'd2' }],
      }),
    ).toEqual(['alpha', 'eps', 'gamma', 'beta']);
  });

  it('orders by attributes, nulls last, ties broken by creation time then id', async () => {
    expect(await names(null, { orderBy: [{ fieldName: 'name', ascending: false }] })).toEqual([
      'gamma',
      'eps',
      'beta',
      'alpha',
    ]);
    expect(await names(null, { orderBy: [{ fieldName: 'model_type' }] })).toEqual([
      'alpha',
      'beta',
      'eps',
      'gamma',
    ]);
    expect(await names(null, { orderBy: [{ fieldName: 'status', ascending: false }] })).toEqual([
      'gamma',
      'eps',
      'beta',
      'alpha',
    ]);
  });
});

describe('searchLoggedModels: errors', () => {
  it.each([
    ['metric.rmse > 1', {}],
    ["tag.release = 'x'", {}],
    ["name = 'a' OR name = 'b'", {}],
    ["(name = 'a')", {}],
    ["NOT name = 'a'", {}],
    ["metrics.rmse > 'x'", {}],
    ["creation_time = 'x'", {}],
    ['params.depth > 1', {}],
    ["unknown_attr = 'x'", {}],
    ['name IS NULL', {}],
    ["datasets.name = 'x'", {}],
    [null, { orderBy: [{ fieldName: 'params.depth' }] }],
    [null, { orderBy: [{ fieldName: 'name DESC' }] }],
    [null, { orderBy: [{ fieldName: 'metrics.rmse', datasetDigest: 'd1' }] }],
    [null, { datasets: [{ datasetName: '' }] }],
  ])('rejects %s %j with INVALID_PARAMETER_VALUE', async (filter, opts) => {
    const res = await t.executeRaw(SearchLoggedModels, { experimentIds: [exp], filter, ...opts });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('rejects a cursor of another order', async () => {
    const page = await t.execute(SearchLoggedModels, { experimentIds: [exp], first: 1 });
    const res = await t.executeRaw(SearchLoggedModels, {
      experimentIds: [exp],
      first: 1,
      after: page.searchLoggedModels.pageInfo.endCursor,
      orderBy: [{ fieldName: 'metrics.rmse' }],
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('searchLoggedModels: paging', () => {
  it('pages stay exact while models are added between pages', async () => {
    const e = await seedExperiment(t);
    const r = await seedRun(t, e);
    const make = async (name: string, rmse?: number) => {
      await new Promise((res) => setTimeout(res, 3));
      const id = await seedModel(t, e, { name });
      if (rmse !== undefined) {
        await t.execute(LogBatch, {
          input: { runId: r, metrics: [{ key: 'rmse', values: [rmse], modelId: id }] },
        });
      }
    };
    for (const [i, v] of [0.5, 0.1, 0.9, undefined, 0.3, undefined].entries())
      await make(`m${i}`, v);
    for (const [o, orderBy] of [
      [],
      [{ fieldName: 'metrics.rmse' }],
      [{ fieldName: 'name', ascending: false }],
    ].entries()) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res: SearchLoggedModelsQuery = await t.execute(SearchLoggedModels, {
          experimentIds: [e],
          first: 2,
          after,
          orderBy,
        });
        seen.push(...res.searchLoggedModels.edges.map((x) => x.node.name));
        await make(`new-${o}-${page}`, page % 2 ? 0.2 : undefined);
        if (!res.searchLoggedModels.pageInfo.hasNextPage) break;
        after = res.searchLoggedModels.pageInfo.endCursor;
      }
      const original = seen.filter((n) => /^m\d$/.test(n));
      expect(original.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('searches several experiments; an empty list matches nothing', async () => {
    const e2 = await seedExperiment(t);
    await seedModel(t, e2, { name: 'other' });
    const res = await t.execute(SearchLoggedModels, {
      experimentIds: [exp, e2],
      filter: "name IN ('other', 'alpha')",
    });
    expect(res.searchLoggedModels.edges.map((x) => x.node.name)).toEqual(['other', 'alpha']);
    const none = await t.execute(SearchLoggedModels, { experimentIds: [] });
    expect(none.searchLoggedModels.edges).toEqual([]);
  });
});
