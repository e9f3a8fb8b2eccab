import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/seed.ts';
import { buildWorld, codeOf, ROLES, type Role, type World } from './permissions-world.ts';

// Per-experiment permissions through GraphQL queries and mutations: every level against every
// kind of access. The default permission is READ (as MLflow's), so `dflt` reads but cannot write.

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.close());

const CAN_READ: Record<Role, boolean> = {
  none: false,
  reader: true,
  editor: true,
  manager: true,
  dflt: true,
  admin: true,
};
/** What an EDIT operation answers for each role: success, or the error code. */
const EDIT: Record<Role, string> = {
  none: 'RESOURCE_DOES_NOT_EXIST',
  reader: 'PERMISSION_DENIED',
  editor: 'ok',
  manager: 'ok',
  dflt: 'PERMISSION_DENIED',
  admin: 'ok',
};
const MANAGE: Record<Role, string> = { ...EDIT, editor: 'PERMISSION_DENIED' };

const ok = (typename: string, code: string) => (typename.endsWith('Error') ? code : 'ok');

describe('reads by id', () => {
  it.each(ROLES)(
    '%s: run, experiment, trace, model and node answer as if missing when unreadable',
    async (role) => {
      const res = await w.as<{
        run: { runId: string; experiment: { experimentId: string } } | null;
        experiment: { experimentId: string } | null;
        trace: { traceId: string } | null;
        loggedModel: { modelId: string } | null;
        experimentByName: { experimentId: string } | null;
      }>(
        role,
        `query($r: String!, $e: String!, $t: String!, $m: String!) {
        run(runId: $r) { runId experiment { experimentId } }
        experiment(experimentId: $e) { experimentId }
        trace(traceId: $t) { traceId }
        loggedModel(modelId: $m) { modelId }
        experimentByName(name: "Default") { experimentId }
      }`,
        { r: w.run, e: w.exp, t: w.trace, m: w.model },
      );
      expect(res.errors).toBeUndefined();
      const d = res.data!;
      expect(d.run?.runId ?? null).toBe(CAN_READ[role] ? w.run : null);
      expect(d.experiment?.experimentId ?? null).toBe(CAN_READ[role] ? w.exp : null);
      expect(d.trace?.traceId ?? null).toBe(CAN_READ[role] ? w.trace : null);
      expect(d.loggedModel?.modelId ?? null).toBe(CAN_READ[role] ? w.model : null);
      // the Default experiment has no grants: the default permission (READ) lets everyone see it
      expect(d.experimentByName?.experimentId).toBe('0');
    },
  );

  it('node() and nodes() load through the same filter', async () => {
    const admin = await w.as<{ run: { id: string } }>(
      'admin',
      `query($r: String!) { run(runId: $r) { id } }`,
      {
        r: w.run,
      },
    );
    const id = admin.data!.run.id;
    const q = `query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`;
    const none = await w.as<{ node: unknown; nodes: unknown[] }>('none', q, { id });
    expect(none.data).toEqual({ node: null, nodes: [null] });
    const reader = await w.as<{ node: { id: string } }>('reader', q, { id });
    expect(reader.data?.node).toEqual({ id });
  });

  it("a run's links leave out logged models the caller cannot read", async () => {
    const link = await w.as<{ logOutputs: { __typename: string } }>(
      'admin',
      `mutation($r: String!, $m: String!) { logOutputs(input: { runId: $r, models: [{ modelId: $m }] }) { __typename } }`,
      { r: w.openRun, m: w.model },
    );
    expect(link.data?.logOutputs.__typename).toBe('LogOutputsSuccess');
    const q = `query($r: String!) { run(runId: $r) { outputs { model { modelId } } } }`;
    const none = await w.as<{ run: { outputs: unknown[] } }>('none', q, { r: w.openRun });
    expect(none.errors).toBeUndefined();
    expect(none.data?.run.outputs).toEqual([]);
    const reader = await w.as<{ run: { outputs: unknown[] } }>('reader', q, { r: w.openRun });
    expect(reader.data?.run.outputs).toEqual([{ model: { modelId: w.model } }]);
  });

  it('a missing run and an unreadable one answer alike', async () => {
    const q = `query($r: String!) { run(runId: $r) { runId } }`;
    const missing = await w.as('none', q, { r: 'f'.repeat(32) });
    const hidden = await w.as('none', q, { r: w.run });
    expect(hidden).toEqual(missing);
  });
});

