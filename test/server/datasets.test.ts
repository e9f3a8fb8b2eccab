import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const LogInputs = graphql(`
  mutation LogInputs($input: LogInputsInput!) {
    logInputs(input: $input) {
      __typename
      ... on LogInputsSuccess {
        run { inputs { context tags { key value } dataset { name digest sourceType source schema profile } } }
      }
      ...ErrorFields
    }
  }
`);
const Datasets = graphql(`
  query ExperimentDatasets($experimentId: String!) {
    experiment(experimentId: $experimentId) {
      datasets { experimentId name digest context }
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

const train = {
  name: 'mnist',
  digest: 'a1b2c3d4',
  sourceType: 'local',
  source: '{"uri": "file:///data/mnist.csv"}',
  schema: '{"mlflow_colspec": []}',
  profile: '{"num_rows": 60000}',
};
const ctx = (value: string) => [{ key: 'mlflow.data.context', value }];

describe('logInputs', () => {
  it('records datasets with their input tags, exposed on Run.inputs', async () => {
    const run = await seedRun(t, exp);
    const res = await t.execute(LogInputs, {
      input: {
        runId: run,
        datasets: [
          { dataset: train, tags: ctx('training') },
          { dataset: { ...train, digest: 'ffff0000', profile: null }, tags: ctx('eval') },
        ],
      },
    });
    if (res.logInputs.__typename !== 'LogInputsSuccess') throw new Error(res.logInputs.__typename);
    expect(res.logInputs.run.inputs).toEqual([
      { context: 'training', tags: ctx('training'), dataset: train },
      {
        context: 'eval',
        tags: ctx('eval'),
        dataset: { ...train, digest: 'ffff0000', profile: null },
      },
    ]);
  });

  it('deduplicates datasets per experiment and makes re-logging to the same run a no-op', async () => {
    const e = await seedExperiment(t);
    const r1 = await seedRun(t, e);
    const r2 = await seedRun(t, e);
    await t.execute(LogInputs, {
      input: { runId: r1, datasets: [{ dataset: train, tags: ctx('training') }] },
    });
    const again = await t.execute(LogInputs, {
      input: {
        runId: r1,
        datasets: [{ dataset: { ...train, source: 'changed' }, tags: ctx('eval') }],
      },
    });
    if (again.logInputs.__typename !== 'LogInputsSuccess') throw new Error('failed');
    expect(again.logInputs.run.inputs).toHaveLength(1);
    expect(again.logInputs.run.inputs[0]).toMatchObject({
      context: 'training',
      dataset: { source: train.source },
    });
    const other = await t.execute(LogInputs, {
      input: {
        runId: r2,
        datasets: [{ dataset: { ...train, source: 'changed' }, tags: ctx('eval') }],
      },
    });
    if (other.logInputs.__typename !== 'LogInputsSuccess') throw new Error('failed');
    expect(other.logInputs.run.inputs[0]).toMatchObject({
      context: 'eval',
      dataset: { source: train.source },
    });
    const summaries = await t.execute(Datasets, { experimentId: e });
    expect(summaries.experiment?.datasets).toEqual([
      { experimentId: e, name: 'mnist', digest: 'a1b2c3d4', context: 'eval' },
      { experimentId: e, name: 'mnist', digest: 'a1b2c3d4', context: 'training' },
    ]);
    const count = await t.app.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from datasets where experiment_id = ?', [Number(e)]);
    expect(count[0]).toEqual({ n: 1 });
  });

  it('keeps the first of duplicate inputs in one request', async () => {
    const run = await seedRun(t, exp);
    const res = await t.execute(LogInputs, {
      input: {
        runId: run,
        datasets: [
          { dataset: { ...train, name: 'dup' }, tags: ctx('training') },
          { dataset: { ...train, name: 'dup' }, tags: ctx('eval') },
        ],
      },
    });
    if (res.logInputs.__typename !== 'LogInputsSuccess') throw new Error('failed');
    expect(res.logInputs.run.inputs.map((i) => i.context)).toEqual(['training']);
  });

  it('applies MLflow limits and requires an active run', async () => {
    const run = await seedRun(t, exp);
    const long = await t.execute(LogInputs, {
      input: { runId: run, datasets: [{ dataset: { ...train, digest: 'x'.repeat(37) } }] },
    });
    expect(long.logInputs).toMatchObject({
      __typename: 'ValidationError',
      field: 'datasets[0].dataset.digest',
    });
    const tag = await t.execute(LogInputs, {
      input: {
        runId: run,
        datasets: [{ dataset: train, tags: [{ key: 'k', value: 'v'.repeat(501) }] }],
      },
    });
    expect(tag.logInputs).toMatchObject({
      __typename: 'ValidationError',
      field: 'datasets[0].tags[0].value',
    });
    const many = Array.from({ length: 1001 }, (_, i) => ({
      dataset: { ...train, digest: `${i}` },
    }));
    expect(
      (await t.execute(LogInputs, { input: { runId: run, datasets: many } })).logInputs,
    ).toMatchObject({
      __typename: 'ValidationError',
      field: 'datasets',
    });
    const missing = await t.execute(LogInputs, {
      input: { runId: 'a'.repeat(32), datasets: [{ dataset: train }] },
    });
    expect(missing.logInputs).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
    await t.executeRaw(`mutation { deleteRun(input: { runId: "${run}" }) { __typename } }`);
    const deleted = await t.execute(LogInputs, {
      input: { runId: run, datasets: [{ dataset: train }] },
    });
    expect(deleted.logInputs).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_STATE',
    });
  });
});
