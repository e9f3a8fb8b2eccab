import { describe, expect, it } from 'vitest';
import { AUDIT, type AuditPage, auditWorld, standaloneAudit } from '../helpers/audit-world.ts';

// Changes of the data logged to runs and experiments (params, tags, artifacts) each write one audit
// event, through GraphQL, the MLflow REST routes and the artifact routes, with the caller as actor.

describe('audit log of run and experiment data', () => {
  const w = auditWorld();
  const LOG_BATCH = `mutation($i: LogBatchInput!) { logBatch(input: $i) { __typename } }`;

  it('records params and tags of a batch as one summarised event, and metrics not at all', async () => {
    const runId = await w.newRun(await w.newExperiment());
    const params = Array.from({ length: 30 }, (_, i) => ({ key: `p${i}`, value: String(i) }));
    w.t.sql.length = 0;
    expect(
      await w.gql(LOG_BATCH, {
        i: {
          runId,
          params,
          tags: [{ key: 'team', value: 'a' }],
          metrics: [{ key: 'loss', values: [1, 2, 3] }],
        },
      }),
    ).toBe('BatchAck');
    // the audit row rides on the batch's own tag insert: no statement of its own
    expect(w.t.sql.filter((q) => q.includes('audit_events'))).toHaveLength(1);
    expect(w.t.sql.filter(standaloneAudit)).toEqual([]);
    expect(
      await w.gql(LOG_BATCH, { i: { runId, metrics: [{ key: 'loss', values: [4, 5] }] } }),
    ).toBe('BatchAck');
    expect(await w.gql(LOG_BATCH, { i: { runId, params: [{ key: 'lr', value: '0.1' }] } })).toBe(
      'BatchAck',
    );
    const [paramsOnly, batch, created] = await w.events('run', runId);
    expect(created!.action).toBe('run.create');
    expect(batch).toEqual({
      action: 'run.log_batch',
      actor: 'alice',
      entityId: runId,
      detail: {
        params: 30,
        paramKeys: params.slice(0, 20).map((p) => p.key),
        tags: 1,
        tagKeys: ['team'],
      },
    });
    expect(paramsOnly!.detail).toEqual({ params: 1, paramKeys: ['lr'], tags: 0, tagKeys: [] });
  });

  it('writes no event for a refused batch', async () => {
    const runId = await w.newRun(await w.newExperiment());
    expect(await w.gql(LOG_BATCH, { i: { runId, params: [{ key: 'lr', value: '0.1' }] } })).toBe(
      'BatchAck',
    );
    const before = await w.actions('run', runId);
    // a changed param refuses the whole batch, tags included
    expect(
      await w.gql(LOG_BATCH, {
        i: { runId, params: [{ key: 'lr', value: '0.2' }], tags: [{ key: 'a', value: 'b' }] },
      }),
    ).toBe('ValidationError');
    const missing = await w.rest('POST', '/api/2.0/mlflow/runs/delete-tag', {
      run_id: runId,
      key: 'nope',
    });
    expect(missing.status).toBe(404);
    expect(await w.actions('run', runId)).toEqual(before);
  });

  it('records run tags, params and artifacts through GraphQL, REST and the artifact routes', async () => {
    const experimentId = await w.newExperiment();
    const runId = await w.newRun(experimentId);
    expect(
      await w.gql(
        `mutation($r: String!) { setRunTag(input: { runId: $r, key: "k", value: "v" }) { __typename } }`,
        { r: runId },
      ),
    ).toBe('BatchAck');
    expect(
      await w.gql(
        `mutation($r: String!) { deleteRunTag(input: { runId: $r, key: "k" }) { __typename } }`,
        { r: runId },
      ),
    ).toMatch(/Success$/);
    const p = await w.rest('POST', '/api/2.0/mlflow/runs/log-parameter', {
      run_id: runId,
      key: 'alpha',
      value: '1',
    });
    expect(p.status, p.text).toBe(200);
    const s = await w.rest('POST', '/api/2.0/mlflow/runs/set-tag', {
      run_id: runId,
      key: 'k2',
      value: 'v',
    });
    expect(s.status, s.text).toBe(200);
    const d = await w.rest('POST', '/api/2.0/mlflow/runs/delete-tag', { run_id: runId, key: 'k2' });
    expect(d.status, d.text).toBe(200);
    const put = await w.rest('PUT', `/artifacts/${runId}/model/a.txt`, 'hello', {
      'content-type': 'application/octet-stream',
    });
    expect(put.status, put.text).toBeLessThan(300);
    const proxied = `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${runId}/artifacts/b.txt`;
    const put2 = await w.rest('PUT', proxied, 'hi', { 'content-type': 'application/octet-stream' });
    expect(put2.status, put2.text).toBe(200);
    const del = await w.rest('DELETE', proxied);
    expect(del.status, del.text).toBe(200);

    const got = await w.events('run', runId);
    expect(got.map((e) => e.action)).toEqual([
      'run.delete_artifact',
      'run.upload_artifact',
      'run.upload_artifact',
      'run.delete_tag',
      'run.log_batch',
      'run.log_batch',
      'run.delete_tag',
      'run.log_batch',
      'run.create',
    ]);
    expect(got.every((e) => e.actor === 'alice')).toBe(true);
    expect(got[0]!.detail).toEqual({ path: 'b.txt', files: 1 });
    expect(got[1]!.detail).toEqual({ path: 'b.txt', size: 2 });
    expect(got[2]!.detail).toEqual({ path: 'model/a.txt', size: 5 });
    expect(got[3]!.detail).toEqual({ key: 'k2' });
    expect(got[5]!.detail).toEqual({ params: 1, paramKeys: ['alpha'], tags: 0, tagKeys: [] });

    // the audit query pages them
    const page = await w.t.executeRaw<AuditPage, unknown>(
      AUDIT,
      { type: 'run', id: runId, first: 4 },
      { authorization: w.admin },
    );
    expect(page.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const next = await w.t.executeRaw<AuditPage, unknown>(
      AUDIT,
      { type: 'run', id: runId, first: 10, after: page.data!.auditEvents.pageInfo.endCursor },
      { authorization: w.admin },
    );
    expect(
      [...page.data!.auditEvents.edges, ...next.data!.auditEvents.edges].map((e) => e.node.action),
    ).toEqual(got.map((e) => e.action));
    expect(next.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
  });

  it('records experiment tags through GraphQL and REST', async () => {
    const experimentId = await w.newExperiment();
    expect(
      await w.gql(
        `mutation($e: String!) { setExperimentTag(input: { experimentId: $e, key: "k", value: "v" }) { __typename } }`,
        { e: experimentId },
      ),
    ).toBe('SetExperimentTagSuccess');
    expect(
      await w.gql(
        `mutation($e: String!) { deleteExperimentTag(input: { experimentId: $e, key: "k" }) { __typename } }`,
        { e: experimentId },
      ),
    ).toMatch(/Success$/);
    // a missing tag changes nothing and records nothing
    expect(
      await w.gql(
        `mutation($e: String!) { deleteExperimentTag(input: { experimentId: $e, key: "k" }) { __typename } }`,
        { e: experimentId },
      ),
    ).toBe('NotFoundError');
    const set = await w.rest('POST', '/api/2.0/mlflow/experiments/set-experiment-tag', {
      experiment_id: experimentId,
      key: 'k2',
      value: 'v',
    });
    expect(set.status, set.text).toBe(200);
    const del = await w.rest('POST', '/api/2.0/mlflow/experiments/delete-experiment-tag', {
      experiment_id: experimentId,
      key: 'k2',
    });
    expect(del.status, del.text).toBe(200);
    const got = await w.events('experiment', experimentId);
    expect(got.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['experiment.delete_tag', 'alice', { key: 'k2' }],
      ['experiment.set_tag', 'alice', { key: 'k2' }],
      ['experiment.delete_tag', 'alice', { key: 'k' }],
      ['experiment.set_tag', 'alice', { key: 'k' }],
      ['experiment.create', 'alice', expect.anything()],
    ]);
  });
  it('records tags and params of a logged model, and nothing for a refused change', async () => {
    const experimentId = await w.newExperiment();
    const made = await w.data<{ createLoggedModel: { model: { modelId: string } } }>(
      `mutation($e: String!) { createLoggedModel(input: { experimentId: $e }) { ... on CreateLoggedModelSuccess { model { modelId } } } }`,
      { e: experimentId },
    );
    const modelId = made.createLoggedModel.model.modelId;
    const SET = `mutation($i: SetLoggedModelTagsInput!) { setLoggedModelTags(input: $i) { __typename } }`;
    const PARAMS = `mutation($i: LogLoggedModelParamsInput!) { logLoggedModelParams(input: $i) { __typename } }`;
    const DELETE = `mutation($i: DeleteLoggedModelTagInput!) { deleteLoggedModelTag(input: $i) { __typename } }`;
    await w.gql(SET, { i: { modelId, tags: [{ key: 'stage', value: 'dev' }] } });
    await w.gql(PARAMS, { i: { modelId, params: [{ key: 'lr', value: '0.1' }] } });
    // the same value again writes nothing new; another value is refused: neither is an event
    await w.gql(PARAMS, { i: { modelId, params: [{ key: 'lr', value: '0.1' }] } });
    expect(await w.gql(PARAMS, { i: { modelId, params: [{ key: 'lr', value: '0.2' }] } })).toBe(
      'ValidationError',
    );
    await w.gql(DELETE, { i: { modelId, key: 'stage' } });
    expect(await w.gql(DELETE, { i: { modelId, key: 'stage' } })).toBe('NotFoundError');
    const events = await w.events('logged_model', modelId);
    expect(events.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['logged_model.delete_tag', 'alice', { key: 'stage' }],
      ['logged_model.log_params', 'alice', { count: 1, keys: ['lr'] }],
      ['logged_model.set_tags', 'alice', { count: 1, keys: ['stage'] }],
      ['logged_model.create', 'alice', { experimentId, name: expect.any(String) }],
    ]);
  });
  it('records the inputs and outputs logged to a run, once', async () => {
    const experimentId = await w.newExperiment();
    const runId = await w.newRun(experimentId);
    const made = await w.data<{ createLoggedModel: { model: { modelId: string } } }>(
      `mutation($e: String!) { createLoggedModel(input: { experimentId: $e }) { ... on CreateLoggedModelSuccess { model { modelId } } } }`,
      { e: experimentId },
    );
    const modelId = made.createLoggedModel.model.modelId;
    const INPUTS = `mutation($i: LogInputsInput!) { logInputs(input: $i) { __typename } }`;
    const OUTPUTS = `mutation($i: LogOutputsInput!) { logOutputs(input: $i) { __typename } }`;
    const dataset = { name: 'train', digest: 'd1', source: 's3://b/train', sourceType: 's3' };
    const inputs = { runId, datasets: [{ dataset }], models: [{ modelId }] };
    expect(await w.gql(INPUTS, { i: inputs })).toBe('LogInputsSuccess');
    // the same inputs and outputs again change nothing: no event
    expect(await w.gql(INPUTS, { i: inputs })).toBe('LogInputsSuccess');
    const outputs = { runId, models: [{ modelId, step: 3 }] };
    expect(await w.gql(OUTPUTS, { i: outputs })).toBe('LogOutputsSuccess');
    expect(await w.gql(OUTPUTS, { i: outputs })).toBe('LogOutputsSuccess');
    const events = await w.events('run', runId);
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ['run.log_outputs', { models: 1, modelIds: [modelId] }],
      ['run.log_inputs', { datasets: 1, models: 1 }],
      ['run.create', expect.anything()],
    ]);
  });
});
