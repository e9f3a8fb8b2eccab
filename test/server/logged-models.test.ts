import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import {
  CreateLoggedModel,
  DeleteLoggedModel,
  DeleteLoggedModelTag,
  FinalizeLoggedModel,
  GetLoggedModel,
  LogLoggedModelParams,
  SetLoggedModelTags,
} from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ExperimentModels = graphql(`
  query ExperimentModelCount($experimentId: String!) {
    experiment(experimentId: $experimentId) { loggedModels(first: 5) { edges { node { modelId } } } }
  }
`);

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const get = async (modelId: string, allowDeleted = false) =>
  (await t.execute(GetLoggedModel, { modelId, allowDeleted })).loggedModel;

describe('createLoggedModel', () => {
  it('creates a PENDING model with params, tags, artifact location and model URI', async () => {
    const run = await seedRun(t, exp);
    const before = Date.now();
    const res = await t.execute(CreateLoggedModel, {
      input: {
        experimentId: exp,
        name: 'classifier',
        modelType: 'agent',
        sourceRunId: run,
        params: [
          { key: 'lr', value: '0.01' },
          { key: 'alpha', value: '0.5' },
        ],
        tags: [{ key: 'team', value: 'vision' }],
      },
    });
    if (res.createLoggedModel.__typename !== 'CreateLoggedModelSuccess') throw new Error('failed');
    const m = res.createLoggedModel.model;
    expect(m.modelId).toMatch(/^m-[0-9a-f]{32}$/);
    expect(m).toMatchObject({
      experimentId: exp,
      name: 'classifier',
      modelType: 'agent',
      sourceRunId: run,
      sourceRun: { runId: run },
      status: 'PENDING',
      lifecycleStage: 'ACTIVE',
      modelUri: `models:/${m.modelId}`,
      params: [
        { key: 'alpha', value: '0.5' },
        { key: 'lr', value: '0.01' },
      ],
      tags: [{ key: 'team', value: 'vision' }],
    });
    expect(m.artifactUri).toBe(`/tmp/trackql-test-artifacts/${exp}/models/${m.modelId}/artifacts`);
    expect(m.creationTimestamp).toBeGreaterThanOrEqual(before);
    expect(m.lastUpdatedTimestamp).toBe(m.creationTimestamp);
    expect(await get(m.modelId)).toMatchObject({ name: 'classifier', metrics: [] });
  });

  it('gives a model without a name a random run-style name, and keeps an unknown source run', async () => {
    const missingRun = 'a'.repeat(32);
    const id = await seedModel(t, exp, { name: '', sourceRunId: missingRun });
    const m = await get(id);
    expect(m?.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    expect(m?.sourceRunId).toBe(missingRun);
    expect(m?.sourceRun).toBeNull();
  });

  it.each([
    [{ name: 'a/b' }, 'name'],
    [{ name: 'v1.0' }, 'name'],
    [{ name: 'x'.repeat(501) }, 'name'],
    [
      {
        params: [
          { key: 'k', value: '1' },
          { key: 'k', value: '1' },
        ],
      },
      'params',
    ],
    [{ params: [{ key: 'bad//key', value: '1' }] }, 'params[0].key'],
    [{ tags: [{ key: '', value: '1' }] }, 'tags[0].key'],
    [{ sourceRunId: 'not a run id' }, 'sourceRunId'],
  ])(
    'rejects invalid input %j with INVALID_PARAMETER_VALUE on %s and creates nothing',
    async (extra, field) => {
      const e = await seedExperiment(t);
      const res = await t.execute(CreateLoggedModel, { input: { experimentId: e, ...extra } });
      expect(res.createLoggedModel).toMatchObject({
        __typename: 'ValidationError',
        code: 'INVALID_PARAMETER_VALUE',
        field,
      });
      const listed = await t.execute(ExperimentModels, { experimentId: e });
      expect(listed.experiment?.loggedModels.edges).toEqual([]);
    },
  );

  it('refuses a missing experiment (RESOURCE_DOES_NOT_EXIST) and a deleted one (INVALID_PARAMETER_VALUE)', async () => {
    const missing = await t.execute(CreateLoggedModel, { input: { experimentId: '987654' } });
    expect(missing.createLoggedModel).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const e = await seedExperiment(t);
    await t.executeRaw(
      `mutation { deleteExperiment(input: { experimentId: "${e}" }) { __typename } }`,
    );
    const deleted = await t.execute(CreateLoggedModel, { input: { experimentId: e, name: 'm' } });
    expect(deleted.createLoggedModel).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_PARAMETER_VALUE',
      field: 'experimentId',
    });
  });
});

