import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { CreateExperiment } from '../helpers/documents.ts';
import { rawRequest } from '../helpers/http.ts';
import { seedRun, uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const root = mkdtempSync(path.join(tmpdir(), 'trackql-roots-'));
const serverRoot = path.join(root, 'server');
const teamRoot = path.join(root, 'team');
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp({
    config: {
      artifactRoot: serverRoot,
      artifactAllowedRoots: loadConfig({
        TRACKQL_ARTIFACT_ALLOWED_ROOTS: `${serverRoot}, file://${teamRoot}, s3://models-bucket/teams`,
      }).artifactAllowedRoots,
    },
  });
  base = (await t.listen()).replace(/\/graphql$/, '');
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

async function create(artifactLocation?: string) {
  const res = await t.execute(CreateExperiment, {
    input: { name: uniqueName(), artifactLocation },
  });
  return res.createExperiment;
}

describe('client-chosen artifact locations', () => {
  it('accepts locations at or under an allowed root (path, file: URI, s3 prefix)', async () => {
    for (const loc of [
      serverRoot,
      path.join(serverRoot, 'my-team'),
      `file://${teamRoot}/project-a`,
      `${teamRoot}/project-b`,
      's3://models-bucket/teams/a',
      's3://models-bucket/teams',
    ]) {
      const res = await create(loc);
      expect(res, loc).toMatchObject({ __typename: 'CreateExperimentSuccess' });
    }
  });

  it('refuses every other location with INVALID_PARAMETER_VALUE, and writes nothing', async () => {
    for (const loc of [
      '/any/path',
      '/etc',
      `${serverRoot}-sibling`,
      `${serverRoot}/../outside`,
      `${serverRoot}/./x`,
      `file://${serverRoot}/../outside`,
      `file://${serverRoot}/%2e%2e/outside`,
      'file:///etc/cron.d',
      'file://other-host/share',
      'relative/path',
      '../../etc',
      's3://models-bucket/other',
      's3://models-bucket/teams-evil',
      's3://models-bucket/teams/../other',
      's3://other-bucket/teams',
      'gs://models-bucket/teams',
      'http://example.com/x',
      `${serverRoot}\\..\\x`,
    ]) {
      const name = uniqueName('refused');
      const res = await t.execute(CreateExperiment, { input: { name, artifactLocation: loc } });
      expect(res.createExperiment, loc).toMatchObject({
        __typename: 'ValidationError',
        code: 'INVALID_PARAMETER_VALUE',
        field: 'artifactLocation',
      });
      const found = await t.executeRaw(`{ experimentByName(name: "${name}") { name } }`);
      expect(found.data).toEqual({ experimentByName: null });
    }
  });

  it('keeps choosing the default location itself, and uploads land under it', async () => {
    const res = await create();
    if (res.__typename !== 'CreateExperimentSuccess') throw new Error('not created');
    const exp = res.experiment.experimentId;
    const run = await seedRun(t, exp);
    const up = await rawRequest(base, 'PUT', `/artifacts/${run}/out.txt`, 'data');
    expect(up.status).toBe(201);
    expect(existsSync(path.join(serverRoot, exp, run, 'artifacts', 'out.txt'))).toBe(true);
  });

  it('keeps serving experiments created before the allow-list, wherever they point', async () => {
    const legacy = path.join(root, 'legacy');
    const rows = await t.app.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `insert into experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
         values (?, ?, 'active', 0, 0) returning id`,
        [uniqueName('legacy'), legacy],
      );
    const exp = String(rows[0]?.id);
    const run = await seedRun(t, exp);
    expect((await rawRequest(base, 'PUT', `/artifacts/${run}/old.txt`, 'x')).status).toBe(201);
    expect(existsSync(path.join(legacy, run, 'artifacts', 'old.txt'))).toBe(true);
  });

  it('refuses a misconfigured root list at start', () => {
    expect(() => loadConfig({ TRACKQL_ARTIFACT_ALLOWED_ROOTS: 'relative/root' })).toThrow(
      /TRACKQL_ARTIFACT_ALLOWED_ROOTS/,
    );
    expect(loadConfig({ TRACKQL_ARTIFACT_ROOT: 'rel-root' }).artifactAllowedRoots).toEqual([
      path.resolve('rel-root'),
    ]);
  });
});
