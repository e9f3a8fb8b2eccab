import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { DeleteLoggedModel, GetLoggedModel, RunLinks } from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const LogMetric = graphql(`
  mutation LogMetricLinked($input: LogMetricInput!) {
    logMetric(input: $input) {
      __typename
      ... on BatchAck { seq replayed }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

const LogBatchLinked = graphql(`
  mutation LogBatchLinked($input: LogBatchInput!) {
    logBatch(input: $input) {
      __typename
      ... on BatchAck { seq replayed metricsWritten run { lastSeq params { key } } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const modelMetrics = async (modelId: string) =>
  (await t.execute(GetLoggedModel, { modelId, allowDeleted: true })).loggedModel!.metrics;

describe('metric ↔ model link', () => {
  it('writes points naming a model to the run and to the model, with run and dataset', async () => {
    const run = await seedRun(t, exp);
    const model = await seedModel(t, exp);
    const res = await t.execute(LogBatchLinked, {
      input: {
        runId: run,
        metrics: [
          {
            key: 'rmse',
            values: [0.5, 0.4],
            steps: [1, 2],
            timestamps: [1000, 2000],
            modelId: model,
            datasetName: 'eval',
            datasetDigest: 'd1',
          },
          { key: 'loss', values: [0.9], steps: [2], timestamps: [2000] },
        ],
      },
    });
    expect(res.logBatch).toMatchObject({ __typename: 'BatchAck', metricsWritten: 3 });
    expect(await modelMetrics(model)).toEqual([
      {
        key: 'rmse',
        value: 0.5,
        step: 1,
        timestamp: 1000,
        runId: run,
        run: { runId: run },
        dataset: { name: 'eval', digest: 'd1' },
      },
      {
        key: 'rmse',
        value: 0.4,
        step: 2,
        timestamp: 2000,
        runId: run,
        run: { runId: run },
        dataset: { name: 'eval', digest: 'd1' },
      },
    ]);
    const latest = (await t.execute(RunLinks, { runId: run })).run!.latestMetrics;
    expect(latest).toEqual([
      { key: 'loss', value: 0.9, step: 2 },
      { key: 'rmse', value: 0.4, step: 2 },
    ]);
  });

  it('writes nothing anywhere when one point names an unknown or deleted model', async () => {
    const run = await seedRun(t, exp);
    const good = await seedModel(t, exp);
    const gone = await seedModel(t, exp);
    await t.execute(DeleteLoggedModel, { input: { modelId: gone } });
    for (const bad of [`m-${'0'.repeat(32)}`, gone]) {
      const res = await t.execute(LogBatchLinked, {
        input: {
          runId: run,
          params: [{ key: 'lr', value: '0.1' }],
          metrics: [
            { key: 'acc', values: [0.1], modelId: good },
            { key: 'acc2', values: [0.2], modelId: bad },
            { key: 'plain', values: [1] },
          ],
        },
      });
      expect(res.logBatch).toMatchObject({
        __typename: 'NotFoundError',
        code: 'RESOURCE_DOES_NOT_EXIST',
        entity: 'LoggedModel',
        id: bad,
      });
    }
    expect(await modelMetrics(good)).toEqual([]);
    expect(await modelMetrics(gone)).toEqual([]);
    const after = await t.execute(LogBatchLinked, { input: { runId: run } });
    expect(after.logBatch).toMatchObject({ seq: 1, run: { lastSeq: 1, params: [] } });
    expect((await t.execute(RunLinks, { runId: run })).run!.latestMetrics).toEqual([]);
  });

  it('requires the dataset name and digest together', async () => {
    const run = await seedRun(t, exp);
    const model = await seedModel(t, exp);
    const res = await t.execute(LogBatchLinked, {
      input: { runId: run, metrics: [{ key: 'a', values: [1], modelId: model, datasetName: 'x' }] },
    });
    expect(res.logBatch).toMatchObject({
      __typename: 'ValidationError',
      field: 'metrics[0].datasetDigest',
    });
    expect(await modelMetrics(model)).toEqual([]);
  });

  it('does not link a replayed idempotent batch twice', async () => {
    const run = await seedRun(t, exp);
    const model = await seedModel(t, exp);
    const input = {
      runId: run,
      idempotencyKey: 'k1',
      metrics: [{ key: 'a', values: [1, 2], steps: [0, 1], modelId: model }],
    };
    const first = await t.execute(LogBatchLinked, { input });
    const again = await t.execute(LogBatchLinked, { input });
    expect(first.logBatch).toMatchObject({ seq: 1, replayed: false });
    expect(again.logBatch).toMatchObject({ seq: 1, replayed: true });
    expect(await modelMetrics(model)).toHaveLength(2);
  });

  it('logMetric links one point to a model', async () => {
    const run = await seedRun(t, exp);
    const model = await seedModel(t, exp);
    const res = await t.execute(LogMetric, {
      input: { runId: run, key: 'f1', value: 0.7, step: 4, timestamp: 5, modelId: model },
    });
    expect(res.logMetric).toMatchObject({ __typename: 'BatchAck' });
    expect(await modelMetrics(model)).toMatchObject([
      { key: 'f1', value: 0.7, step: 4, timestamp: 5, runId: run, dataset: null },
    ]);
    const unknown = await t.execute(LogMetric, {
      input: { runId: run, key: 'f1', value: 0.8, modelId: 'm-nope' },
    });
    expect(unknown.logMetric).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST', id: 'm-nope' });
  });

  it('keeps a metrics-only batch without model ids at one statement', async () => {
    const run = await seedRun(t, exp);
    t.sql.length = 0;
    await t.execute(LogBatch, { input: { runId: run, metrics: [{ key: 'a', values: [1, 2] }] } });
    expect(t.sql, t.sql.join('\n')).toHaveLength(1);
  });
});