describe('finalizeLoggedModel', () => {
  it('sets READY or UPLOAD_FAILED without a transition check and bumps lastUpdatedTimestamp', async () => {
    const id = await seedModel(t, exp);
    const created = (await get(id))!;
    await new Promise((r) => setTimeout(r, 5));
    const ready = await t.execute(FinalizeLoggedModel, { input: { modelId: id, status: 'READY' } });
    if (ready.finalizeLoggedModel.__typename !== 'FinalizeLoggedModelSuccess') throw new Error();
    expect(ready.finalizeLoggedModel.model.status).toBe('READY');
    expect(ready.finalizeLoggedModel.model.lastUpdatedTimestamp).toBeGreaterThan(
      created.lastUpdatedTimestamp,
    );
    const failed = await t.execute(FinalizeLoggedModel, {
      input: { modelId: id, status: 'UPLOAD_FAILED' },
    });
    expect(failed.finalizeLoggedModel).toMatchObject({ model: { status: 'UPLOAD_FAILED' } });
  });

  it('refuses PENDING and an unknown model', async () => {
    const id = await seedModel(t, exp);
    const pending = await t.execute(FinalizeLoggedModel, {
      input: { modelId: id, status: 'PENDING' },
    });
    expect(pending.finalizeLoggedModel).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'status',
    });
    expect((await get(id))?.status).toBe('PENDING');
    const missing = await t.execute(FinalizeLoggedModel, {
      input: { modelId: `m-${'0'.repeat(32)}`, status: 'READY' },
    });
    expect(missing.finalizeLoggedModel).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Logged model with ID 'm-${'0'.repeat(32)}' not found.`,
    });
  });
});

describe('deleteLoggedModel', () => {
  it('soft-deletes: hidden unless allowDeleted, and every later write is RESOURCE_DOES_NOT_EXIST', async () => {
    const id = await seedModel(t, exp, { tags: [{ key: 'a', value: '1' }] });
    const res = await t.execute(DeleteLoggedModel, { input: { modelId: id } });
    expect(res.deleteLoggedModel).toMatchObject({ model: { lifecycleStage: 'DELETED' } });
    expect(await get(id)).toBeNull();
    expect(await get(id, true)).toMatchObject({ lifecycleStage: 'DELETED', tags: [{ key: 'a' }] });
    const again = await t.execute(DeleteLoggedModel, { input: { modelId: id } });
    expect(again.deleteLoggedModel).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const tags = await t.execute(SetLoggedModelTags, {
      input: { modelId: id, tags: [{ key: 'b', value: '2' }] },
    });
    expect(tags.setLoggedModelTags).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const params = await t.execute(LogLoggedModelParams, {
      input: { modelId: id, params: [{ key: 'p', value: '1' }] },
    });
    expect(params.logLoggedModelParams).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const fin = await t.execute(FinalizeLoggedModel, { input: { modelId: id, status: 'READY' } });
    expect(fin.finalizeLoggedModel).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    expect(await get(id, true)).toMatchObject({
      status: 'PENDING',
      tags: [{ key: 'a' }],
      params: [],
    });
  });
});

describe('logged model tags', () => {
  it('upserts tags without bumping lastUpdatedTimestamp, and deletes them by key', async () => {
    const id = await seedModel(t, exp, { tags: [{ key: 'stage', value: 'dev' }] });
    const before = (await get(id))!.lastUpdatedTimestamp;
    const res = await t.execute(SetLoggedModelTags, {
      input: {
        modelId: id,
        tags: [
          { key: 'stage', value: 'prod' },
          { key: 'owner', value: 'ana' },
        ],
      },
    });
    expect(res.setLoggedModelTags).toMatchObject({
      model: {
        lastUpdatedTimestamp: before,
        tags: [
          { key: 'owner', value: 'ana' },
          { key: 'stage', value: 'prod' },
        ],
      },
    });
    const del = await t.execute(DeleteLoggedModelTag, { input: { modelId: id, key: 'owner' } });
    expect(del.deleteLoggedModelTag).toMatchObject({ model: { tags: [{ key: 'stage' }] } });
  });

  it('deleting a missing key is RESOURCE_DOES_NOT_EXIST with MLflow’s message', async () => {
    const id = await seedModel(t, exp);
    const res = await t.execute(DeleteLoggedModelTag, { input: { modelId: id, key: 'nope' } });
    expect(res.deleteLoggedModelTag).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: `No tag with key 'nope' found for model with ID '${id}'.`,
    });
  });

  it('writes no tag of a batch with one invalid key', async () => {
    const id = await seedModel(t, exp);
    const res = await t.execute(SetLoggedModelTags, {
      input: {
        modelId: id,
        tags: [
          { key: 'ok', value: '1' },
          { key: '/bad', value: '2' },
        ],
      },
    });
    expect(res.setLoggedModelTags).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'tags[1].key',
    });
    expect((await get(id))?.tags).toEqual([]);
  });
});

describe('logLoggedModelParams', () => {
  it('adds params, accepts the same value again, and rejects a changed value writing nothing', async () => {
    const id = await seedModel(t, exp, { params: [{ key: 'lr', value: '0.1' }] });
    const ok = await t.execute(LogLoggedModelParams, {
      input: {
        modelId: id,
        params: [
          { key: 'lr', value: '0.1' },
          { key: 'depth', value: '4' },
        ],
      },
    });
    expect(ok.logLoggedModelParams).toMatchObject({
      model: {
        params: [
          { key: 'depth', value: '4' },
          { key: 'lr', value: '0.1' },
        ],
      },
    });
    const changed = await t.execute(LogLoggedModelParams, {
      input: {
        modelId: id,
        params: [
          { key: 'seed', value: '7' },
          { key: 'lr', value: '0.2' },
        ],
      },
    });
    expect(changed.logLoggedModelParams).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_PARAMETER_VALUE',
      field: 'params[1].value',
    });
    expect((await get(id))?.params.map((p) => p.key)).toEqual(['depth', 'lr']);
  });

  it('rejects more than 100 params', async () => {
    const id = await seedModel(t, exp);
    const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: '1' }));
    const res = await t.execute(LogLoggedModelParams, { input: { modelId: id, params } });
    expect(res.logLoggedModelParams).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'params',
    });
  });
});

describe('loggedModel', () => {
  it('returns null for an unknown id', async () => {
    expect(await get('m-unknown')).toBeNull();
  });
});
