import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = fileURLToPath(new URL('fixtures/vitest.failing.config.ts', import.meta.url));

it('a failing test makes the test command exit non-zero, also with the embedded PostgreSQL', () => {
  // without DATABASE_URL the global setup starts (and imports) the embedded PostgreSQL, whose exit
  // hook once turned every run's exit code into 0
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const res = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', config],
    {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(res.stdout + res.stderr).toMatch(/fails on purpose/);
  expect(res.status).toBe(1);
  // a whole second vitest run with its own embedded PostgreSQL: on a loaded machine it can take
  // longer than the suite's 30 s per test (it did once), so the bound is the child's own
}, 150_000);
