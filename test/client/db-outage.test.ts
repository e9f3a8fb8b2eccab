import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  configureLogging,
  endRun,
  flush,
  getClient,
  logMetric,
  operations,
  setTrackingUri,
  startRun,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedDatabase,
  freePort,
  startEmbeddedPostgres,
} from '../../server/db/embedded.ts';
import { initOrm } from '../../server/db/orm.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** How long the database stays down (`OUTAGE_MS` to change). */
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 10_000);

/**
 * A database outage under a logging client: the server's own PostgreSQL (an embedded instance
 * started here, not the shared one) is stopped for OUTAGE_MS and started again.
 */
describe('a database outage', () => {
  let dir: string;
  let port: number;
  let db: EmbeddedDatabase;
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'trackql-outage-pg-'));
    // the cluster runs as the `postgres` user when tests run as root
    chmodSync(dir, 0o755);
    port = await freePort();
    db = await startEmbeddedPostgres(path.join(dir, 'data'), { port });
    await (await initOrm(db.url)).close();
    t = await createTestApp({ shareDatabaseWith: { databaseUrl: db.url } });
    url = await t.listen();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 TEMPORARILY_UNAVAILABLE meanwhile, and the fluent client loses and duplicates nothing', async () => {
    setTrackingUri(url);
    configureLogging({
      flushIntervalMs: 20,
      maxBatchPoints: 200,
      retryBaseMs: 50,
      retryMaxMs: 1000,
      maxRetries: 1000,
    });
    const run = await startRun();
    let step = 0;
    let logging = true;
    const logger = (async () => {
      while (logging) {
        for (let i = 0; i < 20; i++) logMetric('loss', step * 0.5, step++);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await new Promise((r) => setTimeout(r, 1_000));

    await db.stop();
    const downAt = Date.now();
    const gql = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ run(runId: "${run.runId}") { runId } }` }),
    });
    expect(gql.status).toBe(503);
    const body = (await gql.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('TEMPORARILY_UNAVAILABLE');
    const rest = await fetch(
      url.replace('/graphql', `/api/2.0/mlflow/runs/get?run_id=${run.runId}`),
    );
    expect(rest.status).toBe(503);
    expect(await rest.json()).toMatchObject({ error_code: 'TEMPORARILY_UNAVAILABLE' });
    const artifact = await fetch(url.replace('/graphql', `/artifacts/${run.runId}/model.txt`));
    expect(artifact.status).toBe(503);
    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', failing: ['database'] });

    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - downAt))));
    db = await startEmbeddedPostgres(path.join(dir, 'data'), { port });
    await new Promise((r) => setTimeout(r, 1_000));
    logging = false;
    await logger;
    await flush();
    await endRun();

    const history = await operations.getMetricHistory(getClient(), run.runId, 'loss');
    expect(history.length).toBe(step);
    expect(new Set(history.map((p) => p.step)).size).toBe(step);
    expect(history.every((p) => p.value === Number(p.step) * 0.5)).toBe(true);
  }, 120_000);
});
