import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentUser, gitInfo } from '../../client/packages/node/src/fluent/system-tags.ts';

describe('system tags', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const inCheckout = (() => {
    try {
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!inCheckout)(
    'reads HEAD commit and branch from the .git files of this checkout',
    () => {
      const info = gitInfo(path.join(root, 'client/fluent'));
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim();
      const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: root })
        .toString()
        .trim();
      expect(info.commit).toBe(head);
      if (branch !== 'HEAD') expect(info.branch).toBe(branch);
    },
  );

  it('returns nothing outside a checkout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trackql-nogit-'));
    try {
      expect(gitInfo(dir)).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the user from MLFLOW_TRACKING_USERNAME, else the OS', () => {
    const saved = process.env.MLFLOW_TRACKING_USERNAME;
    process.env.MLFLOW_TRACKING_USERNAME = 'bob';
    expect(currentUser()).toBe('bob');
    delete process.env.MLFLOW_TRACKING_USERNAME;
    expect(currentUser()).toBeTruthy();
    if (saved !== undefined) process.env.MLFLOW_TRACKING_USERNAME = saved;
  });
});
