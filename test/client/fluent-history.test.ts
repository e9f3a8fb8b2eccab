import {
  endRun,
  getMetricHistory,
  InvalidValueError,
  logMetric,
  setExperiment,
  setTrackingUri,
  startRun,
  TrackingError,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  setTrackingUri(await t.listen());
  await setExperiment('fluent-history');
});
afterAll(() => t.close());

describe('fluent getMetricHistory', () => {
  it('returns every point logged so far, queued ones included, in step order', async () => {
    const run = await startRun();
    for (let step = 2999; step >= 0; step--)
      logMetric('loss', step === 7 ? Number.NaN : step / 2, step);
    // no flush: the call sends what is queued before reading
    const history = await getMetricHistory(run.runId, 'loss');
    expect(history).toHaveLength(3000);
    expect(history.map((p) => p.step)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(history[7]!.value).toBeNaN();
    expect(history[2999]!.value).toBe(1499.5);
    expect(await getMetricHistory(run.runId, 'never-logged')).toEqual([]);
    await endRun();
  });

  it('rejects an unknown run and a malformed key', async () => {
    const err = await getMetricHistory('f'.repeat(32), 'loss').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrackingError);
    expect(err).toMatchObject({ kind: 'domain', code: 'RESOURCE_DOES_NOT_EXIST' });
    await expect(getMetricHistory('f'.repeat(32), 'a//b')).rejects.toBeInstanceOf(
      InvalidValueError,
    );
  });
});
