import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { START_ARGS } from '../helpers/start-args.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'trackql-start-'));
// the embedded cluster runs as the `postgres` user when tests run as root
chmodSync(dataDir, 0o755);

interface Started {
  proc: ChildProcess;
  url: string;
  logs: string[];
}

/** Starts the server as `npm start` does (server/scripts/start.mjs), on the embedded database in `dataDir`. */
function start(): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    TRACKQL_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, [...START_ARGS, 'server/scripts/start.mjs'], {
    cwd: root,
    env,
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${logs.join('')}`)),
      45_000,
    );
    proc.stderr?.on('data', (d) => logs.push(String(d)));
    proc.stdout?.on('data', (d) => {
      logs.push(String(d));
      const m = /"url":"([^"]+)"/.exec(String(d));
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: m[1], logs });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}:\n${logs.join('')}`)));
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.proc.removeAllListeners('exit');
    s.proc.on('exit', (code) => resolve(code));
    s.proc.kill('SIGTERM');
  });
}

async function gql(url: string, query: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start on the embedded database', () => {
  it('starts with no database configured, serves health checks, keeps data across restarts and stops cleanly', async () => {
    const first = await start();
    const base = first.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const created = await gql(
      first.url,
      'mutation { createExperiment(input: { name: "persisted" }) { __typename } }',
    );
    expect(created).toEqual({
      data: { createExperiment: { __typename: 'CreateExperimentSuccess' } },
    });
    expect(await stop(first)).toBe(0);
    expect(first.logs.join('')).toContain('"msg":"stopped"');

    const second = await start();
    const found = await gql(
      second.url,
      '{ experimentByName(name: "persisted") { name } default: experiment(experimentId: "0") { name } }',
    );
    expect(found).toEqual({
      data: { experimentByName: { name: 'persisted' }, default: { name: 'Default' } },
    });
    expect(await stop(second)).toBe(0);
  });
});
