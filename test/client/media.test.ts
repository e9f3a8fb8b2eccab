import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  InvalidValueError,
  LOGGED_ARTIFACTS_TAG,
  listArtifacts,
  logFigure,
  logImage,
  logTable,
  logText,
  MlflowClient,
  setExperiment,
  setTrackingUri,
  withRun,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let dir: string;
let client: MlflowClient;
let experimentId: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trackql-media-'));
  t = await createTestApp({ config: { artifactRoot: path.join(dir, 'store') } });
  const url = await t.listen();
  setTrackingUri(url);
  client = new MlflowClient({ trackingUri: url });
  experimentId = (await setExperiment(uniqueName('media'))).experimentId;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The stored bytes of a run's artifact file, read from the artifact root on disk. */
const stored = (runId: string, file: string) =>
  readFileSync(path.join(dir, 'store', experimentId, runId, 'artifacts', file));

// a 1x1 PNG and the start of a JPEG
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>';

describe('media logging', () => {
  it('stores images and figures byte for byte, checking format against extension', async () => {
    const runId = await withRun({ runName: 'images' }, async (run) => {
      await logImage(PNG, 'plots/dot.png');
      await logImage(JPEG, 'photo.jpeg');
      await logImage(SVG, 'plots/shape.svg');
      const plotly = {
        data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }],
        layout: { title: 'loss' },
      };
      await logFigure(plotly, 'figures/loss.json');
      const vega = {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        mark: 'bar',
        data: { values: [{ a: 1 }] },
      };
      await logFigure(vega, 'figures/bar.json');
      await logFigure(PNG, 'figures/render.png');
      return run.runId;
    });
    expect(stored(runId, 'plots/dot.png').equals(PNG)).toBe(true);
    expect(stored(runId, 'photo.jpeg').equals(Buffer.from(JPEG))).toBe(true);
    expect(stored(runId, 'plots/shape.svg').toString()).toBe(SVG);
    expect(JSON.parse(stored(runId, 'figures/loss.json').toString()).layout.title).toBe('loss');
    expect(JSON.parse(stored(runId, 'figures/bar.json').toString()).mark).toBe('bar');
    expect(stored(runId, 'figures/render.png').equals(PNG)).toBe(true);

    // refused before anything is written
    const bad: [Promise<unknown>, string][] = [
      [client.logImage(runId, JPEG, 'x.png'), 'artifactFile'],
      [client.logImage(runId, Buffer.from('GIF89a'), 'x.gif'), 'image'],
      [client.logImage(runId, '<html></html>', 'x.svg'), 'image'],
      [client.logImage(runId, PNG, '../x.png'), 'artifactFile'],
      [client.logFigure(runId, { foo: 1 }, 'x.json'), 'figure'],
      [client.logFigure(runId, { data: [] }, 'x.html'), 'artifactFile'],
    ];
    for (const [p, field] of bad) {
      await expect(p).rejects.toBeInstanceOf(InvalidValueError);
      await expect(p).rejects.toMatchObject({ field });
    }
    const root = (await listArtifacts('', runId)).map((f) => f.path);
    expect(root).toEqual(['figures', 'photo.jpeg', 'plots']);
  });

  it("logs tables as MLflow's {columns, data}, appending rows and listing the file in a tag", async () => {
    const run = await client.createRun(experimentId, { runName: 'tables' });
    const runId = run.info.runId;
    await client.logTable(runId, [{ q: 'a', score: 1 }, { q: 'b' }], 'eval/results.json');
    expect(JSON.parse(stored(runId, 'eval/results.json').toString())).toEqual({
      columns: ['q', 'score'],
      data: [
        ['a', 1],
        ['b', null],
      ],
    });
    // appended: columns matched by name, a new column at the end
    await client.logTable(
      runId,
      { columns: ['score', 'note'], data: [[2, 'x']] },
      'eval/results.json',
    );
    await client.logTable(runId, { q: ['c'], score: [3] }, 'eval/results.json');
    expect(JSON.parse(stored(runId, 'eval/results.json').toString())).toEqual({
      columns: ['q', 'score', 'note'],
      data: [
        ['a', 1, null],
        ['b', null, null],
        [null, 2, 'x'],
        ['c', 3, null],
      ],
    });
    await client.logTable(runId, [{ x: 1 }], 'other.json');
    const tags = (await client.getRun(runId)).data.tags;
    expect(JSON.parse(tags[LOGGED_ARTIFACTS_TAG]!)).toEqual([
      { path: 'eval/results.json', type: 'table' },
      { path: 'other.json', type: 'table' },
    ]);

    await expect(client.logTable(runId, [{ x: 1 }], 't.csv')).rejects.toMatchObject({
      field: 'artifactFile',
    });
    await expect(
      client.logTable(runId, { columns: ['a', 'b'], data: [[1]] }, 't.json'),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE', field: 'data' });
    await expect(client.logTable(runId, [1, 2] as never, 't.json')).rejects.toMatchObject({
      field: 'data',
    });
    await client.logText(runId, '{"not": "a table"}', 'plain.json');
    await expect(client.logTable(runId, [{ x: 1 }], 'plain.json')).rejects.toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
    });
    expect(stored(runId, 'plain.json').toString()).toBe('{"not": "a table"}');
    expect((await listArtifacts('', runId)).map((f) => f.path)).not.toContain('t.json');
  });

  it('works from the fluent API on the active run', async () => {
    const runId = await withRun({ runName: 'fluent-table' }, async (run) => {
      await logTable([{ epoch: 1, acc: 0.5 }], 'metrics.json');
      await logTable([{ epoch: 2, acc: 0.7 }], 'metrics.json');
      await logText('x', 'unrelated.txt');
      return run.runId;
    });
    expect(JSON.parse(stored(runId, 'metrics.json').toString()).data).toEqual([
      [1, 0.5],
      [2, 0.7],
    ]);
  });
});
