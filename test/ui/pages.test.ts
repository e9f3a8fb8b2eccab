import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { LogTrace, span } from '../helpers/trace-documents.ts';
import { screenshot, startUi, type UiHarness } from './harness.ts';

/** A 2×2 PNG (red, green, blue, white). */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64',
  ),
);

// a real browser on a shared machine: generous limits (a hung page still fails)
vi.setConfig({ testTimeout: 90_000, expect: { poll: { timeout: 15_000, interval: 50 } } });

describe('web UI: artifacts, traces, logged models, GraphiQL', () => {
  let h: UiHarness;
  beforeAll(async () => {
    h = await startUi();
  });
  afterAll(async () => {
    await h?.close();
  });

  const put = async (runId: string, path: string, body: string | Uint8Array<ArrayBuffer>) => {
    const res = await fetch(`${h.base}/artifacts/${runId}/${path}`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Blob([body]),
    });
    expect(res.status).toBeLessThan(300);
  };

  it("browses a run's artifacts and previews JSON, tables, text and images", async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const runId = await seedRun(h.t, exp, { runName: 'with-artifacts' });
    await put(runId, 'eval/metrics.json', '{"acc":0.9,"classes":["a","b"]}');
    await put(runId, 'eval/table.csv', 'name,score\n"a, b",1\nc,2\n');
    await put(runId, 'README.txt', 'hello artifacts');
    await put(runId, 'plot.png', PNG);
    await page.goto(`${base}/runs/${runId}`);
    const list = page.getByTestId('artifact-list');
    const preview = page.getByTestId('artifact-preview');
    await list.getByRole('button', { name: 'eval' }).click();
    await list.getByRole('button', { name: 'metrics.json' }).click();
    await expect
      .poll(() => preview.locator('pre').textContent())
      .toContain('"classes": [\n    "a"');
    await list.getByRole('button', { name: 'table.csv' }).click();
    await expect
      .poll(() => preview.locator('td').allTextContents())
      .toEqual(['a, b', '1', 'c', '2']);
    await list.getByRole('button', { name: '..' }).click();
    await list.getByRole('button', { name: 'README.txt' }).click();
    await expect.poll(() => preview.locator('pre').textContent()).toBe('hello artifacts');
    await list.getByRole('button', { name: 'plot.png' }).click();
    await expect
      .poll(() => preview.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(2);
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('plot.png');
    await page.locator('#artifacts').scrollIntoViewIfNeeded();
    await screenshot(h, 'artifacts');
  });

  it('lists traces with a filter and opens one: span tree, timings, inputs, errors', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const t0 = 1_700_000_000_000;
    const root = span('agent', t0, 300, {
      spanType: 'AGENT',
      inputs: JSON.stringify({ question: 'why?' }),
      outputs: JSON.stringify('because'),
    });
    const tool = span('search-tool', t0 + 20, 100, {
      parentSpanId: root.spanId,
      spanType: 'TOOL',
      statusCode: 'ERROR',
      statusMessage: 'index offline',
      events: [
        {
          name: 'exception',
          timeNs: (BigInt(t0 + 100) * 1_000_000n).toString(),
          attributes: [{ key: 'exception.message', value: '"index offline"' }],
        },
      ],
    });
    const llm = span('llm', t0 + 150, 120, { parentSpanId: root.spanId, spanType: 'LLM' });
    const res = await h.t.execute(LogTrace, {
      input: { experimentId: exp, spans: [root, tool, llm] },
    });
    if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error(JSON.stringify(res));
    const traceId = res.logTrace.trace.traceId;
    await page.goto(`${base}/traces?experiment=${exp}`);
    const rows = page.locator('[data-testid=traces] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Filter traces').fill('execution_time_ms > 1000');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByLabel('Filter traces').fill('execution_time_ms > 100');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(h, 'traces');
    await rows.locator('a').first().click();
    await page.waitForURL(`${base}/traces/${traceId}`);
    const tree = page.getByTestId('span-tree');
    await expect
      .poll(() => tree.locator('.span-name').allTextContents())
      .toEqual(['agent AGENT', 'search-tool TOOL', 'llm LLM']);
    expect(await tree.locator('.span-time').allTextContents()).toEqual(['300ms', '100ms', '120ms']);
    const detail = page.getByTestId('span-detail');
    await expect.poll(() => detail.textContent()).toContain('"question": "why?"');
    await tree.getByRole('button', { name: /search-tool/ }).click();
    await expect.poll(() => detail.locator('.error').textContent()).toContain('index offline');
    await screenshot(h, 'trace');
  });

  it('lists logged models with a filter and opens one with its metrics by dataset and source run', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const runId = await seedRun(h.t, exp, { runName: 'trainer' });
    const modelId = await seedModel(h.t, exp, { name: 'clf', sourceRunId: runId });
    await seedModel(h.t, exp, { name: 'other' });
    const ack = await h.t.execute(LogBatch, {
      input: {
        runId,
        metrics: [
          { key: 'rmse', values: [0.4], modelId, datasetName: 'eval', datasetDigest: 'd1' },
        ],
      },
    });
    expect(ack.logBatch.__typename).toBe('BatchAck');
    await page.goto(`${base}/models?experiment=${exp}`);
    const rows = page.locator('[data-testid=models] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('Filter models').fill("name = 'clf'");
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(h, 'models');
    await rows.getByRole('link', { name: 'clf' }).click();
    await page.waitForURL(`${base}/models/${modelId}`);
    await page.getByRole('heading', { name: 'eval (d1)' }).waitFor();
    expect(await page.getByRole('link', { name: 'trainer' }).count()).toBe(1);
  });

  it('serves GraphiQL at /graphql with its assets inline (nothing from a CDN)', async () => {
    const { page, base } = h;
    const before = h.foreign.length;
    await page.goto(`${base}/graphql`);
    // a 9 MB page (the GraphiQL bundle inline): slow to parse on a busy machine
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    expect(h.foreign.slice(before)).toEqual([]);
    await screenshot(h, 'graphiql');
  }, 90_000);
});

describe('web UI with authentication on', () => {
  let h: UiHarness;
  beforeAll(async () => {
    h = await startUi({ config: authOn(), authorization: basic(ADMIN.username, ADMIN.password) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the page without credentials, signs in for a token, then reads and subscribes with it', async () => {
    const { page, base } = h;
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to trackql' }).waitFor();
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.login .error').waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Experiments' }).waitFor();
    await page.getByRole('link', { name: 'Default' }).waitFor();
    const token = await page.evaluate(() => sessionStorage.getItem('trackql.token'));
    expect(token).toMatch(/.{20,}/);
    // the WebSocket subscription carries the token in connection_init: the chart fills
    const runId = await seedRun(h.t, '0', { runName: 'secured' });
    await h.t.execute(
      LogBatch,
      { input: { runId, metrics: [{ key: 'loss', values: [3, 2, 1], steps: [0, 1, 2] }] } },
      { authorization: `Bearer ${token}` },
    );
    // an unauthenticated page load of the API is refused, the UI's files are not
    expect((await fetch(`${base}/api/2.0/mlflow/experiments/get?experiment_id=0`)).status).toBe(
      401,
    );
    expect((await fetch(`${base}/runs/${runId}`)).status).toBe(200);
    await page.getByRole('link', { name: 'Default' }).click();
    await page.getByRole('link', { name: 'secured' }).click();
    await expect
      .poll(() => page.getByTestId('chart-loss').getAttribute('data-last-step'))
      .toBe('2');
  });
});
