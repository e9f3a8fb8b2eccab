import { type ChildProcess, spawn } from 'node:child_process';
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
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/db/embedded.ts';
import { START_ARGS } from '../helpers/start-args.ts';
import { cloneTemplate } from '../setup/database.ts';

const root = path.resolve(import.meta.dirname, '../..');
const START_MS = 90_000;

/** Starts the server as `npm start` does on `databaseUrl` and `port`; resolves once it listens. */
function start(databaseUrl: string, port: number): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'info' };
  const proc = spawn(process.execPath, [...START_ARGS, 'server/scripts/start.mjs'], {
    cwd: root,
    env,
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${logs.join('')}`)), START_MS);
    proc.stderr?.on('data', (d) => logs.push(String(d)));
    proc.stdout?.on('data', (d) => {
      logs.push(String(d));
      if (String(d).includes('trackql listening')) {
        clearTimeout(timer);
        resolve(proc);
      }
    });
    proc.once('exit', (code) => reject(new Error(`server exited ${code}:\n${logs.join('')}`)));
  });
}

function kill9(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.removeAllListeners('exit');
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

describe('kill -9 of the server mid-ingest', () => {
  let db: { url: string; drop: () => Promise<void> };
  let proc: ChildProcess | null = null;
  beforeAll(async () => {
    db = await cloneTemplate(inject('baseUrl'), inject('template'));
  });
  afterAll(async () => {
    if (proc) await kill9(proc);
    await db.drop();
  });

  it('loses no logged point and duplicates none: the fluent client retries across the restart', async () => {
    const port = await freePort();
    proc = await start(db.url, port);
    setTrackingUri(`http://127.0.0.1:${port}/graphql`);
    configureLogging({
      flushIntervalMs: 20,
      maxBatchPoints: 500,
      retryBaseMs: 50,
      retryMaxMs: 1000,
      maxRetries: 1000,
    });
    const run = await startRun();
    let step = 0;
    let logging = true;
    const logger = (async () => {
      while (logging) {
        for (let i = 0; i < 200; i++) logMetric('x', step, step++);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 1_500));
    const killedAt = step;
    await kill9(proc);
    proc = await start(db.url, port);
    await new Promise((r) => setTimeout(r, 1_500));
    logging = false;
    await logger;
    await flush();
    await endRun();
    expect(killedAt).toBeGreaterThan(0);
    expect(step).toBeGreaterThan(killedAt);
    const history = await operations.getMetricHistory(getClient(), run.runId, 'x');
    expect(history.length).toBe(step);
    expect(new Set(history.map((p) => p.step)).size).toBe(step);
    expect(history.every((p) => p.value === p.step)).toBe(true);
  }, 300_000);
});
