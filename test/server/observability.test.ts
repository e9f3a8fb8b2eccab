import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The value of one sample line of a Prometheus text exposition. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('/readyz', () => {
  it('answers ready with the database (and Redis, when configured) reachable', async () => {
    const t = await createTestApp({ config: { redisUrl: process.env.REDIS_URL } });
    try {
      const res = await t.app.yoga.fetch('http://yoga/readyz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready' });
    } finally {
      await t.close();
    }
  });

  it('names an unreachable Redis without internals', async () => {
    const t = await createTestApp({ config: { redisUrl: 'redis://127.0.0.1:1' } });
    try {
      const res = await t.app.yoga.fetch('http://yoga/readyz');
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: 'unavailable', failing: ['redis'] });
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|6379/);
    } finally {
      await t.close();
    }
  });
});

describe('/metrics', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('counts requests by GraphQL operation and REST route, ingested points and the pool', async () => {
    const experimentId = await seedExperiment(t);
    const runId = await seedRun(t, experimentId);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation Ingest($input: LogBatchInput!) { logBatch(input: $input) { __typename } }`,
          variables: {
            input: {
              runId,
              metrics: [{ key: 'm', values: [1, 2, 3], steps: [i * 3, i * 3 + 1, i * 3 + 2] }],
            },
          },
        }),
      });
      expect(res.status).toBe(200);
    }
    const rest = await fetch(url.replace('/graphql', `/api/2.0/mlflow/runs/get?run_id=${runId}`));
    expect(rest.status).toBe(200);
    const res = await fetch(url.replace('/graphql', '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(
      sample(
        text,
        'trackql_requests_total{transport="graphql",operation="mutation Ingest",status="200"}',
      ),
    ).toBe(2);
    expect(
      sample(
        text,
        'trackql_request_duration_seconds_count{transport="graphql",operation="mutation Ingest"}',
      ),
    ).toBe(2);
    expect(
      sample(
        text,
        'trackql_requests_total{transport="rest",operation="GET /api/2.0/mlflow/runs/get",status="200"}',
      ),
    ).toBe(1);
    expect(sample(text, 'trackql_ingest_points_total')).toBe(6);
    expect(sample(text, 'trackql_db_pool_connections{state="used"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'trackql_live_subscriptions')).toBe(0);
    expect(text).toMatch(/^trackql_process_resident_memory_bytes \d+/m);
  });

  it('counts a live subscription while it streams', async () => {
    const experimentId = await seedExperiment(t);
    const runId = await seedRun(t, experimentId);
    const controller = new AbortController();
    const sub = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription Watch($runId: String!) { metricsLogged(runId: $runId) { seq } }`,
        variables: { runId },
      }),
      signal: controller.signal,
    });
    expect(sub.status).toBe(200);
    const scrape = async () =>
      sample(
        await (await fetch(url.replace('/graphql', '/metrics'))).text(),
        'trackql_live_subscriptions',
      );
    await expect.poll(scrape, { timeout: 5000 }).toBe(1);
    controller.abort();
    await expect.poll(scrape, { timeout: 5000 }).toBe(0);
  });
});

describe('/metrics configuration', () => {
  it('is off when TRACKQL_METRICS=off and, by default, off the loopback interface', async () => {
    expect(loadConfig({ TRACKQL_METRICS: 'off' }).metrics.enabled).toBe(false);
    expect(loadConfig({}).metrics.enabled).toBe(true);
    expect(
      loadConfig({ HOST: '0.0.0.0', TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH: 'on' }).metrics
        .enabled,
    ).toBe(false);
    const t = await createTestApp({ config: { metrics: { enabled: false } } });
    try {
      expect((await t.app.yoga.fetch('http://yoga/metrics')).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('with authentication on, opens to the metrics token and refuses anonymous scrapes', async () => {
    const base = loadConfig({});
    const t = await createTestApp({
      config: {
        security: { ...base.security, authEnabled: true },
        metrics: { enabled: true, token: 'scrape-token-0123456789' },
      },
    });
    try {
      const metricsUrl = (await t.listen()).replace('/graphql', '/metrics');
      expect((await fetch(metricsUrl)).status).toBe(401);
      const wrong = await fetch(metricsUrl, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const ok = await fetch(metricsUrl, {
        headers: { authorization: 'Bearer scrape-token-0123456789' },
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/trackql_requests_total/);
    } finally {
      await t.close();
    }
  });
});
