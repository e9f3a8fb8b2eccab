import {
  createExperiment,
  createTrackingClient,
  endRun,
  flush,
  getClient,
  getRun,
  getTrackingUri,
  InvalidValueError,
  initializeLoggedModel,
  logMetric,
  logMetrics,
  logModelParams,
  logParam,
  logParams,
  operations,
  setExperiment,
  setTag,
  setTags,
  setTrackingUri,
  startRun,
  TrackingError,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
  setTrackingUri(url);
  await setExperiment('input-checks');
});
afterAll(() => t.close());

/** Runs `fn` and returns what it threw (synchronously or as a rejection). */
async function thrown(fn: () => unknown): Promise<InvalidValueError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidValueError);
    expect(e).toBeInstanceOf(TrackingError);
    const err = e as InvalidValueError;
    expect(err.kind).toBe('domain');
    expect(err.code).toBe('INVALID_PARAMETER_VALUE');
    return err;
  }
  throw new Error('expected an InvalidValueError');
}

// values cast through unknown: these are the calls an untyped caller (JS, JSON input) makes
const bad = <T>(v: unknown) => v as T;

describe('logging calls check their input before queueing', () => {
  it('rejects metric values that are not numbers, keeps NaN and ±Infinity, stores nothing else', async () => {
    const run = await startRun({ runName: 'bad-values' });
    for (const v of ['abc', null, undefined, {}, '0.5', true, 1n, [1]]) {
      const err = await thrown(() => logMetric('m', bad<number>(v)));
      expect(err.field).toBe('value');
      expect(err.message).toMatch(/must be a number/);
    }
    const batch = await thrown(() => logMetrics({ ok: 1, broken: bad<number>('2') }));
    expect(batch.field).toBe('metrics.broken');
    await thrown(() => logMetrics(bad<Record<string, number>>(null)));
    logMetric('m', Number.NaN, 0);
    logMetric('m', Number.POSITIVE_INFINITY, 1);
    logMetric('m', Number.NEGATIVE_INFINITY, 2);
    logMetric('m', 0.5, 3);
    await flush();
    const history = await operations.getMetricHistory(getClient(), run.runId, 'm');
    expect(history.map((p) => p.value)).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0.5,
    ]);
    // nothing of the rejected logMetrics call was queued, not even its valid key
    expect((await getRun(run.runId))?.data.metrics).toEqual({ m: 0.5 });
    await endRun();
  });

  it('rejects fractional, non-numeric and out-of-range steps; accepts bigint over the int64 range', async () => {
    const run = await startRun({ runName: 'bad-steps' });
    for (const s of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', 2 ** 53]) {
      expect((await thrown(() => logMetric('s', 1, bad<number>(s)))).field).toBe('step');
      expect((await thrown(() => logMetric('s', 1, { step: bad<number>(s) }))).field).toBe('step');
      await thrown(() => logMetrics({ s: 1 }, bad<number>(s)));
    }
    const beyond = await thrown(() => logMetric('s', 1, 2n ** 63n));
    expect(beyond.message).toMatch(/outside the int64 range/);
    await thrown(() => logMetric('s', 1, { step: -(2n ** 63n) - 1n }));
    logMetric('s', 1, 9_007_199_254_740_991n);
    logMetric('s', 2, { step: -5n });
    logMetrics({ s: 3 }, 7n);
    await flush();
    const history = await operations.getMetricHistory(getClient(), run.runId, 's');
    expect(history.map((p) => Number(p.step)).sort((a, b) => a - b)).toEqual([
      -5,
      7,
      Number.MAX_SAFE_INTEGER,
    ]);
    await endRun();
  });

  it('rejects bad timestamps and keys', async () => {
    const run = await startRun({ runName: 'bad-keys' });
    for (const ts of [-1, 1.5, '2024', Number.NaN]) {
      const err = await thrown(() => logMetric('k', 1, { timestamp: bad<number>(ts) }));
      expect(err.field).toBe('timestamp');
      await thrown(() => logMetrics({ k: 1 }, { timestamp: bad<number>(ts) }));
    }
    logMetric('k', 1, { step: 0, timestamp: 1_700_000_000_000n });
    for (const key of ['', 'a//b', '/abs', '../up', 'semi;colon', 'x'.repeat(251)]) {
      expect((await thrown(() => logMetric(key, 1))).field).toBe('key');
      await thrown(() => logParam(key, 'v'));
      await thrown(() => setTag(key, 'v'));
      await thrown(() => logMetrics({ [key]: 1 }));
    }
    expect((await thrown(() => logMetric(bad<string>(7), 1))).message).toMatch(/must be a string/);
    await flush();
    const history = await operations.getMetricHistory(getClient(), run.runId, 'k');
    expect(history).toEqual([{ step: 0, value: 1, timestamp: 1_700_000_000_000 }]);
    await endRun();
  });

  it('types param and tag values: strings, numbers, booleans and bigints only', async () => {
    const run = await startRun({ runName: 'bad-params' });
    for (const v of [null, undefined, {}, [1, 2], () => 1, Symbol('s')]) {
      expect((await thrown(() => logParam('p', bad<string>(v)))).field).toBe('value');
      expect((await thrown(() => setTag('t', bad<string>(v)))).field).toBe('value');
      expect((await thrown(() => logParams({ ok: 1, p: bad<string>(v) }))).field).toBe('params.p');
      expect((await thrown(() => setTags({ ok: 1, t: bad<string>(v) }))).field).toBe('tags.t');
    }
    await thrown(() => logParams(bad<Record<string, string>>('lr=1')));
    logParam('lr', 0.01);
    logParams({ big: 2n ** 60n, flag: true });
    setTag('stage', 'dev');
    await flush();
    const data = (await getRun(run.runId))?.data;
    expect(data?.params).toEqual({ lr: '0.01', big: '1152921504606846976', flag: 'true' });
    expect(data?.tags.stage).toBe('dev');
    expect(data?.tags.ok).toBeUndefined();
    await endRun();
  });

  it('checks tags and params given to run, experiment and logged-model calls', async () => {
    await thrown(() => startRun({ tags: { t: bad<string>({}) } }));
    await thrown(() =>
      createExperiment(`bad-tags-${Date.now()}`, { tags: { t: bad<string>(null) } }),
    );
    await thrown(() => initializeLoggedModel({ params: { p: bad<string>(undefined) } }));
    const model = await initializeLoggedModel({ name: 'checked' });
    await thrown(() => logModelParams({ p: bad<string>([1]) }, model.modelId));
  });

  it('refuses tracking URIs the client cannot use, naming what is supported', async () => {
    const cases: [string, RegExp][] = [
      ['file:///tmp/mlruns', /local file stores/],
      ['./mlruns', /local file stores/],
      ['sqlite:///mlflow.db', /'sqlite:' URIs/],
      ['postgresql://u@h/db', /'postgresql:' URIs/],
      ['databricks', /Databricks/],
      ['databricks://profile', /Databricks/],
    ];
    for (const [uri, why] of cases) {
      const err = await thrown(() => setTrackingUri(uri));
      expect(err.field).toBe('trackingUri');
      expect(err.message).toMatch(why);
      expect(err.message).toMatch(/supports an http:\/\/ or https:\/\/ URL/);
      await thrown(() => createTrackingClient({ url: uri }));
    }
    // the URI in use is unchanged after a refused one
    expect(getTrackingUri()).toBe(url);
  });
});
