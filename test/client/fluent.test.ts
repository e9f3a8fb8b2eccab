import path from 'node:path';
import {
  activeRun,
  configureLogging,
  createExperiment,
  deleteTag,
  endRun,
  flush,
  getExperiment,
  getExperimentByName,
  getRun,
  getTrackingUri,
  lastActiveRun,
  logMetric,
  logMetrics,
  logParam,
  logParams,
  runsToTable,
  SYSTEM_TAGS,
  searchExperiments,
  searchRuns,
  setExperiment,
  setTag,
  setTags,
  setTrackingUri,
  startRun,
  TrackingError,
  withRun,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitInfo } from '../../client/packages/node/src/fluent/system-tags.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  setTrackingUri(await t.listen());
});
afterAll(() => t.close());

describe('fluent API against a listening server', () => {
  it('logs params, metrics and tags with system tags, and ends the run FINISHED', async () => {
    const exp = await setExperiment('fluent-e2e');
    expect(exp.lifecycleStage).toBe('ACTIVE');
    expect((await setExperiment({ name: 'fluent-e2e' })).experimentId).toBe(exp.experimentId);
    const run = await startRun({
      runName: 'baseline',
      description: 'first try',
      tags: { team: 'vision' },
    });
    expect(activeRun()).toBe(run);
    logParam('lr', 0.01);
    logParams({ batch_size: 32, optimizer: 'adam' });
    for (let step = 0; step < 2500; step++) logMetric('loss', 1 / (step + 1), step);
    logMetrics({ acc: 0.9, f1: Number.NaN }, { step: 3, timestamp: 1_700_000_000_000 });
    setTag('stage', 'dev');
    setTags({ temp: 'x', 'mlflow.runName': 'renamed' });
    await deleteTag('temp');
    await endRun();
    expect(activeRun()).toBeUndefined();

    const got = await getRun(run.runId);
    expect(got?.info).toMatchObject({
      status: 'FINISHED',
      experimentId: exp.experimentId,
      name: 'renamed',
    });
    expect(got?.info.endTime).toBeGreaterThan(0);
    expect(got?.data.params).toEqual({ lr: '0.01', batch_size: '32', optimizer: 'adam' });
    expect(got?.data.metrics).toMatchObject({ loss: 1 / 2500, acc: 0.9 });
    expect(got?.data.metrics.f1).toBeNaN();
    const tags = got?.data.tags ?? {};
    expect(tags).toMatchObject({
      team: 'vision',
      stage: 'dev',
      'mlflow.note.content': 'first try',
    });
    expect(tags.temp).toBeUndefined();
    expect(tags[SYSTEM_TAGS.sourceType]).toBe('LOCAL');
    expect(tags[SYSTEM_TAGS.user]).toBeTruthy();
    expect(tags[SYSTEM_TAGS.sourceName]).toBe(process.argv[1]);
    // the checkout of the entry script (vitest's), when there is one
    const git = gitInfo(path.dirname(path.resolve(process.argv[1] ?? '.')));
    expect(tags[SYSTEM_TAGS.gitCommit]).toBe(git.commit);
    expect(tags[SYSTEM_TAGS.gitBranch]).toBe(git.branch);
    const last = await lastActiveRun();
    expect(last?.info.runId).toBe(run.runId);
  });

  it('nests runs under the active one and refuses a second top-level run', async () => {
    const parent = await startRun({ runName: 'parent' });
    await expect(startRun({ runName: 'other' })).rejects.toThrow(/already active/);
    const child = await startRun({ nested: true, runName: 'child' });
    expect(activeRun()).toBe(child);
    await endRun();
    expect(activeRun()).toBe(parent);
    await endRun();
    const got = await getRun(child.runId);
    expect(got?.data.tags[SYSTEM_TAGS.parentRunId]).toBe(parent.runId);
    expect(got?.data.tags[SYSTEM_TAGS.runName]).toBe('child');
  });

  it('withRun ends FINISHED, or FAILED when the body throws, and rethrows', async () => {
    const value = await withRun({ runName: 'ok' }, async (run) => {
      logMetric('m', 1);
      return run.runId;
    });
    expect((await getRun(value))?.info.status).toBe('FINISHED');
    let failedId = '';
    const boom = new Error('boom');
    await expect(
      withRun({ runName: 'bad' }, async (run) => {
        failedId = run.runId;
        logMetric('m', 2);
        throw boom;
      }),
    ).rejects.toBe(boom);
    const failed = await getRun(failedId);
    expect(failed?.info.status).toBe('FAILED');
    expect(failed?.data.metrics.m).toBe(2);
    expect((await lastActiveRun())?.info.runId).toBe(failedId);
  });

  it('keeps each concurrent async task on its own run (AsyncLocalStorage)', async () => {
    const ids = await Promise.all(
      Array.from({ length: 6 }, (_, task) =>
        withRun({ runName: `task-${task}` }, async (run) => {
          for (let i = 0; i < 20; i++) {
            await new Promise((r) => setTimeout(r, Math.random() * 3));
            expect(activeRun()).toBe(run);
            logMetric('task', task, i);
          }
          logParam('task', task);
          return run.runId;
        }),
      ),
    );
    expect(new Set(ids).size).toBe(6);
    expect(activeRun()).toBeUndefined();
    for (const [task, id] of ids.entries()) {
      const run = await getRun(id);
      expect(run?.data.params.task).toBe(String(task));
      expect(run?.data.metrics.task).toBe(task);
      const summary = await t.executeRaw<
        { run: { metricSummaries: { count: number; min: number; max: number }[] } },
        { id: string }
      >('query($id: String!) { run(runId: $id) { metricSummaries { count min max } } }', { id });
      expect(summary.data?.run.metricSummaries).toEqual([{ count: 20, min: task, max: task }]);
    }
  });

  it('starts a run when logging with none active, and resumes a run from MLFLOW_RUN_ID', async () => {
    logMetric('auto', 1);
    const auto = activeRun();
    expect(auto).toBeDefined();
    await endRun();
    expect(auto?.runId).toMatch(/^[0-9a-f]{32}$/);
    expect((await getRun(auto!.runId))?.data.metrics.auto).toBe(1);

    process.env.MLFLOW_RUN_ID = auto!.runId;
    const resumed = await startRun();
    expect(process.env.MLFLOW_RUN_ID).toBeUndefined();
    expect(resumed.runId).toBe(auto!.runId);
    expect(resumed.info.status).toBe('RUNNING');
    await endRun('KILLED');
    expect((await getRun(auto!.runId))?.info.status).toBe('KILLED');
  });

  it('surfaces a rejected batch (a changed param) on flush, endRun and onError', async () => {
    const seen: TrackingError[] = [];
    configureLogging({ onError: (e) => seen.push(e) });
    try {
      const run = await startRun({ runName: 'conflict' });
      logParam('lr', 0.1);
      await flush();
      logParam('lr', 0.2);
      logMetric('after', 1);
      const err = await flush().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(TrackingError);
      expect(err).toMatchObject({ kind: 'domain', code: 'INVALID_PARAMETER_VALUE' });
      expect(seen).toHaveLength(1);
      // params travel in their own batch: the rejected one takes no metric point with it
      expect((await getRun(run.runId))?.data.metrics.after).toBe(1);
      logParam('lr', 0.3);
      await expect(endRun()).rejects.toMatchObject({ kind: 'domain', typename: 'ValidationError' });
      expect(activeRun()).toBeUndefined();
    } finally {
      configureLogging({ onError: undefined });
    }
  });

  it('confirms every call in synchronous mode', async () => {
    configureLogging({ synchronous: true });
    try {
      const run = await startRun();
      await logMetric('sync', 5, 1);
      await logParam('p', 'v');
      expect((await getRun(run.runId))?.data).toMatchObject({
        metrics: { sync: 5 },
        params: { p: 'v' },
      });
      await endRun();
    } finally {
      configureLogging({ synchronous: false });
    }
    const run = await startRun();
    await logMetric('per-call', 7, { synchronous: true });
    expect((await getRun(run.runId))?.data.metrics['per-call']).toBe(7);
    await endRun();
  });

  it('creates and reads experiments, lists runs and flattens them into a table', async () => {
    const id = await createExperiment('queries', {
      artifactLocation: '/tmp/queries',
      tags: { team: 'ds' },
    });
    await expect(createExperiment('queries')).rejects.toMatchObject({
      kind: 'domain',
      code: 'RESOURCE_ALREADY_EXISTS',
    });
    expect(await getExperiment(id)).toMatchObject({ name: 'queries', tags: { team: 'ds' } });
    expect((await getExperimentByName('queries'))?.experimentId).toBe(id);
    expect(await getExperimentByName('nope')).toBeNull();
    for (const lr of [0.1, 0.2, 0.3]) {
      await withRun({ experimentId: id, runName: `lr-${lr}` }, () => {
        logParam('lr', lr);
        logMetric('acc', lr * 2);
      });
    }
    const runs = await searchRuns({ experimentIds: [id] });
    expect(runs.map((r) => r.info.name)).toEqual(['lr-0.3', 'lr-0.2', 'lr-0.1']);
    const table = runsToTable(runs);
    expect(table[0]).toMatchObject({ 'params.lr': '0.3', 'metrics.acc': 0.6, runName: 'lr-0.3' });
    expect(table[0]?.['tags.mlflow.runName']).toBe('lr-0.3');
    expect((await searchRuns({ experimentIds: [id], maxResults: 2 })).length).toBe(2);
    const filtered = await searchRuns({
      experimentIds: [id],
      filter: "params.lr != '0.2' AND metrics.acc > 0.1",
      orderBy: ['metrics.acc ASC'],
    });
    expect(filtered.map((r) => r.info.name)).toEqual(['lr-0.1', 'lr-0.3']);
    await expect(searchRuns({ experimentIds: [id], filter: 'params.lr OR 1' })).rejects.toThrow(
      TrackingError,
    );
    expect((await searchExperiments({ filter: "name = 'queries'" })).map((e) => e.name)).toEqual([
      'queries',
    ]);
    const names = (await searchExperiments()).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Default', 'fluent-e2e', 'queries']));
    expect(getTrackingUri()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });
});
