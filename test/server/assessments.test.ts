import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateAssessment,
  DeleteAssessment,
  TraceAssessments,
  UpdateAssessment,
} from '../helpers/assessment-documents.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { LogTrace, newTraceId, span } from '../helpers/trace-documents.ts';

let t: TestApp;
let traceId: string;
beforeAll(async () => {
  t = await createTestApp();
  const exp = await seedExperiment(t);
  traceId = newTraceId();
  await t.execute(LogTrace, {
    input: { experimentId: exp, traceId, spans: [span('root', 1_700_000_000_000, 10)] },
  });
});
afterAll(() => t.close());

async function create(input: Record<string, unknown>) {
  const res = await t.execute(CreateAssessment, {
    input: { traceId, name: 'quality', kind: 'FEEDBACK', ...input },
  });
  if (res.createAssessment.__typename !== 'CreateAssessmentSuccess') {
    throw new Error(JSON.stringify(res.createAssessment));
  }
  return res.createAssessment.assessment;
}

describe('assessments in GraphQL', () => {
  it('creates, lists on the trace, updates, overrides and deletes', async () => {
    const fb = await create({
      valueJson: '0.75',
      rationale: 'fine',
      sourceType: 'LLM_JUDGE',
      sourceId: 'judge-1',
      metadata: [{ key: 'b', value: '2' }],
    });
    expect(fb).toMatchObject({
      traceId,
      kind: 'FEEDBACK',
      valueJson: '0.75',
      sourceType: 'LLM_JUDGE',
      valid: true,
      metadata: [{ key: 'b', value: '2' }],
    });
    const ex = await create({ name: 'answer', kind: 'EXPECTATION', valueJson: '{"a":[1]}' });
    expect(ex).toMatchObject({ sourceType: 'HUMAN', sourceId: 'default', valueJson: '{"a":[1]}' });
    const up = await t.execute(UpdateAssessment, {
      input: {
        traceId,
        assessmentId: fb.assessmentId,
        valueJson: '0.5',
        metadata: [{ key: 'a', value: '1' }],
      },
    });
    expect(up.updateAssessment).toMatchObject({
      __typename: 'UpdateAssessmentSuccess',
      assessment: {
        valueJson: '0.5',
        rationale: 'fine',
        metadata: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
      },
    });
    const over = await create({ valueJson: '1', overrides: fb.assessmentId });
    const listed = (await t.execute(TraceAssessments, { traceId })).trace!.assessments;
    expect(listed.map((a) => [a.assessmentId, a.valid])).toEqual([
      [fb.assessmentId, false],
      [ex.assessmentId, true],
      [over.assessmentId, true],
    ]);
    const del = await t.execute(DeleteAssessment, {
      input: { traceId, assessmentId: over.assessmentId },
    });
    expect(del.deleteAssessment).toEqual({ __typename: 'DeleteAssessmentSuccess', deleted: true });
    const after = (await t.execute(TraceAssessments, { traceId })).trace!.assessments;
    expect(after.find((a) => a.assessmentId === fb.assessmentId)?.valid).toBe(true);
  });

  it('answers domain errors as typed results', async () => {
    const missing = await t.execute(CreateAssessment, {
      input: { traceId: newTraceId(), name: 'x', kind: 'FEEDBACK', valueJson: '1' },
    });
    expect(missing.createAssessment).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
    const noValue = await t.execute(CreateAssessment, {
      input: { traceId, name: 'x', kind: 'EXPECTATION' },
    });
    expect(noValue.createAssessment).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_PARAMETER_VALUE',
    });
    const badJson = await t.execute(CreateAssessment, {
      input: { traceId, name: 'x', kind: 'FEEDBACK', valueJson: '{' },
    });
    expect(badJson.createAssessment).toMatchObject({ __typename: 'ValidationError' });
    const ex = await create({ name: 'e', kind: 'EXPECTATION', valueJson: '"yes"' });
    const wrong = await t.execute(UpdateAssessment, {
      input: { traceId, assessmentId: ex.assessmentId, error: { errorCode: 'E' } },
    });
    expect(wrong.updateAssessment).toMatchObject({ __typename: 'ValidationError' });
    const gone = await t.execute(UpdateAssessment, {
      input: { traceId, assessmentId: 'a-none', name: 'y' },
    });
    expect(gone.updateAssessment).toMatchObject({ __typename: 'NotFoundError' });
  });
});
