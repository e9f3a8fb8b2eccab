import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteLoggedModel,
  LogModelInputs,
  LogOutputs,
  RunLinks,
} from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const missingModel = `m-${'e'.repeat(32)}`;
const links = async (runId: string) => (await t.execute(RunLinks, { runId })).run!;

describe('logOutputs', () => {
  it('records models a run produced with their steps; the same (model, step) again is a no-op', async () => {
    const run = await seedRun(t, exp);
    const a = await seedModel(t, exp, { name: 'a' });
    const b = await seedModel(t, exp, { name: 'b' });
    const res = await t.execute(LogOutputs, {
      input: { runId: run, models: [{ modelId: a, step: 3 }, { modelId: b }] },
    });
    expect(res.logOutputs).toMatchObject({
      __typename: 'LogOutputsSuccess',
      run: {
        outputs: expect.arrayContaining([
          { modelId: a, step: 3, model: { name: 'a' } },
          { modelId: b, step: 0, model: { name: 'b' } },
        ]),
        modelInputs: [],
      },
    });
    await t.execute(LogOutputs, {
      input: {
        runId: run,
        models: [
          { modelId: a, step: 3 },
          { modelId: a, step: 7 },
        ],
      },
    });
    const outputs = (await links(run)).outputs;
    expect(outputs).toHaveLength(3);
    expect(
      outputs
        .filter((o) => o.modelId === a)
        .map((o) => o.step)
        .sort(),
    ).toEqual([3, 7]);
  });

  it('writes nothing when one model is unknown or deleted', async () => {
    const run = await seedRun(t, exp);
    const a = await seedModel(t, exp);
    const gone = await seedModel(t, exp);
    await t.execute(DeleteLoggedModel, { input: { modelId: gone } });
    for (const bad of [missingModel, gone]) {
      const res = await t.execute(LogOutputs, {
        input: {
          runId: run,
          models: [
            { modelId: a, step: 1 },
            { modelId: bad, step: 1 },
          ],
        },
      });
      expect(res.logOutputs).toMatchObject({
        __typename: 'NotFoundError',
        code: 'RESOURCE_DOES_NOT_EXIST',
        id: bad,
      });
    }
    expect((await links(run)).outputs).toEqual([]);
  });

  it('refuses a missing run (RESOURCE_DOES_NOT_EXIST) and a deleted one (INVALID_STATE)', async () => {
    const a = await seedModel(t, exp);
    const missing = await t.execute(LogOutputs, {
      input: { runId: 'f'.repeat(32), models: [{ modelId: a }] },
    });
    expect(missing.logOutputs).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const run = await seedRun(t, exp);
    await t.executeRaw(`mutation { deleteRun(input: { runId: "${run}" }) { __typename } }`);
    const deleted = await t.execute(LogOutputs, {
      input: { runId: run, models: [{ modelId: a }] },
    });
    expect(deleted.logOutputs).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('logInputs with models', () => {
  const dataset = { name: 'train', digest: 'abcd1234', sourceType: 'local', source: '{}' };

  it('records model inputs next to dataset inputs, once per model', async () => {
    const run = await seedRun(t, exp);
    const a = await seedModel(t, exp, { name: 'base' });
    const res = await t.execute(LogModelInputs, {
      input: { runId: run, datasets: [{ dataset }], models: [{ modelId: a }, { modelId: a }] },
    });
    expect(res.logInputs).toMatchObject({
      run: {
        inputs: [{ dataset: { name: 'train', digest: 'abcd1234' } }],
        modelInputs: [{ modelId: a, model: { name: 'base' } }],
      },
    });
    await t.execute(LogModelInputs, { input: { runId: run, models: [{ modelId: a }] } });
    expect((await links(run)).modelInputs).toEqual([{ modelId: a }]);
  });

  it('writes neither the datasets nor the models when one model is unknown', async () => {
    const run = await seedRun(t, exp);
    const a = await seedModel(t, exp);
    const res = await t.execute(LogModelInputs, {
      input: {
        runId: run,
        datasets: [{ dataset }],
        models: [{ modelId: a }, { modelId: missingModel }],
      },
    });
    expect(res.logInputs).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST', id: missingModel });
    const after = await links(run);
    expect(after.modelInputs).toEqual([]);
    expect(after.inputs).toEqual([]);
  });
});
