import {
  endRun,
  flush,
  getMetricHistory,
  InvalidValueError,
  logMetric,
  logMetrics,
  MlflowClient,
  setExperiment,
  setTrackingUri,
  startRun,
  watchMetrics,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** bigint steps over the whole int64 range through the client packages, both ways. */

const MAX = 2n ** 63n - 1n;
const ABOVE = 2n ** 53n + 1n;

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
  setTrackingUri(url);
  await setExperiment('int64-steps');
});
afterAll(() => t.close());

describe('client packages: int64 steps', () => {
  it('fluent logMetric/logMetrics send bigint steps exactly; history gives bigints only beyond ±(2^53-1)', async () => {
    const run = await startRun({ runName: 'wide' });
    logMetric('s', 1, MAX);
    logMetric('s', 2, { step: -MAX });
    logMetrics({ s: 3 }, ABOVE);
    logMetric('s', 4, { step: -ABOVE });
    logMetric('s', 5, 7n); // a safe bigint goes as a number and comes back as one
    logMetric('s', 6, 3);
    await flush();
    const history = await getMetricHistory(run.runId, 's');
    expect(history.map((p) => [p.step, p.value])).toEqual([
      [-MAX, 2],
      [-ABOVE, 4],
      [3, 6],
      [7, 5],
      [ABOVE, 3],
      [MAX, 1],
    ]);
    await endRun();
  });

  it('refuses 2^63 and -(2^63)-1 at the call, with INVALID_PARAMETER_VALUE', () => {
    for (const step of [2n ** 63n, -(2n ** 63n) - 1n]) {
      let err: unknown;
      try {
        logMetric('s', 1, step);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidValueError);
      expect((err as InvalidValueError).code).toBe('INVALID_PARAMETER_VALUE');
      expect((err as InvalidValueError).message).toMatch(/outside the int64 range/);
    }
  });

  it('MlflowClient.logBatch and getMetricHistory; watchMetrics yields bigint steps', async () => {
    const client = new MlflowClient({ trackingUri: url });
    const experimentId = await client.createExperiment(`int64-${Date.now()}`);
    const run = await client.createRun(experimentId);
    const ctl = new AbortController();
    const seen: (number | bigint)[] = [];
    const watching = (async () => {
      for await (const u of watchMetrics({
        url,
        runId: run.info.runId,
        afterSeq: 0,
        signal: ctl.signal,
      })) {
        for (const m of u.metrics) seen.push(...m.steps);
        if (seen.length >= 3) ctl.abort();
      }
    })();
    await client.logBatch(run.info.runId, {
      metrics: [
        { key: 'b', value: 1, step: MAX, timestamp: 1 },
        { key: 'b', value: 2, step: -ABOVE, timestamp: 1 },
        { key: 'b', value: 3, step: 0n, timestamp: 1 },
      ],
    });
    expect((await client.getMetricHistory(run.info.runId, 'b')).map((p) => p.step)).toEqual([
      -ABOVE,
      0,
      MAX,
    ]);
    await watching;
    expect(seen).toEqual([MAX, -ABOVE, 0]);
  });
});
