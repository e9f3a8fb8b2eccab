import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MlflowClient } from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `trackql <args>` as a user would (plain node on the bin script) and collects its output. */
function trackql(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): Promise<Outcome> {
  const cli = path.join(root, 'server/scripts/trackql.mjs');
  const child = spawn(process.execPath, [...nodeArgs, cli, ...args], {
    cwd: root,
    env: { ...process.env, TRACKQL_URL: url, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const ok = async (args: string[], env?: NodeJS.ProcessEnv) => {
  const r = await trackql(args, env);
  expect(r.stderr.includes('trackql: ') ? r.stderr : '').toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

let t: TestApp;
let url: string;
let dir: string;
let client: MlflowClient;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trackql-cli-'));
  t = await createTestApp({ config: { artifactRoot: path.join(dir, 'store') } });
  url = await t.listen();
  client = new MlflowClient({ trackingUri: url });
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

// every call starts a process (and a first one builds the bundle): generous on a busy machine
describe('trackql CLI', { timeout: 180_000 }, () => {
  it('creates and lists experiments, searches and shows runs, exports metrics', async () => {
    const name = uniqueName('cli');
    const id = (await ok(['experiments', 'create', name, '--tag', 'team=risk'])).trim();
    expect((await client.getExperiment(id)).tags).toEqual({ team: 'risk' });
    const listed = JSON.parse(
      await ok(['experiments', 'list', '--filter', `name = '${name}'`, '--output', 'json']),
    );
    expect(listed.map((e: { experimentId: string }) => e.experimentId)).toEqual([id]);

    const runIds: string[] = [];
    for (const acc of [0.2, 0.9, 0.6]) {
      const runId = (await client.createRun(id, { runName: `acc-${acc}` })).info.runId;
      await client.logBatch(runId, {
        metrics: [
          { key: 'acc', value: acc / 2, step: 0, timestamp: 1000 },
          { key: 'acc', value: acc, step: 1, timestamp: 2000 },
        ],
        params: { lr: '0.01' },
      });
      runIds.push(runId);
    }
    const found = JSON.parse(
      await ok([
        'runs',
        'search',
        '--experiment',
        name,
        '--filter',
        'metrics.acc > 0.5',
        '--order-by',
        'metrics.acc DESC',
        '--max-results',
        '5',
        '--output',
        'json',
      ]),
    );
    expect(found.map((r: { info: { name: string } }) => r.info.name)).toEqual([
      'acc-0.9',
      'acc-0.6',
    ]);
    const table = await ok(['runs', 'search', '--experiment', id, '--order-by', 'metrics.acc ASC']);
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(
      /^runId +runName +status +startTime +endTime +metrics\.acc +params\.lr$/,
    );
    expect(lines.slice(2).map((l) => l.split(/ +/)[1])).toEqual(['acc-0.2', 'acc-0.6', 'acc-0.9']);

    const shown = await ok(['runs', 'get', runIds[1]!]);
    expect(shown).toMatch(/^runName +acc-0\.9$/m);
    expect(shown).toMatch(/^params\.lr +0\.01$/m);
    expect(
      JSON.parse(await ok(['runs', 'get', runIds[1]!, '--output', 'json'])).data.metrics,
    ).toEqual({
      acc: 0.9,
    });

    expect(await ok(['metrics', 'export', '--run', runIds[1]!, '--key', 'acc'])).toBe(
      'step,timestamp,value\n0,1000,0.45\n1,2000,0.9\n',
    );
    const json = JSON.parse(
      await ok(['metrics', 'export', '--run', runIds[1]!, '--key', 'acc', '--format', 'json']),
    );
    expect(json).toEqual([
      { step: 0, timestamp: 1000, value: 0.45 },
      { step: 1, timestamp: 2000, value: 0.9 },
    ]);
  });

  it('talks to the server over node:http, without loading undici', async () => {
    // undici's HTTP parser is WebAssembly whose optimising compile Node waits for before it
    // exits: hundreds of milliseconds after a search that read ~100 KB
    const exp = await client.createExperiment(uniqueName('cli-http'));
    for (let i = 0; i < 120; i++) await client.createRun(exp, { runName: `r${i}` });
    const loaded = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nundici '+process.moduleLoadList.some((m)=>m.includes('undici'))))`;
    const r = await trackql(
      ['runs', 'search', '--experiment', exp, '--max-results', '110', '--output', 'json'],
      {},
      ['--import', loaded],
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(110);
    expect(r.stderr).toMatch(/undici false\s*$/);
  });

  it('fails with one line naming the MLflow error code, and exit status 1', async () => {
    const bad = await trackql(['runs', 'search', '--experiment', '0', '--filter', 'metrics.acc >']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^trackql: INVALID_PARAMETER_VALUE.*: Invalid filter/);
    const missing = await trackql(['runs', 'get', 'f'.repeat(32)]);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      `trackql: RESOURCE_DOES_NOT_EXIST: Run with id=${'f'.repeat(32)} not found`,
    ]);
    const uri = await trackql(['experiments', 'list', '--url', 'sqlite:///mlflow.db']);
    expect(uri.code).toBe(1);
    expect(uri.stderr).toContain('supports an http:// or https:// URL');
    const usage = await trackql(['runs', 'search', '--output', 'xml']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("argument 'xml' is invalid");
  });

  it('uploads, lists and downloads artifacts, then gc removes a deleted run and its files', async () => {
    const exp = await client.createExperiment(uniqueName('cli-art'));
    const runId = (await client.createRun(exp)).info.runId;
    const src = path.join(dir, 'src');
    mkdirSync(path.join(src, 'sub'), { recursive: true });
    writeFileSync(path.join(src, 'a.txt'), 'alpha');
    writeFileSync(path.join(src, 'sub', 'b.bin'), Buffer.alloc(2048, 1));
    const uploaded = await ok([
      'artifacts',
      'upload',
      '--run',
      runId,
      src,
      '--artifact-path',
      'data',
    ]);
    expect(
      uploaded
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['data/a.txt', 'data/sub/b.bin']);
    expect(await ok(['artifacts', 'list', '--run', runId, '--path', 'data'])).toMatch(
      /^data\/a\.txt +false +5 +[0-9a-f]{64}$/m,
    );
    const dest = path.join(dir, 'dest');
    await ok(['artifacts', 'download', '--run', runId, '--path', 'data', '--dest', dest]);
    expect(readFileSync(path.join(dest, 'data', 'a.txt'), 'utf8')).toBe('alpha');
    expect(readFileSync(path.join(dest, 'data', 'sub', 'b.bin')).length).toBe(2048);

    await client.deleteRun(runId);
    const tooYoung = await trackql(['gc', '--older-than', '1d', '--run-ids', runId]);
    expect([tooYoung.code, tooYoung.stderr.trim()]).toEqual([
      1,
      `trackql: INVALID_PARAMETER_VALUE (runIds[0]): Run ${runId} was deleted too recently`,
    ]);
    const removed = await trackql(['gc', '--older-than', '0s']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`run ${runId}\n`);
    expect(removed.stderr).toMatch(
      /removed \d+ run\(s\), \d+ experiment\(s\), \d+ artifact file\(s\)/,
    );
    await expect(client.getRun(runId)).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const badAge = await trackql(['gc', '--older-than', 'soon']);
    expect([badAge.code, badAge.stderr]).toEqual([
      1,
      expect.stringMatching(/^trackql: INVALID_PARAMETER_VALUE \(older-than\)/),
    ]);
  });

  it('starts the server with flags mapped to its configuration, and stops it on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'server/scripts/trackql.mjs'),
        'server',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--data-dir',
        path.join(dir, 'data'),
        '--database-url',
        t.databaseUrl,
      ],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'info' } },
    );
    let logs = '';
    const started = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        logs += String(d);
        const m = /"url":"([^"]+)"/.exec(logs);
        if (m?.[1]) resolve(m[1]);
      });
      child.stderr.on('data', (d) => {
        logs += String(d);
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${logs}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const other = new MlflowClient({ trackingUri: started });
    // the same database as the test app: what one writes the other reads
    const id = await client.createExperiment(uniqueName('cli-server'));
    expect((await other.getExperiment(id)).experimentId).toBe(id);
    expect((await fetch(new URL('/healthz', started))).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);

  it('applies migrations with db migrate', async () => {
    expect(await ok(['db', 'migrate', '--database-url', t.databaseUrl])).toBe(
      'applied 0 migration(s)\n',
    );
  });
});

