import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun, uniqueName } from '../helpers/seed.ts';
import { screenshot, startUi, type UiHarness } from './harness.ts';

// a real browser on a shared machine: generous limits (a hung page still fails)
vi.setConfig({ testTimeout: 90_000, expect: { poll: { timeout: 15_000, interval: 50 } } });

let h: UiHarness;

beforeAll(async () => {
  h = await startUi();
});

afterAll(async () => {
  await h?.close();
});

/** Logs `values` of `key` at consecutive steps from `from`, with a param or two. */
async function log(
  runId: string,
  key: string,
  values: number[],
  from = 0,
  params: { key: string; value: string }[] = [],
) {
  const res = await h.t.execute(LogBatch, {
    input: {
      runId,
      params,
      metrics: [{ key, values, steps: values.map((_, i) => from + i) }],
    },
  });
  expect(res.logBatch.__typename).toBe('BatchAck');
}

/** The run names of the table's rows, in order. */
async function rowNames(): Promise<string[]> {
  return h.page.locator('[data-testid=runs] tbody tr td:nth-child(2) a').allTextContents();
}

describe('web UI: experiments and runs', () => {
  it('serves the page at / and client routes, creates an experiment, and loads nothing from elsewhere', async () => {
    const { page, base } = h;
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Experiments' }).waitFor();
    await page.locator('[data-testid=experiments] tbody tr').first().waitFor();
    await screenshot(h, 'experiments');
    const name = uniqueName('ui-exp');
    await page.getByLabel('New experiment name').fill(name);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/experiments\/\d+$/);
    await page.getByRole('heading', { name }).waitFor();
    // a client route loaded directly gets the page too; API paths never do
    const direct = await fetch(page.url());
    expect(direct.headers.get('content-type')).toContain('text/html');
    const health = await fetch(`${base}/healthz`);
    expect(health.headers.get('content-type') ?? '').not.toContain('text/html');
    expect((await fetch(`${base}/api/2.0/mlflow/experiments/get?experiment_id=0`)).status).toBe(
      200,
    );
    expect(h.foreign).toEqual([]);
  });

  it('searches, renames, deletes and restores experiments', async () => {
    const { page, base } = h;
    const name = uniqueName('ui-life');
    await seedExperiment(h.t, name);
    await page.goto(`${base}/`);
    await page.getByLabel('Search experiments').fill(name);
    const rows = page.locator('[data-testid=experiments] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    page.once('dialog', (d) => void d.accept(`${name}-renamed`));
    await rows.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => rows.locator('a').textContent()).toBe(`${name}-renamed`);
    await rows.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByLabel('Deleted').check();
    await expect.poll(() => rows.count()).toBe(1);
    await rows.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByLabel('Deleted').uncheck();
    await expect.poll(() => rows.locator('a').textContent()).toBe(`${name}-renamed`);
  });

  it('filters, sorts and pages through runs, shows a bad filter at its character, nests children and updates live', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const accs = [0.3, 0.9, 0.6];
    const runs: string[] = [];
    for (const [i, acc] of accs.entries()) {
      const id = await seedRun(h.t, exp, { runName: `run-${i}`, startTime: 1_700_000_000_000 + i });
      await log(id, 'acc', [acc / 2, acc], 0, [{ key: 'lr', value: String(0.1 * (i + 1)) }]);
      runs.push(id);
    }
    await seedRun(h.t, exp, {
      runName: 'child-of-1',
      startTime: 1_600_000_000_000,
      tags: [{ key: 'mlflow.parentRunId', value: runs[1]! }],
    });
    await page.goto(`${base}/experiments/${exp}`);
    await page.locator('[data-testid=runs] tbody tr').nth(3).waitFor();
    // newest first, the child right under its parent
    expect(await rowNames()).toEqual(['run-2', 'run-1', 'child-of-1', 'run-0']);
    expect(await page.locator('tr.child').count()).toBe(1);
    await screenshot(h, 'runs-table');

    await page.getByLabel('Filter runs').fill('metrics.acc > 0.5');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(rowNames).toEqual(['run-2', 'run-1']);

    // sort by the metric column: descending, then ascending
    await page.getByLabel('Filter runs').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    // (children stay under their parent, wherever the order puts it)
    await page.locator('th[data-column="m:acc"]').click();
    await expect.poll(rowNames).toEqual(['run-1', 'child-of-1', 'run-2', 'run-0']);
    await page.locator('th[data-column="m:acc"]').click();
    await expect.poll(rowNames).toEqual(['run-0', 'run-2', 'run-1', 'child-of-1']);
    await page.locator('th[data-column="m:acc:min"]').click();
    await expect.poll(rowNames).toEqual(['run-1', 'child-of-1', 'run-2', 'run-0']);
    await page.locator('th[data-column="p:lr"]').click();
    await expect.poll(rowNames).toEqual(['run-2', 'run-1', 'child-of-1', 'run-0']);

    const bad = 'metrics.acc > 0.5 AND params.lr ~ 1';
    await page.getByLabel('Filter runs').fill(bad);
    await page.getByRole('button', { name: 'Search' }).click();
    const error = page.getByTestId('filter-error');
    await error.waitFor();
    const offset = Number(await error.getAttribute('data-offset'));
    expect(offset).toBe(bad.indexOf('~'));
    expect(await error.locator('pre').textContent()).toBe(`${bad}\n${' '.repeat(offset)}^`);
    await screenshot(h, 'runs-filter-error');

    // live: a run started by a script appears, its end shows without reload
    await page.getByLabel('Filter runs').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(rowNames).toHaveLength(4);
    const late = await seedRun(h.t, exp, { runName: 'late-run' });
    await expect.poll(rowNames, { timeout: 10_000 }).toContain('late-run');
    const res = await h.t.executeRaw(
      'mutation($id: String!) { updateRun(input: { runId: $id, status: FINISHED }) { __typename } }',
      { id: late },
    );
    expect(res.errors).toBeUndefined();
    await expect
      .poll(() =>
        page.locator(`tr[data-run-id="${late}"] td[data-column="a:status"]`).textContent(),
      )
      .toBe('FINISHED');
  });

  it('pages through runs with cursors', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    for (let i = 0; i < 55; i++) {
      await seedRun(h.t, exp, {
        runName: `r${String(i).padStart(2, '0')}`,
        startTime: 1_700_000_000_000 + i,
      });
    }
    await page.goto(`${base}/experiments/${exp}`);
    await expect.poll(rowNames).toHaveLength(50);
    expect((await rowNames())[0]).toBe('r54');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(rowNames).toEqual(['r04', 'r03', 'r02', 'r01', 'r00']);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(async () => (await rowNames())[0]).toBe('r54');
  });

  it('draws wide steps exactly: the live chart and the summary keep steps near 2^63-1', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const runId = await seedRun(h.t, exp, { runName: 'wide' });
    const wide = async (steps: string[]) => {
      const res = await h.t.execute(LogBatch, {
        input: { runId, metrics: [{ key: 'w', values: steps.map((_, i) => i), steps }] },
      });
      expect(res.logBatch.__typename).toBe('BatchAck');
    };
    // as doubles these are all 2^63: only exact steps tell them apart
    await wide(['9223372036854775000', '9223372036854775001']);
    await page.goto(`${base}/runs/${runId}`);
    const chart = page.getByTestId('chart-w');
    await expect.poll(() => chart.getAttribute('data-last-step')).toBe('9223372036854775001');
    await wide(['9223372036854775807']);
    await expect.poll(() => chart.getAttribute('data-last-step')).toBe('9223372036854775807');
    const summary = page
      .locator('section', { hasText: 'Metrics' })
      .locator('table.grid tbody tr td');
    await expect.poll(() => summary.nth(2).textContent()).toBe('9223372036854775807');
  });

  it('draws a run metric live: the chart advances while a script logs, without reload', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const runId = await seedRun(h.t, exp, {
      runName: 'live',
      tags: [
        { key: 'mlflow.note.content', value: 'a note about this run' },
        { key: 'mlflow.source.git.commit', value: 'abc123' },
      ],
    });
    await log(
      runId,
      'loss',
      Array.from({ length: 10 }, (_, i) => 1 / (i + 1)),
    );
    await page.goto(`${base}/runs/${runId}`);
    const chart = page.getByTestId('chart-loss');
    await expect.poll(() => chart.getAttribute('data-last-step')).toBe('9');
    await expect
      .poll(() => page.getByTestId('run-note').textContent())
      .toContain('a note about this run');
    for (let b = 1; b <= 5; b++) {
      await log(
        runId,
        'loss',
        Array.from({ length: 10 }, (_, i) => 1 / (b * 10 + i + 1)),
        b * 10,
      );
      await expect.poll(() => chart.getAttribute('data-last-step')).toBe(String(b * 10 + 9));
    }
    // the summary table follows a running run too (read again every 2 s)
    const summary = page
      .locator('section', { hasText: 'Metrics' })
      .locator('table.grid tbody tr td');
    await expect.poll(() => summary.nth(2).textContent()).toBe('59');
    await page.evaluate(() => window.scrollTo(0, 440));
    await screenshot(h, 'run');
    // the browser holds buckets, not points: at most one per two pixels
    expect(Number(await chart.getAttribute('data-buckets'))).toBeLessThanOrEqual(60);
    // zoom: dragging across steps ~10..30 subscribes again for that range only
    const over = (await chart.locator('.u-over').boundingBox())!;
    await page.mouse.move(over.x + over.width * 0.2, over.y + over.height / 2);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width * 0.5, over.y + over.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => chart.getAttribute('data-range')).toMatch(/^\d+\.\.\d+$/);
    const [lo, hi] = (await chart.getAttribute('data-range'))!.split('..').map(Number);
    expect(lo).toBeGreaterThan(5);
    expect(hi).toBeLessThan(40);
    await expect.poll(async () => Number(await chart.getAttribute('data-last-step'))).toBe(hi);
    await chart.getByRole('button', { name: 'Reset zoom' }).click();
    await expect.poll(() => chart.getAttribute('data-last-step')).toBe('59');
    // the switch to wall time subscribes again and draws the same points
    await chart.getByLabel('x-axis').selectOption('WALL_TIME');
    await expect.poll(() => chart.getAttribute('data-last-step')).toBe('59');
    expect(h.foreign).toEqual([]);
  });

  it('compares two runs: one chart, a diff table and a scatter', async () => {
    const { page, base } = h;
    const exp = await seedExperiment(h.t);
    const a = await seedRun(h.t, exp, { runName: 'cmp-a' });
    const b = await seedRun(h.t, exp, { runName: 'cmp-b' });
    await log(a, 'acc', [0.1, 0.5, 0.7], 0, [
      { key: 'lr', value: '0.1' },
      { key: 'opt', value: 'sgd' },
    ]);
    await log(b, 'acc', [0.2, 0.4, 0.9, 0.95], 0, [
      { key: 'lr', value: '0.01' },
      { key: 'opt', value: 'sgd' },
    ]);
    await page.goto(`${base}/experiments/${exp}`);
    await page.getByLabel('Select cmp-a').check();
    await page.getByLabel('Select cmp-b').check();
    await page.getByRole('button', { name: 'Compare (2)' }).click();
    await page.waitForURL(/\/compare\?experiment=\d+&runs=/);
    await expect.poll(() => page.getByTestId('compare-chart').getAttribute('data-runs')).toBe('2');
    const diff = page.getByTestId('diff-table');
    await expect.poll(() => diff.locator('tr.diff').count()).toBe(2);
    expect(await diff.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByTestId('scatter').getAttribute('data-points')).toBe('2');
    await screenshot(h, 'compare');
    // without the experiment in the address, each run is read by id
    await page.goto(`${base}/compare?runs=${b},${a}`);
    await expect
      .poll(() => diff.locator('thead th').allTextContents())
      .toEqual(['', 'cmp-b', 'cmp-a']);
    await expect.poll(() => page.getByTestId('compare-chart').getAttribute('data-runs')).toBe('2');
  });
});