describe('writes', () => {
  it.each(ROLES)('%s: logging, updating a run and tagging need EDIT', async (role) => {
    const res = await w.as<Record<string, { __typename: string; code?: string }>>(
      role,
      `mutation($r: String!, $e: String!) {
        logMetric(input: { runId: $r, key: "loss", value: 1 }) { __typename ... on Error { code } }
        updateRun(input: { runId: $r, status: RUNNING }) { __typename ... on Error { code } }
        setExperimentTag(input: { experimentId: $e, key: "k", value: "v" }) { __typename ... on Error { code } }
      }`,
      { r: w.run, e: w.exp },
    );
    expect(res.errors).toBeUndefined();
    for (const field of ['logMetric', 'updateRun', 'setExperimentTag']) {
      const member = res.data![field]!;
      expect([field, ok(member.__typename, member.code ?? '')]).toEqual([field, EDIT[role]]);
    }
  });

  it.each(ROLES)(
    '%s: creating a run in the experiment needs EDIT; nothing is written when refused',
    async (role) => {
      const name = uniqueName('run');
      const res = await w.as<{ createRun: { __typename: string; code?: string } }>(
        role,
        `mutation($e: String!, $n: String!) { createRun(input: { experimentId: $e, runName: $n }) { __typename ... on Error { code } } }`,
        { e: w.exp, n: name },
      );
      expect(ok(res.data!.createRun.__typename, res.data!.createRun.code ?? '')).toBe(EDIT[role]);
      const found = await w.as<{ searchRuns: { edges: unknown[] } }>(
        'admin',
        `query($e: String!, $f: String!) { searchRuns(experimentIds: [$e], filter: $f) { edges { cursor } } }`,
        { e: w.exp, f: `attributes.run_name = '${name}'` },
      );
      expect(found.data!.searchRuns.edges).toHaveLength(EDIT[role] === 'ok' ? 1 : 0);
    },
  );

  it.each(ROLES)('%s: renaming the experiment needs MANAGE', async (role) => {
    const res = await w.as<{ renameExperiment: { __typename: string; code?: string } }>(
      role,
      `mutation($e: String!, $n: String!) { renameExperiment(input: { experimentId: $e, newName: $n }) { __typename ... on Error { code } } }`,
      { e: w.exp, n: uniqueName('renamed') },
    );
    const r = res.data!.renameExperiment;
    expect(ok(r.__typename, r.code ?? '')).toBe(MANAGE[role]);
  });

  it('a logged model grant overrides its experiment: EDIT on the model only', async () => {
    const set = await w.as<{ setLoggedModelPermission: { __typename: string } }>(
      'admin',
      `mutation($m: String!) { setLoggedModelPermission(input: { modelId: $m, username: "reader", permission: EDIT }) { __typename } }`,
      { m: w.model },
    );
    expect(set.data?.setLoggedModelPermission.__typename).toBe('SetLoggedModelPermissionSuccess');
    const tag = `mutation($m: String!) { setLoggedModelTags(input: { modelId: $m, tags: [{ key: "a", value: "b" }] }) { __typename ... on Error { code } } }`;
    const byReader = await w.as<{ setLoggedModelTags: { __typename: string } }>('reader', tag, {
      m: w.model,
    });
    expect(byReader.data?.setLoggedModelTags.__typename).toBe('SetLoggedModelTagsSuccess');
    const byDefault = await w.as<{ setLoggedModelTags: { code: string } }>('dflt', tag, {
      m: w.model,
    });
    expect(byDefault.data?.setLoggedModelTags.code).toBe('PERMISSION_DENIED');
  });
});

