import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import {
  DeleteLoggedModel,
  FinalizeLoggedModel,
  LogLoggedModelParams,
  SetLoggedModelTags,
} from '../helpers/model-documents.ts';
import { seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The Default experiment has id 0, a falsy key: MikroORM 6.6.16 recursed forever flushing any
// entity that refers to it (server/db/orm-falsy-key-fix.ts). Lifecycle writes of its runs, models
// and datasets go through entities, so they must work there as anywhere.

const Lifecycle = graphql(`
  mutation DefaultExperimentRunLifecycle($runId: String!) {
    updateRun(input: { runId: $runId, status: FINISHED, runName: "renamed" }) {
      __typename
      ... on UpdateRunSuccess { run { name status } }
    }
    deleteRun(input: { runId: $runId }) {
      __typename
      ... on DeleteRunSuccess { run { lifecycleStage } }
    }
    restoreRun(input: { runId: $runId }) {
      __typename
      ... on RestoreRunSuccess { run { lifecycleStage experiment { experimentId } } }
    }
  }
`);
const LogDataset = graphql(`
  mutation DefaultExperimentLogInputs($input: LogInputsInput!) {
    logInputs(input: $input) {
      __typename
      ... on LogInputsSuccess { run { inputs { dataset { name digest } context } } }
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('lifecycle writes in the Default experiment (id 0)', () => {
  it('updates, deletes and restores a run', async () => {
    const runId = await seedRun(t, '0');
    expect(await t.execute(Lifecycle, { runId })).toEqual({
      updateRun: { __typename: 'UpdateRunSuccess', run: { name: 'renamed', status: 'FINISHED' } },
      deleteRun: { __typename: 'DeleteRunSuccess', run: { lifecycleStage: 'DELETED' } },
      restoreRun: {
        __typename: 'RestoreRunSuccess',
        run: { lifecycleStage: 'ACTIVE', experiment: { experimentId: '0' } },
      },
    });
  });

  it('creates, tags, finalizes and deletes a logged model', async () => {
    const modelId = await seedModel(t, '0', {
      params: [{ key: 'lr', value: '0.1' }],
      tags: [{ key: 'team', value: 'a' }],
    });
    const tagged = await t.execute(SetLoggedModelTags, {
      input: { modelId, tags: [{ key: 'team', value: 'b' }] },
    });
    expect(tagged.setLoggedModelTags.__typename).toBe('SetLoggedModelTagsSuccess');
    const params = await t.execute(LogLoggedModelParams, {
      input: { modelId, params: [{ key: 'alpha', value: '1' }] },
    });
    expect(params.logLoggedModelParams.__typename).toBe('LogLoggedModelParamsSuccess');
    const ready = await t.execute(FinalizeLoggedModel, { input: { modelId, status: 'READY' } });
    if (ready.finalizeLoggedModel.__typename !== 'FinalizeLoggedModelSuccess') {
      throw new Error(ready.finalizeLoggedModel.__typename);
    }
    expect(ready.finalizeLoggedModel.model).toMatchObject({
      experimentId: '0',
      status: 'READY',
      params: [
        { key: 'alpha', value: '1' },
        { key: 'lr', value: '0.1' },
      ],
      tags: [{ key: 'team', value: 'b' }],
    });
    const deleted = await t.execute(DeleteLoggedModel, { input: { modelId } });
    expect(deleted.deleteLoggedModel.__typename).toBe('DeleteLoggedModelSuccess');
  });

  it('logs a dataset input of a run', async () => {
    const runId = await seedRun(t, '0');
    const res = await t.execute(LogDataset, {
      input: {
        runId,
        datasets: [
          {
            dataset: { name: 'd', digest: 'abc', sourceType: 'local', source: '{}' },
            tags: [{ key: 'mlflow.data.context', value: 'training' }],
          },
        ],
      },
    });
    expect(res.logInputs).toEqual({
      __typename: 'LogInputsSuccess',
      run: { inputs: [{ dataset: { name: 'd', digest: 'abc' }, context: 'training' }] },
    });
  });
});
