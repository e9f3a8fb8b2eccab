import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MlflowClient } from '@trackql/node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let dir: string;
let client: MlflowClient;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trackql-gc-'));
  t = await createTestApp({ config: { artifactRoot: path.join(dir, 'store') } });
  client = new MlflowClient({ trackingUri: await t.listen() });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

interface PurgeResult {
  purgeDeleted: {
    __typename: string;
    code?: string;
    field?: string;
    purged?: { experimentIds: string[]; runIds: string[]; artifactFiles: number };
  };
}

const purge = async (args: string, app = t, authorization?: string) => {
  const res = await app.executeRaw<PurgeResult, undefined>(
    `mutation { purgeDeleted(input: { ${args} }) { __typename
       ... on PurgeDeletedSuccess { purged { experimentIds runIds artifactFiles } }
       ... on Error { code } ... on ValidationError { field } } }`,
    undefined,
    authorization === undefined ? undefined : { authorization },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.purgeDeleted;
};

const file = (exp: string, run: string, p: string) =>
  path.join(dir, 'store', exp, run, 'artifacts', p);

async function runWithArtifact(exp: string): Promise<string> {
  const runId = (await client.createRun(exp)).info.runId;
  await client.logMetric(runId, 'loss', 1);
  await client.logText(runId, 'x', 'notes/a.txt');
  return runId;
}

describe('purgeDeleted (trackql gc)', () => {
  it('removes deleted runs and experiments with their artifacts, keeping the rest', async () => {
    const keepExp = await client.createExperiment(uniqueName('gc-keep'));
    const goneName = uniqueName('gc-gone');
    const goneExp = await client.createExperiment(goneName);
    const kept = await runWithArtifact(keepExp);
    const deletedRun = await runWithArtifact(keepExp);
    const inGoneExp = await runWithArtifact(goneExp);
    await client.deleteRun(deletedRun);
    await client.deleteExperiment(goneExp);

    // nothing was deleted an hour ago
    expect((await purge('olderThanMs: 3600000')).purged?.runIds).toEqual([]);
    // an active run named explicitly: refused, nothing removed
    const refused = await purge(`olderThanMs: 0, runIds: ["${deletedRun}", "${kept}"]`);
    expect([refused.__typename, refused.code, refused.field]).toEqual([
      'ValidationError',
      'INVALID_PARAMETER_VALUE',
      'runIds[1]',
    ]);
    expect(existsSync(file(keepExp, deletedRun, 'notes/a.txt'))).toBe(true);

    const done = await purge('olderThanMs: 0');
    expect(done.purged?.experimentIds).toContain(goneExp);
    expect(done.purged?.runIds).toEqual(expect.arrayContaining([deletedRun, inGoneExp]));
    expect(done.purged?.runIds).not.toContain(kept);
    expect(done.purged?.artifactFiles).toBeGreaterThanOrEqual(2);
    // each purged run and experiment leaves an audit event (made in the purge's transaction)
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_events where action like '%.purge' order by action, entity_id`,
    );
    await db.end();
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'experiment.purge', entity_id: goneExp },
        { action: 'run.purge', entity_id: deletedRun },
        { action: 'run.purge', entity_id: inGoneExp },
      ]),
    );
    expect(rows.map((r) => r.entity_id)).not.toContain(kept);
    expect(existsSync(file(keepExp, deletedRun, 'notes/a.txt'))).toBe(false);
    expect(existsSync(file(goneExp, inGoneExp, 'notes/a.txt'))).toBe(false);
    expect(existsSync(file(keepExp, kept, 'notes/a.txt'))).toBe(true);
    await expect(client.getRun(deletedRun)).rejects.toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
    await expect(client.getExperiment(goneExp)).rejects.toMatchObject({
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
    expect((await client.getRun(kept)).data.metrics.loss).toBe(1);
    // the name of a purged experiment is free again
    expect(await client.createExperiment(goneName)).not.toBe(goneExp);
  });

  it('purges only the runs named, and refuses unknown ids and negative ages', async () => {
    const exp = await client.createExperiment(uniqueName('gc-ids'));
    const a = await runWithArtifact(exp);
    const b = await runWithArtifact(exp);
    await client.deleteRun(a);
    await client.deleteRun(b);
    const done = await purge(`olderThanMs: 0, runIds: ["${a}"]`);
    expect(done.purged).toEqual({ experimentIds: [], runIds: [a], artifactFiles: 1 });
    expect((await client.getRun(b)).info.lifecycleStage).toBe('DELETED');
    const unknown = await purge(`olderThanMs: 0, experimentIds: ["99999999"]`);
    expect([unknown.code, unknown.field]).toEqual(['INVALID_PARAMETER_VALUE', 'experimentIds[0]']);
    expect((await purge('olderThanMs: -1')).field).toBe('olderThanMs');
  });

  it('is for admins only when authentication is on', async () => {
    const secured = await createTestApp({
      config: authOn(),
      authorization: basic(ADMIN.username, ADMIN.password),
    });
    try {
      await secured.executeRaw(
        `mutation { createUser(input: { username: "bob", password: "bob-password-1" }) { __typename } }`,
      );
      const denied = await purge('olderThanMs: 0', secured, basic('bob', 'bob-password-1'));
      expect(denied.code).toBe('PERMISSION_DENIED');
      expect((await purge('olderThanMs: 0', secured)).__typename).toBe('PurgeDeletedSuccess');
    } finally {
      await secured.close();
    }
  });
});