describe('managing permissions', () => {
  it.each(ROLES)('%s: listing and changing grants needs MANAGE', async (role) => {
    const list = await w.as<{ experimentPermissions: { username: string; permission: string }[] }>(
      role,
      `query($e: String!) { experimentPermissions(experimentId: $e) { username permission } }`,
      { e: w.exp },
    );
    const set = await w.as<Record<string, unknown>>(
      role,
      `mutation($e: String!) { setExperimentPermission(input: { experimentId: $e, username: "dflt", permission: READ }) { __typename ... on Error { code } } }`,
      { e: w.exp },
    );
    expect(codeOf(set, 'setExperimentPermission').replace(/^Set.*Success$/, 'ok')).toBe(
      MANAGE[role],
    );
    if (MANAGE[role] === 'ok') {
      expect(list.data?.experimentPermissions).toContainEqual({
        username: 'reader',
        permission: 'READ',
      });
    } else expect(list.errors?.[0]?.extensions?.code).toBe(MANAGE[role]);
    await w.as(
      'admin',
      `mutation($e: String!) { deleteExperimentPermission(input: { experimentId: $e, username: "dflt" }) { __typename } }`,
      { e: w.exp },
    );
  });

  it('the creator of an experiment gets MANAGE on it; revoking a grant takes effect on the next request', async () => {
    const created = await w.as<{ createExperiment: { experiment: { experimentId: string } } }>(
      'editor',
      `mutation($n: String!) { createExperiment(input: { name: $n }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
      { n: uniqueName() },
    );
    const id = created.data!.createExperiment.experiment.experimentId;
    const grants = await w.as<{
      experimentPermissions: { username: string; permission: string }[];
    }>(
      'editor',
      `query($e: String!) { experimentPermissions(experimentId: $e) { username permission } }`,
      { e: id },
    );
    expect(grants.data?.experimentPermissions).toEqual([
      { username: 'editor', permission: 'MANAGE' },
    ]);
    const deny = `mutation($e: String!) { setExperimentPermission(input: { experimentId: $e, username: "reader", permission: NO_PERMISSIONS }) { __typename } }`;
    await w.as('editor', deny, { e: id });
    const seen = await w.as<{ experiment: unknown }>(
      'reader',
      `query($e: String!) { experiment(experimentId: $e) { experimentId } }`,
      { e: id },
    );
    expect(seen.data?.experiment).toBeNull();
  });

  it('refuses a bad level, an unknown user and a grant that is not there, writing nothing', async () => {
    const bad = await w.as(
      'admin',
      `mutation($e: String!) { setExperimentPermission(input: { experimentId: $e, username: "nobody", permission: READ }) { __typename ... on Error { code } } }`,
      { e: w.exp },
    );
    expect(codeOf(bad, 'setExperimentPermission')).toBe('RESOURCE_DOES_NOT_EXIST');
    const gone = await w.as(
      'admin',
      `mutation($e: String!) { deleteExperimentPermission(input: { experimentId: $e, username: "dflt" }) { __typename ... on Error { code } } }`,
      { e: w.exp },
    );
    expect(codeOf(gone, 'deleteExperimentPermission')).toBe('RESOURCE_DOES_NOT_EXIST');
    const level = await w.as(
      'admin',
      `mutation($e: String!) { setExperimentPermission(input: { experimentId: $e, username: "dflt", permission: OWNER }) { __typename } }`,
      { e: w.exp },
    );
    expect(level.errors?.length).toBe(1);
  });
});

describe('default permission NO_PERMISSIONS', () => {
  let z: World;
  beforeAll(async () => {
    z = await buildWorld({ TRACKQL_DEFAULT_PERMISSION: 'NO_PERMISSIONS' });
  });
  afterAll(() => z.close());

  it('hides what nobody granted, and keeps what was granted', async () => {
    const q = `query($a: String!, $b: String!) { a: experiment(experimentId: $a) { experimentId } b: experiment(experimentId: $b) { experimentId } }`;
    const dflt = await z.as<{ a: unknown; b: unknown }>('dflt', q, { a: z.exp, b: z.open });
    expect(dflt.data).toEqual({ a: null, b: null });
    const reader = await z.as<{ a: unknown; b: unknown }>('reader', q, { a: z.exp, b: z.open });
    expect(reader.data).toEqual({ a: { experimentId: z.exp }, b: null });
    const admin = await z.as<{ a: unknown; b: unknown }>('admin', q, { a: z.exp, b: z.open });
    expect(admin.data).toEqual({ a: { experimentId: z.exp }, b: { experimentId: z.open } });
  });
});
