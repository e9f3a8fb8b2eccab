import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Each data change logged to runs, experiments and traces writes one audit event, through
// GraphQL and through the MLflow REST routes, with the caller as actor.

interface Event {
  action: string;
  actor: string | null;
  entityId: string;
  detail: Record<string, unknown> | null;
}

interface AuditPage {
  auditEvents: {
    edges: { node: Omit<Event, 'detail'> & { detail: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const AUDIT = `query($type: String, $id: String, $first: Int, $after: String) {
  auditEvents(entityType: $type, entityId: $id, first: $first, after: $after) {
    edges { node { action actor entityId detail } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A statement that only writes an audit row (rather than carrying it beside its change). */
const standaloneAudit = (sql: string) => /^\s*insert into audit_events/i.test(sql);

const ns = (ms: number) => `${BigInt(1_700_000_000_000 + ms) * 1_000_000n}`;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

describe('audit log coverage of logged data', () => {
  let t: TestApp;
  let base: string;
  const admin = basic(ADMIN.username, ADMIN.password);
  const alice = basic('alice', 'alice-password-1');

  beforeAll(async () => {
    t = await createTestApp({ config: authOn(), authorization: alice });
    const made = await t.executeRaw(
      `mutation { createUser(input: { username: "alice", password: "alice-password-1" }) { __typename } }`,
      {},
      { authorization: admin },
    );
    expect(made.errors).toBeUndefined();
    base = (await t.listen()).replace(/\/graphql$/, '');
  });
  afterAll(() => t?.close());

  /** Runs a mutation as alice and returns the `__typename` of its one result field. */
  async function gql(query: string, variables: Record<string, unknown> = {}): Promise<string> {
    const res = await t.executeRaw<Record<string, { __typename: string }>, unknown>(
      query,
      variables,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data!)[0]!.__typename;
  }

  async function data<R>(query: string, variables: Record<string, unknown> = {}): Promise<R> {
    const res = await t.executeRaw<R, unknown>(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  }

  /** A REST call as alice; returns the status and the parsed body. */
  async function rest(method: string, path: string, body?: unknown, headers = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: alice, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  /** The audit events of one entity, newest first (read by the admin). */
  async function events(type: string, id: string): Promise<Event[]> {
    const res = await t.executeRaw<AuditPage, unknown>(
      AUDIT,
      { type, id, first: 100 },
      { authorization: admin },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.auditEvents.edges.map(({ node }) => ({
      ...node,
      detail: node.detail === null ? null : JSON.parse(node.detail),
    }));
  }

  const actions = async (type: string, id: string) => (await events(type, id)).map((e) => e.action);

  async function newExperiment(): Promise<string> {
    const r = await data<{ createExperiment: { experiment: { experimentId: string } } }>(
      `mutation($n: String!) { createExperiment(input: { name: $n }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
      { n: uniqueName() },
    );
    return r.createExperiment.experiment.experimentId;
  }

  async function newRun(experimentId: string): Promise<string> {
    const r = await data<{ createRun: { run: { runId: string } } }>(
      `mutation($e: String!) { createRun(input: { experimentId: $e }) { ... on CreateRunSuccess { run { runId } } } }`,
      { e: experimentId },
    );
    return r.createRun.run.runId;
  }

  const LOG_BATCH = `mutation($i: LogBatchInput!) { logBatch(input: $i) { __typename } }`;

  it('records params and tags of a batch as one summarised event, and metrics not at all', async () => {
    const runId = await newRun(await newExperiment());
    const params = Array.from({ length: 30 }, (_, i) => ({ key: `p${i}`, value: String(i) }));
    t.sql.length = 0;
    expect(
      await gql(LOG_BATCH, {
        i: {
          runId,
          params,
          tags: [{ key: 'team', value: 'a' }],
          metrics: [{ key: 'loss', values: [1, 2, 3] }],
        },
      }),
    ).toBe('BatchAck');
    expect(await gql(LOG_BATCH, { i: { runId, metrics: [{ key: 'loss', values: [4, 5] }] } })).toBe(
      'BatchAck',
    );
    expect(await gql(LOG_BATCH, { i: { runId, params: [{ key: 'lr', value: '0.1' }] } })).toBe(
      'BatchAck',
    );
    const [paramsOnly, batch, created] = await events('run', runId);
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
    const runId = await newRun(await newExperiment());
    expect(await gql(LOG_BATCH, { i: { runId, params: [{ key: 'lr', value: '0.1' }] } })).toBe(
      'BatchAck',
    );
    const before = await actions('run', runId);
    // a changed param refuses the whole batch, tags included
    expect(
      await gql(LOG_BATCH, {
        i: { runId, params: [{ key: 'lr', value: '0.2' }], tags: [{ key: 'a', value: 'b' }] },
      }),
    ).toBe('ValidationError');
    const missing = await rest('POST', '/api/2.0/mlflow/runs/delete-tag', {
      run_id: runId,
      key: 'nope',
    });
    expect(missing.status).toBe(404);
    expect(await actions('run', runId)).toEqual(before);
  });

  it('records run tags, params and artifacts through GraphQL, REST and the artifact routes', async () => {
    const experimentId = await newExperiment();
    const runId = await newRun(experimentId);
    expect(
      await gql(
        `mutation($r: String!) { setRunTag(input: { runId: $r, key: "k", value: "v" }) { __typename } }`,
        { r: runId },
      ),
    ).toBe('BatchAck');
    expect(
      await gql(
        `mutation($r: String!) { deleteRunTag(input: { runId: $r, key: "k" }) { __typename } }`,
        { r: runId },
      ),
    ).toMatch(/Success$/);
    const p = await rest('POST', '/api/2.0/mlflow/runs/log-parameter', {
      run_id: runId,
      key: 'alpha',
      value: '1',
    });
    expect(p.status, p.text).toBe(200);
    const s = await rest('POST', '/api/2.0/mlflow/runs/set-tag', {
      run_id: runId,
      key: 'k2',
      value: 'v',
    });
    expect(s.status, s.text).toBe(200);
    const d = await rest('POST', '/api/2.0/mlflow/runs/delete-tag', { run_id: runId, key: 'k2' });
    expect(d.status, d.text).toBe(200);
    const put = await rest('PUT', `/artifacts/${runId}/model/a.txt`, 'hello', {
      'content-type': 'application/octet-stream',
    });
    expect(put.status, put.text).toBeLessThan(300);
    const proxied = `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${runId}/artifacts/b.txt`;
    const put2 = await rest('PUT', proxied, 'hi', { 'content-type': 'application/octet-stream' });
    expect(put2.status, put2.text).toBe(200);
    const del = await rest('DELETE', proxied);
    expect(del.status, del.text).toBe(200);

    const got = await events('run', runId);
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
    const page = await t.executeRaw<AuditPage, unknown>(
      AUDIT,
      { type: 'run', id: runId, first: 4 },
      { authorization: admin },
    );
    expect(page.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const next = await t.executeRaw<AuditPage, unknown>(
      AUDIT,
      { type: 'run', id: runId, first: 10, after: page.data!.auditEvents.pageInfo.endCursor },
      { authorization: admin },
    );
    expect(
      [...page.data!.auditEvents.edges, ...next.data!.auditEvents.edges].map((e) => e.node.action),
    ).toEqual(got.map((e) => e.action));
    expect(next.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
  });

  it('records experiment tags through GraphQL and REST', async () => {
    const experimentId = await newExperiment();
    expect(
      await gql(
        `mutation($e: String!) { setExperimentTag(input: { experimentId: $e, key: "k", value: "v" }) { __typename } }`,
        { e: experimentId },
      ),
    ).toBe('SetExperimentTagSuccess');
    expect(
      await gql(
        `mutation($e: String!) { deleteExperimentTag(input: { experimentId: $e, key: "k" }) { __typename } }`,
        { e: experimentId },
      ),
    ).toMatch(/Success$/);
    // a missing tag changes nothing and records nothing
    expect(
      await gql(
        `mutation($e: String!) { deleteExperimentTag(input: { experimentId: $e, key: "k" }) { __typename } }`,
        { e: experimentId },
      ),
    ).toBe('NotFoundError');
    const set = await rest('POST', '/api/2.0/mlflow/experiments/set-experiment-tag', {
      experiment_id: experimentId,
      key: 'k2',
      value: 'v',
    });
    expect(set.status, set.text).toBe(200);
    const del = await rest('POST', '/api/2.0/mlflow/experiments/delete-experiment-tag', {
      experiment_id: experimentId,
      key: 'k2',
    });
    expect(del.status, del.text).toBe(200);
    const got = await events('experiment', experimentId);
    expect(got.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['experiment.delete_tag', 'alice', { key: 'k2' }],
      ['experiment.set_tag', 'alice', { key: 'k2' }],
      ['experiment.delete_tag', 'alice', { key: 'k' }],
      ['experiment.set_tag', 'alice', { key: 'k' }],
      ['experiment.create', 'alice', expect.anything()],
    ]);
  });

  const span = (spanId: string, name = 'root') => ({
    spanId,
    name,
    startTimeNs: ns(0),
    endTimeNs: ns(10),
  });

  it('records traces: logged, spans, tags, deletes and links, through GraphQL', async () => {
    const experimentId = await newExperiment();
    const traceId = `tr-${hex(16)}`;
    expect(
      await gql(`mutation($i: LogTraceInput!) { logTrace(input: $i) { __typename } }`, {
        i: { experimentId, traceId, spans: [span(hex(8))] },
      }),
    ).toBe('LogTraceSuccess');
    // a second log of the same trace is refused and records nothing
    expect(
      await gql(`mutation($i: LogTraceInput!) { logTrace(input: $i) { __typename } }`, {
        i: { experimentId, traceId, spans: [span(hex(8))] },
      }),
    ).toBe('AlreadyExistsError');
    expect(
      await gql(`mutation($i: LogSpansInput!) { logSpans(input: $i) { __typename } }`, {
        i: { traceId, spans: [span(hex(8), 'child'), span(hex(8), 'child2')] },
      }),
    ).toBe('LogSpansSuccess');
    expect(
      await gql(
        `mutation($t: String!) { setTraceTag(input: { traceId: $t, key: "k", value: "v" }) { __typename } }`,
        { t: traceId },
      ),
    ).toBe('SetTraceTagSuccess');
    expect(
      await gql(
        `mutation($t: String!) { deleteTraceTag(input: { traceId: $t, key: "k" }) { __typename } }`,
        { t: traceId },
      ),
    ).toMatch(/Success$/);
    expect(
      await gql(
        `mutation($t: String!) { deleteTraceTag(input: { traceId: $t, key: "k" }) { __typename } }`,
        { t: traceId },
      ),
    ).toBe('NotFoundError');
    const got = await events('trace', traceId);
    expect(got.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['trace.delete_tag', 'alice', { key: 'k' }],
      ['trace.set_tag', 'alice', { key: 'k' }],
      ['trace.log_spans', 'alice', { spans: 2 }],
      ['trace.log', 'alice', { experimentId, spans: 1 }],
    ]);

    expect(
      await gql(`mutation($i: DeleteTracesInput!) { deleteTraces(input: $i) { __typename } }`, {
        i: { experimentId, traceIds: [traceId, 'tr-unknown'] },
      }),
    ).toBe('DeleteTracesSuccess');
    // nothing left to delete: no event
    expect(
      await gql(`mutation($i: DeleteTracesInput!) { deleteTraces(input: $i) { __typename } }`, {
        i: { experimentId, traceIds: [traceId] },
      }),
    ).toBe('DeleteTracesSuccess');
    const exp = await events('experiment', experimentId);
    expect(exp.map((e) => [e.action, e.detail])).toEqual([
      ['experiment.delete_traces', { traceIds: [traceId, 'tr-unknown'], requested: 2 }],
      ['experiment.create', expect.anything()],
    ]);
  });

  it('records OTLP exports as one event per request, and REST trace writes', async () => {
    const experimentId = await newExperiment();
    const runId = await newRun(experimentId);
    const traces = Array.from({ length: 25 }, () => hex(16));
    const otlp = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: traces.flatMap((traceHex) =>
                [0, 1].map((i) => ({
                  traceId: traceHex,
                  spanId: hex(8),
                  name: `s${i}`,
                  startTimeUnixNano: ns(0),
                  endTimeUnixNano: ns(5),
                  status: { code: 1 },
                })),
              ),
            },
          ],
        },
      ],
    };
    t.sql.length = 0;
    const sent = await rest('POST', '/v1/traces', otlp, { 'x-mlflow-experiment-id': experimentId });
    expect(sent.status, sent.text).toBe(200);
    expect(t.sql.filter((q) => q.includes('audit_events'))).toHaveLength(1);
    expect(t.sql.filter(standaloneAudit)).toEqual([]);
    const exp = await events('experiment', experimentId);
    expect(exp).toHaveLength(2);
    expect(exp[0]).toMatchObject({ action: 'experiment.log_spans', actor: 'alice' });
    const ids = traces.map((h) => `tr-${h}`).sort();
    expect(exp[0]!.detail).toEqual({ traces: 25, spans: 50, traceIds: ids.slice(0, 20) });

