import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { CreateRun, GetRun, LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const UpdateRun = graphql(`
  mutation UpdateRun($input: UpdateRunInput!) {
    updateRun(input: $input) {
      __typename
      ... on UpdateRunSuccess { run { name status endTime tags { key value } } }
      ...ErrorFields
    }
  }
`);
const DeleteRun = graphql(`
  mutation DeleteRun($input: DeleteRunInput!) {
    deleteRun(input: $input) {
      __typename
      ... on DeleteRunSuccess { run { lifecycleStage } }
      ...ErrorFields
    }
  }
`);
const RestoreRun = graphql(`
  mutation RestoreRun($input: RestoreRunInput!) {
    restoreRun(input: $input) {
      __typename
      ... on RestoreRunSuccess { run { lifecycleStage } }
      ...ErrorFields
    }
  }
`);
const DeleteRunTag = graphql(`
  mutation DeleteRunTag($input: DeleteRunTagInput!) {
    deleteRunTag(input: $input) {
      __typename
      ... on DeleteRunTagSuccess { run { tags { key } } }
      ...ErrorFields
    }
  }
`);
const Family = graphql(`
  query RunFamily($runId: String!) {
    run(runId: $runId) {
      runId
      experiment { experimentId }
      parent { runId }
      children { runId name }
    }
  }
`);
const ExperimentRuns = graphql(`
  query ExperimentRuns($experimentId: String!, $first: Int, $after: String, $last: Int, $before: String) {
    experiment(experimentId: $experimentId) {
      runs(first: $first, after: $after, last: $last, before: $before) {
        edges { node { runId startTime } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
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

describe('createRun', () => {
  it('creates a RUNNING run with a 32-hex id, a generated name kept in the mlflow.runName tag', async () => {
    const before = Date.now();
    const res = await t.execute(CreateRun, { input: { experimentId: exp } });
    if (res.createRun.__typename !== 'CreateRunSuccess') throw new Error(res.createRun.__typename);
    const run = res.createRun.run;
    expect(run.runId).toMatch(/^[0-9a-f]{32}$/);
    expect(run.status).toBe('RUNNING');
    expect(run.startTime).toBeGreaterThanOrEqual(before);
    expect(run.endTime).toBeNull();
    expect(run.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    expect(run.tags).toContainEqual({ key: 'mlflow.runName', value: run.name });
    expect(run.artifactUri).toBe(`/tmp/trackql-test-artifacts/${exp}/${run.runId}/artifacts`);
    expect(run.lastSeq).toBe(0);
  });

  it('returns the run with its tags, as a later read gives them, in one statement', async () => {
    t.sql.length = 0;
    const res = await t.execute(CreateRun, {
      input: {
        experimentId: exp,
        tags: [
          { key: 'zeta', value: 'z' },
          { key: 'Alpha', value: 'a' },
          { key: 'mlflow.user', value: 'ada' },
        ],
      },
    });
    if (res.createRun.__typename !== 'CreateRunSuccess') throw new Error(res.createRun.__typename);
    // the insert (run, tags, audit event) also returns the stored tags
    expect(t.sql).toHaveLength(1);
    const created = res.createRun.run;
    const read = await t.execute(GetRun, { runId: created.runId });
    expect(created.tags).toEqual(read.run?.tags);
    expect(created.tags).toHaveLength(4);
  });

  it('defaults to the Default experiment "0"', async () => {
    const res = await t.execute(CreateRun, { input: { runName: 'in-default' } });
    expect(res.createRun).toMatchObject({ run: { experimentId: '0', name: 'in-default' } });
  });

  it('takes the name from the mlflow.runName tag, and rejects a different runName', async () => {
    const fromTag = await t.execute(CreateRun, {
      input: { experimentId: exp, tags: [{ key: 'mlflow.runName', value: 'tagged' }] },
    });
    expect(fromTag.createRun).toMatchObject({ run: { name: 'tagged' } });
    const clash = await t.execute(CreateRun, {
      input: { experimentId: exp, runName: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] },
    });
    expect(clash.createRun).toMatchObject({ __typename: 'ValidationError', field: 'runName' });
  });

  it('returns NotFoundError for an unknown experiment and InvalidStateError for a deleted one', async () => {
    expect(
      (await t.execute(CreateRun, { input: { experimentId: '424242' } })).createRun.__typename,
    ).toBe('NotFoundError');
    const gone = await seedExperiment(t);
    await t.executeRaw(
      `mutation { deleteExperiment(input: { experimentId: "${gone}" }) { __typename } }`,
    );
    expect(
      (await t.execute(CreateRun, { input: { experimentId: gone } })).createRun.__typename,
    ).toBe('InvalidStateError');
  });

  it('rejects an invalid tag key with ValidationError', async () => {
    const res = await t.execute(CreateRun, {
      input: { experimentId: exp, tags: [{ key: 'a//b', value: 'x' }] },
    });
    expect(res.createRun).toMatchObject({ __typename: 'ValidationError', field: 'tags[0].key' });
  });
});

describe('updateRun', () => {
  it('sets status, end time and name, keeping the mlflow.runName tag in step', async () => {
    const id = await seedRun(t, exp);
    const res = await t.execute(UpdateRun, {
      input: { runId: id, status: 'FINISHED', endTime: 1_800_000_000_000, runName: 'renamed' },
    });
    expect(res.updateRun).toMatchObject({
      run: { status: 'FINISHED', endTime: 1_800_000_000_000, name: 'renamed' },
    });
    if (res.updateRun.__typename === 'UpdateRunSuccess') {
      expect(res.updateRun.run.tags).toContainEqual({ key: 'mlflow.runName', value: 'renamed' });
    }
  });

  it('renames through the mlflow.runName tag too', async () => {
    const id = await seedRun(t, exp);
    await t.execute(LogBatch, {
      input: { runId: id, tags: [{ key: 'mlflow.runName', value: 'via-tag' }] },
    });
    expect((await t.execute(GetRun, { runId: id })).run?.name).toBe('via-tag');
  });

  it('returns NotFoundError for a missing run and InvalidStateError for a deleted run', async () => {
    expect(
      (await t.execute(UpdateRun, { input: { runId: 'f'.repeat(32), status: 'KILLED' } })).updateRun
        .__typename,
    ).toBe('NotFoundError');
    const id = await seedRun(t, exp);
    await t.execute(DeleteRun, { input: { runId: id } });
    expect(
      (await t.execute(UpdateRun, { input: { runId: id, status: 'KILLED' } })).updateRun.__typename,
    ).toBe('InvalidStateError');
  });
});

describe('deleteRun and restoreRun', () => {
  it('soft-deletes and restores, keeping data', async () => {
    const id = await seedRun(t, exp);
    await t.execute(LogBatch, { input: { runId: id, params: [{ key: 'lr', value: '0.1' }] } });
    expect((await t.execute(DeleteRun, { input: { runId: id } })).deleteRun).toMatchObject({
      run: { lifecycleStage: 'DELETED' },
    });
    expect((await t.execute(DeleteRun, { input: { runId: id } })).deleteRun.__typename).toBe(
      'DeleteRunSuccess',
    );
    const write = await t.execute(LogBatch, {
      input: { runId: id, params: [{ key: 'b', value: '1' }] },
    });
    expect(write.logBatch).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_STATE',
    });
    expect((await t.execute(RestoreRun, { input: { runId: id } })).restoreRun).toMatchObject({
      run: { lifecycleStage: 'ACTIVE' },
    });
    expect((await t.execute(GetRun, { runId: id })).run?.params).toEqual([
      { key: 'lr', value: '0.1' },
    ]);
  });

  it('returns NotFoundError for unknown runs', async () => {
    expect((await t.execute(DeleteRun, { input: { runId: 'nope' } })).deleteRun.__typename).toBe(
      'NotFoundError',
    );
    expect((await t.execute(RestoreRun, { input: { runId: 'nope' } })).restoreRun.__typename).toBe(
      'NotFoundError',
    );
  });
});

describe('run tags', () => {
  it('deletes a tag; a missing tag is NotFoundError', async () => {
    const id = await seedRun(t, exp, { tags: [{ key: 'x', value: '1' }] });
    const res = await t.execute(DeleteRunTag, { input: { runId: id, key: 'x' } });
    expect(res.deleteRunTag.__typename).toBe('DeleteRunTagSuccess');
    expect(
      (await t.execute(DeleteRunTag, { input: { runId: id, key: 'x' } })).deleteRunTag.__typename,
    ).toBe('NotFoundError');
  });
});

describe('nested runs', () => {
  it('links parent and children through mlflow.parentRunId', async () => {
    const parent = await seedRun(t, exp, { runName: 'parent' });
    const c1 = await seedRun(t, exp, {
      runName: 'c1',
      startTime: 1000,
      tags: [{ key: 'mlflow.parentRunId', value: parent }],
    });
    const c2 = await seedRun(t, exp, { runName: 'c2', startTime: 2000 });
    await t.execute(LogBatch, {
      input: { runId: c2, tags: [{ key: 'mlflow.parentRunId', value: parent }] },
    });
    const fam = await t.execute(Family, { runId: parent });
    expect(fam.run?.children.map((c) => c.runId)).toEqual([c1, c2]);
    expect(fam.run?.experiment.experimentId).toBe(exp);
    expect((await t.execute(Family, { runId: c1 })).run?.parent?.runId).toBe(parent);
    expect((await t.execute(Family, { runId: parent })).run?.parent).toBeNull();
  });
});

describe('Experiment.runs', () => {
  it('pages newest first, forwards and backwards, without gaps', async () => {
    const e = await seedExperiment(t);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await seedRun(t, e, { startTime: 1_000 + (i % 3) }));
    const forward: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = await t.execute(ExperimentRuns, { experimentId: e, first: 3, after });
      const runs = page.experiment!.runs;
      forward.push(...runs.edges.map((x) => x.node.runId));
      if (!runs.pageInfo.hasNextPage) break;
      after = runs.pageInfo.endCursor;
    }
    expect(forward).toHaveLength(7);
    expect(new Set(forward)).toEqual(new Set(ids));
    const all = await t.execute(ExperimentRuns, { experimentId: e, first: 100 });
    const times = all.experiment!.runs.edges.map((x) => x.node.startTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const last = await t.execute(ExperimentRuns, { experimentId: e, last: 2 });
    expect(last.experiment!.runs.edges.map((x) => x.node.runId)).toEqual(forward.slice(5));
    expect(last.experiment!.runs.pageInfo.hasPreviousPage).toBe(true);
    const before = await t.execute(ExperimentRuns, {
      experimentId: e,
      last: 2,
      before: last.experiment!.runs.pageInfo.startCursor,
    });
    expect(before.experiment!.runs.edges.map((x) => x.node.runId)).toEqual(forward.slice(3, 5));
  });
});
