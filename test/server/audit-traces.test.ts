import { describe, expect, it } from 'vitest';
import { auditWorld, hex, ns, standaloneAudit } from '../helpers/audit-world.ts';

// Changes of traces (logged, spans, OTLP exports, tags, deletes, links to runs) and assessments each
// write one audit event, through GraphQL and the MLflow REST routes, with the caller as actor.

describe('audit log of traces and assessments', () => {
  const w = auditWorld();

  const span = (spanId: string, name = 'root') => ({
    spanId,
    name,
    startTimeNs: ns(0),
    endTimeNs: ns(10),
  });

  it('records traces: logged, spans, tags, deletes and links, through GraphQL', async () => {
    const experimentId = await w.newExperiment();
    const traceId = `tr-${hex(16)}`;
    expect(
      await w.gql(`mutation($i: LogTraceInput!) { logTrace(input: $i) { __typename } }`, {
        i: { experimentId, traceId, spans: [span(hex(8))] },
      }),
    ).toBe('LogTraceSuccess');
    // a second log of the same trace is refused and records nothing
    expect(
      await w.gql(`mutation($i: LogTraceInput!) { logTrace(input: $i) { __typename } }`, {
        i: { experimentId, traceId, spans: [span(hex(8))] },
      }),
    ).toBe('AlreadyExistsError');
    expect(
      await w.gql(`mutation($i: LogSpansInput!) { logSpans(input: $i) { __typename } }`, {
        i: { traceId, spans: [span(hex(8), 'child'), span(hex(8), 'child2')] },
      }),
    ).toBe('LogSpansSuccess');
    expect(
      await w.gql(
        `mutation($t: String!) { setTraceTag(input: { traceId: $t, key: "k", value: "v" }) { __typename } }`,
        { t: traceId },
      ),
    ).toBe('SetTraceTagSuccess');
    expect(
      await w.gql(
        `mutation($t: String!) { deleteTraceTag(input: { traceId: $t, key: "k" }) { __typename } }`,
        { t: traceId },
      ),
    ).toMatch(/Success$/);
    expect(
      await w.gql(
        `mutation($t: String!) { deleteTraceTag(input: { traceId: $t, key: "k" }) { __typename } }`,
        { t: traceId },
      ),
    ).toBe('NotFoundError');
    const got = await w.events('trace', traceId);
    expect(got.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['trace.delete_tag', 'alice', { key: 'k' }],
      ['trace.set_tag', 'alice', { key: 'k' }],
      ['trace.log_spans', 'alice', { spans: 2 }],
      ['trace.log', 'alice', { experimentId, spans: 1 }],
    ]);

    expect(
      await w.gql(`mutation($i: DeleteTracesInput!) { deleteTraces(input: $i) { __typename } }`, {
        i: { experimentId, traceIds: [traceId, 'tr-unknown'] },
      }),
    ).toBe('DeleteTracesSuccess');
    // nothing left to delete: no event
    expect(
      await w.gql(`mutation($i: DeleteTracesInput!) { deleteTraces(input: $i) { __typename } }`, {
        i: { experimentId, traceIds: [traceId] },
      }),
    ).toBe('DeleteTracesSuccess');
    const exp = await w.events('experiment', experimentId);
    expect(exp.map((e) => [e.action, e.detail])).toEqual([
      ['experiment.delete_traces', { traceIds: [traceId, 'tr-unknown'], requested: 2 }],
      ['experiment.create', expect.anything()],
    ]);
  });

  it('records OTLP exports as one event per request, and REST trace writes', async () => {
    const experimentId = await w.newExperiment();
    const runId = await w.newRun(experimentId);
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
    w.t.sql.length = 0;
    const sent = await w.rest('POST', '/v1/traces', otlp, {
      'x-mlflow-experiment-id': experimentId,
    });
    expect(sent.status, sent.text).toBe(200);
    expect(w.t.sql.filter((q) => q.includes('audit_events'))).toHaveLength(1);
    expect(w.t.sql.filter(standaloneAudit)).toEqual([]);
    const exp = await w.events('experiment', experimentId);
    expect(exp).toHaveLength(2);
    expect(exp[0]).toMatchObject({ action: 'experiment.log_spans', actor: 'alice' });
    const ids = traces.map((h) => `tr-${h}`).sort();
    expect(exp[0]!.detail).toEqual({ traces: 25, spans: 50, traceIds: ids.slice(0, 20) });

    // an export refused as a whole (a trace of another experiment) records nothing
    const other = await w.newExperiment();
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
    const refused = await w.rest('POST', '/v1/traces', mixed, { 'x-mlflow-experiment-id': other });
    expect(refused.status, refused.text).toBeGreaterThanOrEqual(400);
    expect(await w.actions('experiment', other)).toEqual(['experiment.create']);

    // MLflow's client finalizes a trace its spans started (StartTraceV3)
    const traceId = ids[0]!;
    const started = await w.rest('POST', '/api/3.0/mlflow/traces', {
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
    const tag = await w.rest('PATCH', `/api/3.0/mlflow/traces/${traceId}/tags`, {
      key: 'k',
      value: 'v',
    });
    expect(tag.status, tag.text).toBe(200);
    const untag = await w.rest('DELETE', `/api/3.0/mlflow/traces/${traceId}/tags`, { key: 'k' });
    expect(untag.status, untag.text).toBe(200);
    expect(await w.actions('trace', traceId)).toEqual([
      'trace.delete_tag',
      'trace.set_tag',
      'trace.log',
    ]);

    const linked = await w.rest('POST', '/api/3.0/mlflow/traces/link-to-run', {
      trace_ids: ids.slice(0, 3),
      run_id: runId,
    });
    expect(linked.status, linked.text).toBe(200);
    // linking again adds no link and records nothing
    await w.rest('POST', '/api/3.0/mlflow/traces/link-to-run', {
      trace_ids: ids.slice(0, 3),
      run_id: runId,
    });
    const run = await w.events('run', runId);
    expect(run.map((e) => [e.action, e.detail])).toEqual([
      ['run.link_traces', { traceIds: ids.slice(0, 3), requested: 3 }],
      ['run.create', expect.anything()],
    ]);

    const deleted = await w.rest('POST', '/api/2.0/mlflow/traces/delete-traces', {
      experiment_id: experimentId,
      max_timestamp_millis: 1_700_000_000_000 + 1000,
      max_traces: 5,
    });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await w.events('experiment', experimentId))[0]).toMatchObject({
      action: 'experiment.delete_traces',
      actor: 'alice',
      detail: { maxTimestampMillis: 1_700_000_001_000, maxTraces: 5 },
    });
  });

  it('records assessments created, updated and deleted, through GraphQL and REST', async () => {
    const experimentId = await w.newExperiment();
    const traceId = `tr-${hex(16)}`;
    await w.gql(`mutation($i: LogTraceInput!) { logTrace(input: $i) { __typename } }`, {
      i: { experimentId, traceId, spans: [span(hex(8))] },
    });
    const made = await w.data<{ createAssessment: { assessment: { assessmentId: string } } }>(
      `mutation($t: String!) { createAssessment(input: { traceId: $t, name: "q", kind: FEEDBACK, valueJson: "1" }) { ... on CreateAssessmentSuccess { assessment { assessmentId } } } }`,
      { t: traceId },
    );
    const id = made.createAssessment.assessment.assessmentId;
    expect(
      await w.gql(
        `mutation($t: String!, $a: String!) { updateAssessment(input: { traceId: $t, assessmentId: $a, rationale: "why" }) { __typename } }`,
        { t: traceId, a: id },
      ),
    ).toMatch(/Success$/);
    expect(
      await w.gql(
        `mutation($t: String!, $a: String!) { deleteAssessment(input: { traceId: $t, assessmentId: $a }) { __typename } }`,
        { t: traceId, a: id },
      ),
    ).toMatch(/Success$/);
    expect((await w.events('assessment', id)).map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['assessment.delete', 'alice', { traceId }],
      ['assessment.update', 'alice', { traceId, changed: ['rationale'] }],
      ['assessment.create', 'alice', { traceId, name: 'q', kind: 'feedback' }],
    ]);

    const viaRest = await w.rest('POST', `/api/3.0/mlflow/traces/${traceId}/assessments`, {
      assessment: { assessment_name: 'r', feedback: { value: true } },
    });
    expect(viaRest.status, viaRest.text).toBe(200);
    const restId = (JSON.parse(viaRest.text) as { assessment: { assessment_id: string } })
      .assessment.assessment_id;
    const one = `/api/3.0/mlflow/traces/${traceId}/assessments/${restId}`;
    const patched = await w.rest('PATCH', one, {
      assessment: { feedback: { value: false } },
      update_mask: 'feedback',
    });
    expect(patched.status, patched.text).toBe(200);
    const gone = await w.rest('DELETE', one);
    expect(gone.status, gone.text).toBe(200);
    expect(
      (await w.events('assessment', restId)).map((e) => [e.action, e.actor, e.detail]),
    ).toEqual([
      ['assessment.delete', 'alice', { traceId }],
      ['assessment.update', 'alice', { traceId, changed: ['value'] }],
      ['assessment.create', 'alice', { traceId, name: 'r', kind: 'feedback' }],
    ]);
  });
});