    // an export refused as a whole (a trace of another experiment) records nothing
    const other = await newExperiment();
    const mixed = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [hex(16), traces[0]!].map((traceHex) => ({
                traceId: traceHex,
                spanId: hex(8),
                name: 'x',
                startTimeUnixNano: ns(0),
                endTimeUnixNano: ns(5),
                status: { code: 1 },
              })),
            },
          ],
        },
      ],
    };
    const refused = await rest('POST', '/v1/traces', mixed, { 'x-mlflow-experiment-id': other });
    expect(refused.status, refused.text).toBeGreaterThanOrEqual(400);
    expect(await actions('experiment', other)).toEqual(['experiment.create']);

    // MLflow's client finalizes a trace its spans started (StartTraceV3)
    const traceId = ids[0]!;
    const started = await rest('POST', '/api/3.0/mlflow/traces', {
      trace: {
        trace_info: {
          trace_id: traceId,
          trace_location: {
            type: 'MLFLOW_EXPERIMENT',
            mlflow_experiment: { experiment_id: experimentId },
          },
          request_time: new Date(1_700_000_000_000).toISOString(),
          execution_duration: '1.500s',
          state: 'OK',
        },
        spans: [],
      },
    });
    expect(started.status, started.text).toBe(200);
    const tag = await rest('PATCH', `/api/3.0/mlflow/traces/${traceId}/tags`, {
      key: 'k',
      value: 'v',
    });
    expect(tag.status, tag.text).toBe(200);
    const untag = await rest('DELETE', `/api/3.0/mlflow/traces/${traceId}/tags`, { key: 'k' });
    expect(untag.status, untag.text).toBe(200);
    expect(await actions('trace', traceId)).toEqual([
      'trace.delete_tag',
      'trace.set_tag',
      'trace.log',
    ]);

    const linked = await rest('POST', '/api/3.0/mlflow/traces/link-to-run', {
      trace_ids: ids.slice(0, 3),
      run_id: runId,
    });
    expect(linked.status, linked.text).toBe(200);
    // linking again adds no link and records nothing
    await rest('POST', '/api/3.0/mlflow/traces/link-to-run', {
      trace_ids: ids.slice(0, 3),
      run_id: runId,
    });
    const run = await events('run', runId);
    expect(run.map((e) => [e.action, e.detail])).toEqual([
      ['run.link_traces', { traceIds: ids.slice(0, 3), requested: 3 }],
      ['run.create', expect.anything()],
    ]);

    const deleted = await rest('POST', '/api/2.0/mlflow/traces/delete-traces', {
      experiment_id: experimentId,
      max_timestamp_millis: 1_700_000_000_000 + 1000,
      max_traces: 5,
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await events('experiment', experimentId))[0]).toMatchObject({
      action: 'experiment.delete_traces',
      actor: 'alice',
      detail: { maxTimestampMillis: 1_700_000_001_000, maxTraces: 5 },
    });
  });

  it('records assessments created, updated and deleted, through GraphQL and REST', async () => {
    const experimentId = await newExperiment();
    const traceId = `tr-${hex(16)}`;
    await gql(`mutation($i: LogTraceInput!) { logTrace(input: $i) { __typename } }`, {
      i: { experimentId, traceId, spans: [span(hex(8))] },
    });
    const made = await data<{ createAssessment: { assessment: { assessmentId: string } } }>(
      `mutation($t: String!) { createAssessment(input: { traceId: $t, name: "q", kind: FEEDBACK, valueJson: "1" }) { ... on CreateAssessmentSuccess { assessment { assessmentId } } } }`,
      { t: traceId },
    );
    const id = made.createAssessment.assessment.assessmentId;
    expect(
      await gql(
        `mutation($t: String!, $a: String!) { updateAssessment(input: { traceId: $t, assessmentId: $a, rationale: "why" }) { __typename } }`,
        { t: traceId, a: id },
      ),
    ).toMatch(/Success$/);
    expect(
      await gql(
        `mutation($t: String!, $a: String!) { deleteAssessment(input: { traceId: $t, assessmentId: $a }) { __typename } }`,
        { t: traceId, a: id },
      ),
    ).toMatch(/Success$/);
    expect((await events('assessment', id)).map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['assessment.delete', 'alice', { traceId }],
      ['assessment.update', 'alice', { traceId, changed: ['rationale'] }],
      ['assessment.create', 'alice', { traceId, name: 'q', kind: 'feedback' }],
    ]);

    const viaRest = await rest('POST', `/api/3.0/mlflow/traces/${traceId}/assessments`, {
      assessment: { assessment_name: 'r', feedback: { value: true } },
    });
    expect(viaRest.status, viaRest.text).toBe(200);
    const restId = (JSON.parse(viaRest.text) as { assessment: { assessment_id: string } })
      .assessment.assessment_id;
    expect(await actions('assessment', restId)).toEqual(['assessment.create']);
  });
});
