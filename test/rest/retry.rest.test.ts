import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDropProxy } from '../client/drop-proxy.ts';
import { sseSubscribe } from '../helpers/streams.ts';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
beforeAll(async () => {
  app = await startRestApp();
});
afterAll(() => app.close());

interface SeriesResult {
  run: {
    metricSeries: { steps: number[]; values: number[] };
    tags: { key: string; value: string }[];
  };
}
const SERIES = parse(`query ($id: String!, $key: String!) {
  run(runId: $id) { metricSeries(key: $key) { steps values } tags { key value } }
}`) as TypedDocumentNode<SeriesResult, { id: string; key: string }>;

interface LoggedEvent {
  metricsLogged: { runId: string; metrics: { key: string; steps: number[] }[] };
}
const LOGGED = parse(`subscription ($runId: String!) {
  metricsLogged(runId: $runId) { runId metrics { key steps } }
}`) as TypedDocumentNode<LoggedEvent, { runId: string }>;

async function newRun(): Promise<string> {
  const res = await app.post<{ run: { info: { run_id: string } } }>('runs/create', {
    experiment_id: '0',
  });
  return res.body.run.info.run_id;
}

async function series(id: string, key: string) {
  return (await app.t.execute(SERIES, { id, key })).run;
}

describe('MLflow REST: retries never duplicate points', () => {
  it('a log-batch retried after the connection was cut post-commit is written once', async () => {
    const id = await newRun();
    const proxy = await startDropProxy(app.base, 1);
    const body = JSON.stringify({
      run_id: id,
      metrics: Array.from({ length: 10 }, (_, i) => ({
        key: 'loss',
        value: i,
        timestamp: 1000 + i,
        step: i,
      })),
      tags: [{ key: 'phase', value: 'one' }],
    });
    const headers = { 'content-type': 'application/json' };
    await expect(
      fetch(`${proxy.url}api/2.0/mlflow/runs/log-batch`, { method: 'POST', body, headers }),
    ).rejects.toThrow();
    expect(proxy.drops).toBe(1);
    await proxy.close();
    // the client retries the identical request, as MLflow's Python client does
    const retry = await app.send('POST', 'runs/log-batch', body, headers);
    expect(retry.status).toBe(200);
    const again = await app.send('POST', 'runs/log-batch', body, headers);
    expect(again.status).toBe(200);
    const run = await series(id, 'loss');
    expect(run.metricSeries.steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a retried log-metric is ignored as an exact duplicate; other points still land', async () => {
    const id = await newRun();
    const point = { run_id: id, key: 'acc', value: 0.5, timestamp: 7, step: 1 };
    for (let i = 0; i < 3; i++) expect((await app.post('runs/log-metric', point)).status).toBe(200);
    await app.post('runs/log-metric', { ...point, value: 0.6 });
    await app.post('runs/log-metric', { ...point, timestamp: 8 });
    // exact duplicates inside one batch are dropped too
    await app.post('runs/log-batch', {
      run_id: id,
      metrics: [
        { key: 'acc', value: 0.9, timestamp: 9, step: 2 },
        { key: 'acc', value: 0.9, timestamp: 9, step: 2 },
      ],
    });
    const run = await series(id, 'acc');
    expect(run.metricSeries.values).toEqual([0.5, 0.6, 0.5, 0.9]);
  });

  it('a replayed batch still writes its tags (a tag set back to an earlier value)', async () => {
    const id = await newRun();
    const batch = (value: string) => ({
      run_id: id,
      metrics: [{ key: 'm', value: 1, timestamp: 1, step: 0 }],
      tags: [{ key: 'state', value }],
    });
    await app.post('runs/log-batch', batch('a'));
    await app.post('runs/set-tag', { run_id: id, key: 'state', value: 'b' });
    await app.post('runs/log-batch', batch('a'));
    const run = await series(id, 'm');
    expect(run.metricSeries.values).toEqual([1]);
    expect(run.tags.find((t) => t.key === 'state')?.value).toBe('a');
  });

  it('a REST write reaches GraphQL subscribers at once', async () => {
    const id = await newRun();
    const stream = sseSubscribe(fetch, `${app.base}/graphql`, LOGGED, { runId: id });
    await stream.ready;
    await app.post('runs/log-batch', {
      run_id: id,
      metrics: [{ key: 'live', value: 1, timestamp: 1, step: 3 }],
    });
    const event = await stream.next(5000);
    expect(event.data?.metricsLogged).toEqual({
      runId: id,
      metrics: [{ key: 'live', steps: [3] }],
    });
    await stream.close();
  });
});