describe('trackql users and tokens (authentication on)', { timeout: 180_000 }, () => {
  it('creates users and tokens, lists them, and revokes a token', async () => {
    const secured = await createTestApp({ config: authOn() });
    const securedUrl = await secured.listen();
    try {
      // an admin token to start with, created over HTTP Basic
      const env = { TRACKQL_URL: securedUrl };
      const admin = new MlflowClient({ trackingUri: securedUrl, fetch: withBasic() });
      const { operations } = await import('@trackql/node');
      const adminToken = operations.unwrap(
        await operations.createApiToken(admin.client, { name: 'cli admin' }),
      ).secret;
      const asAdmin = { ...env, TRACKQL_TOKEN: adminToken };
      expect(
        await ok(['users', 'create', 'carol', '--password', 'carol-password-1'], asAdmin),
      ).toBe('carol\n');
      expect(await ok(['users', 'list'], asAdmin)).toMatch(/^carol +false/m);
      const secret = (
        await ok(['tokens', 'create', '--name', 'ci', '--user', 'carol'], asAdmin)
      ).trim();
      const carol = { ...env, TRACKQL_TOKEN: secret };
      const tokens = JSON.parse(await ok(['tokens', 'list', '--output', 'json'], carol));
      expect(tokens.map((x: { name: string }) => x.name)).toEqual(['ci']);
      // carol may not purge or manage users
      const denied = await trackql(['gc'], carol);
      expect([denied.code, denied.stderr]).toEqual([
        1,
        expect.stringMatching(/^trackql: PERMISSION_DENIED/),
      ]);
      expect(await ok(['tokens', 'revoke', tokens[0].id], asAdmin)).toBe(
        `revoked ${tokens[0].id}\n`,
      );
      const revoked = await trackql(['experiments', 'list'], carol);
      expect(revoked.code).toBe(1);
      expect(revoked.stderr).toMatch(/401|UNAUTHENTICATED/);
    } finally {
      await secured.close();
    }
  });
});

/** A fetch that signs in as the test admin with HTTP Basic. */
function withBasic(): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', basic(ADMIN.username, ADMIN.password));
    return fetch(input, { ...init, headers });
  };
}
