import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { START_ARGS } from '../helpers/start-args.ts';
import { cloneTemplate } from '../setup/database.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'trackql-start-'));
// the embedded cluster runs as the `postgres` user when tests run as root
chmodSync(dataDir, 0o755);

interface Started {
  proc: ChildProcess;
  url: string;
  logs: string[];
}

/** The environment of `npm start` on the embedded database in `dataDir`, plus `extra`. */
function startEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    TRACKQL_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  return { ...env, ...extra };
}

function spawnStart(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...START_ARGS, 'server/scripts/start.mjs'], { cwd: root, env });
}

/** Starts the server as `npm start` does (server/scripts/start.mjs), on the embedded database in `dataDir`. */
function start(extra: NodeJS.ProcessEnv = {}): Promise<Started> {
  const proc = spawnStart(startEnv(extra));
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${logs.join('')}`)),
      START_MS,
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

/** Runs `npm start` expecting it to fail; resolves with its exit code and what it wrote. */
function failedStart(
  extra: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const proc = spawnStart(startEnv(extra));
  let stderr = '';
  let stdout = '';
  proc.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  proc.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stderr, stdout })));
}

/** Names of the processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): string[] {
  const names: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, name, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
      if (Number(rest?.split(' ')[1]) === pid) names.push(name ?? '');
    } catch {
      // the process ended meanwhile
    }
  }
  return names;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Longest wait for a start (a loaded machine takes its time; the tests wait on the process, not a clock). */
const START_MS = 150_000;

describe('npm start on the embedded database', () => {
  it(
    'starts with no database configured, serves health checks, keeps data across restarts and stops cleanly',
    async () => {
      const first = await start();
      // nothing runs beside the server but its embedded PostgreSQL, and nothing is built into the source tree
      expect(childrenOf(first.proc.pid!).filter((n) => !n.startsWith('postgres'))).toEqual([]);
      expect(existsSync(path.join(root, 'server/.build'))).toBe(false);
      // the server bundle (a folder), beside the `trackql` command's bundle (cli-<hash>) and the web UI's build
      // (client/ui/build.mjs; UI tests may be building one)
      const cached = readdirSync(path.join(root, 'node_modules/.cache/trackql'));
      expect(
        cached.filter((f) => !f.startsWith('cli-') && !/^ui-[0-9a-f]{16}(\.\d+\.tmp)?$/.test(f)),
      ).toEqual([expect.stringMatching(/^main-[0-9a-f]{16}$/)]);
      expect(cached.filter((f) => /^ui-[0-9a-f]{16}$/.test(f))).toHaveLength(1);
      const base = first.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // the web UI is built and served at /
      const page = await fetch(`${base}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toMatch(
        /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/,
      );
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
    },
    2 * START_MS,
  );
});

describe('npm start failures: one line on stderr, non-zero exit', () => {
  const oneLine = (stderr: string, what: RegExp) => {
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^trackql: cannot start: /);
    expect(lines[0]).toMatch(what);
  };

  it(
    'exits when the port is taken (EADDRINUSE), instead of hanging',
    async () => {
      const db = await cloneTemplate(inject('baseUrl'), inject('template'));
      const first = await start({ DATABASE_URL: db.url });
      try {
        const port = new URL(first.url).port;
        const second = await failedStart({ DATABASE_URL: db.url, PORT: port });
        expect(second.code).toBe(1);
        oneLine(second.stderr, new RegExp(`127\\.0\\.0\\.1:${port} is already in use`));
      } finally {
        expect(await stop(first)).toBe(0);
        await db.drop();
      }
    },
    2 * START_MS,
  );

  it(
    'exits on a bad configuration, an unreachable database and an unusable data folder',
    async () => {
      const file = path.join(dataDir, 'not-a-folder');
      writeFileSync(file, '');
      const [config, database, folder] = await Promise.all([
        failedStart({ PORT: 'eighty' }),
        failedStart({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }),
        failedStart({ TRACKQL_DATA_DIR: path.join(file, 'data') }),
      ]);
      for (const r of [config, database, folder]) expect(r.code).toBe(1);
      oneLine(config.stderr, /invalid configuration: .*PORT/);
      oneLine(database.stderr, /cannot use the database \(DATABASE_URL\): .*ECONNREFUSED/);
      oneLine(
        folder.stderr,
        /data folder .* \(TRACKQL_DATA_DIR\) is not usable: .* is not a folder/,
      );
    },
    START_MS,
  );
});
