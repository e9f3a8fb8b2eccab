import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface AuditPage {
  auditEvents: {
    edges: {
      node: { action: string; actor: string | null; entityId: string; detail: string | null };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const AUDIT = `query($type: String, $id: String, $first: Int, $after: String) {
  auditEvents(entityType: $type, entityId: $id, first: $first, after: $after) {
    edges { node { action actor entityId detail time } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('audit log', () => {
  let t: TestApp;
  const admin = basic(ADMIN.username, ADMIN.password);
  const alice = basic('alice', 'alice-password-1');

  beforeAll(async () => {
    t = await createTestApp({ config: authOn(), authorization: admin });
    const made = await t.executeRaw(
      `mutation { createUser(input: { username: "alice", password: "alice-password-1" }) { __typename } }`,
    );
    expect(made.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  async function gql<R>(query: string, variables: Record<string, unknown>, authorization = alice) {
    const res = await t.executeRaw<R, Record<string, unknown>>(query, variables, { authorization });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as R;
  }

  it('records who created, renamed, deleted and restored an experiment and its runs, newest first', async () => {
    const name = uniqueName();
    const created = await gql<{ createExperiment: { experiment: { experimentId: string } } }>(
      `mutation($n: String!) { createExperiment(input: { name: $n }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
      { n: name },
    );
    const experimentId = created.createExperiment.experiment.experimentId;
    const run = await gql<{ createRun: { run: { runId: string } } }>(
      `mutation($e: String!) { createRun(input: { experimentId: $e }) { ... on CreateRunSuccess { run { runId } } } }`,
      { e: experimentId },
    );
    const runId = run.createRun.run.runId;
    await gql(
      `mutation($r: String!) { updateRun(input: { runId: $r, status: FINISHED }) { __typename } }`,
      { r: runId },
    );
    await gql(
      `mutation($e: String!, $n: String!) { renameExperiment(input: { experimentId: $e, newName: $n }) { __typename } }`,
      { e: experimentId, n: `${name}-2` },
    );
    await gql(
      `mutation($e: String!) { deleteExperiment(input: { experimentId: $e }) { __typename } }`,
      {
        e: experimentId,
      },
    );
    await gql(
      `mutation($e: String!) { restoreExperiment(input: { experimentId: $e }) { __typename } }`,
      {
        e: experimentId,
      },
    );

    const exp = await gql<AuditPage>(AUDIT, { type: 'experiment', id: experimentId }, admin);
    expect(exp.auditEvents.edges.map((e) => e.node.action)).toEqual([
      'experiment.restore',
      'experiment.delete',
      'experiment.rename',
      'experiment.create',
    ]);
    expect(exp.auditEvents.edges.every((e) => e.node.actor === 'alice')).toBe(true);
    expect(JSON.parse(exp.auditEvents.edges[2]!.node.detail!)).toEqual({
      from: name,
      to: `${name}-2`,
    });
    const runs = await gql<AuditPage>(AUDIT, { type: 'run', id: runId }, admin);
    expect(runs.auditEvents.edges.map((e) => e.node.action)).toEqual(['run.update', 'run.create']);
    expect(JSON.parse(runs.auditEvents.edges[0]!.node.detail!)).toEqual({ status: 'FINISHED' });

    const page = await gql<AuditPage>(AUDIT, { first: 2 }, admin);
    expect(page.auditEvents.edges).toHaveLength(2);
    expect(page.auditEvents.pageInfo.hasNextPage).toBe(true);
    const next = await gql<AuditPage>(
      AUDIT,
      { first: 2, after: page.auditEvents.pageInfo.endCursor },
      admin,
    );
    expect(next.auditEvents.edges[0]!.node.action).toBe('experiment.rename');
  });

  it('writes nothing for a change that fails', async () => {
    const name = uniqueName();
    await gql(`mutation($n: String!) { createExperiment(input: { name: $n }) { __typename } }`, {
      n: name,
    });
    const before = await gql<AuditPage>(AUDIT, { type: 'experiment', first: 1000 }, admin);
    const again = await gql<{ createExperiment: { __typename: string } }>(
      `mutation($n: String!) { createExperiment(input: { name: $n }) { __typename } }`,
      { n: name },
    );
    expect(again.createExperiment.__typename).toBe('AlreadyExistsError');
    const after = await gql<AuditPage>(AUDIT, { type: 'experiment', first: 1000 }, admin);
    expect(after.auditEvents.edges.length).toBe(before.auditEvents.edges.length);
  });

  it('records logged models, users and tokens', async () => {
    const exp = await gql<{ createExperiment: { experiment: { experimentId: string } } }>(
      `mutation($n: String!) { createExperiment(input: { name: $n }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
      { n: uniqueName() },
    );
    const made = await gql<{ createLoggedModel: { model: { modelId: string } } }>(
      `mutation($e: String!) { createLoggedModel(input: { experimentId: $e, name: "m" }) { ... on CreateLoggedModelSuccess { model { modelId } } } }`,
      { e: exp.createExperiment.experiment.experimentId },
    );
    const modelId = made.createLoggedModel.model.modelId;
    await gql(
      `mutation($m: String!) { finalizeLoggedModel(input: { modelId: $m, status: READY }) { __typename } }`,
      { m: modelId },
    );
    const models = await gql<AuditPage>(AUDIT, { type: 'logged_model', id: modelId }, admin);
    expect(models.auditEvents.edges.map((e) => e.node.action)).toEqual([
      'logged_model.finalize',
      'logged_model.create',
    ]);
    const token = await gql<{ createApiToken: { created: { token: { id: string } } } }>(
      `mutation { createApiToken(input: { name: "ci" }) { ... on CreateApiTokenSuccess { created { token { id } } } } }`,
      {},
    );
    const tokenId = token.createApiToken.created.token.id;
    await gql(`mutation($id: String!) { revokeApiToken(input: { id: $id }) { __typename } }`, {
      id: tokenId,
    });
    const tokens = await gql<AuditPage>(AUDIT, { type: 'api_token', id: tokenId }, admin);
    expect(tokens.auditEvents.edges.map((e) => [e.node.action, e.node.actor])).toEqual([
      ['api_token.revoke', 'alice'],
      ['api_token.create', 'alice'],
    ]);
    const users = await gql<AuditPage>(AUDIT, { type: 'user', id: 'alice' }, admin);
    expect(users.auditEvents.edges.map((e) => [e.node.action, e.node.actor])).toEqual([
      ['user.create', 'admin'],
    ]);
  });

  it('is readable by admins only', async () => {
    const res = await t.executeRaw(AUDIT, {}, { authorization: alice });
    expect(res.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
  });
});
