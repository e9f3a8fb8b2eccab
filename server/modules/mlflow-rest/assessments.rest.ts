import { ValidationError } from '../../shared/errors.ts';
import {
  ASSESSMENT_SOURCE_TYPES,
  type AssessmentChanges,
  type AssessmentErrorValue,
  type NewAssessmentInput,
} from '../assessments/public.ts';
import type { RestRoute } from './rest.routes.ts';
import { assessmentJson, parseTimestamp } from './traces.json.ts';
import { missing, type RestInput } from './wire.ts';

function errorOf(o: RestInput | undefined): AssessmentErrorValue | null {
  if (!o) return null;
  return {
    errorCode: o.string('error_code'),
    errorMessage: o.string('error_message'),
    stackTrace: o.string('stack_trace'),
  };
}

/** The expectation value: `value`, or `serialized_value` in MLflow's JSON_FORMAT. */
function expectationValue(o: RestInput): unknown {
  const serialized = o.object('serialized_value');
  if (!serialized) return o.raw('value');
  const format = serialized.string('serialization_format');
  if (format !== 'JSON_FORMAT') {
    throw new ValidationError(
      'expectation.serialized_value',
      `Unknown serialization format: ${format}. Only JSON_FORMAT is supported.`,
    );
  }
  try {
    return JSON.parse(serialized.string('value') ?? '');
  } catch {
    throw new ValidationError('expectation.serialized_value.value', 'The value is not JSON.');
  }
}

/** The value part of an assessment message: its kind, value and error. */
function assessmentValue(a: RestInput): Pick<AssessmentChanges, 'kind' | 'value' | 'error'> {
  const feedback = a.object('feedback');
  const expectation = a.object('expectation');
  if (!feedback === !expectation) {
    throw new ValidationError(
      a.field('feedback'),
      'Exactly one of `expectation` or `feedback` should be specified.',
    );
  }
  if (expectation) return { kind: 'expectation', value: expectationValue(expectation) };
  // the deprecated top-level `error` goes to the feedback, as MLflow's entity does
  const error = errorOf(feedback!.object('error') ?? a.object('error'));
  return { kind: 'feedback', value: feedback!.raw('value'), error };
}

/** An `Assessment` message of a create (StartTraceV3 carries them too). */
export function newAssessmentOf(a: RestInput, traceId: string): NewAssessmentInput {
  const source = a.object('source');
  const created = a.raw('create_time');
  const value = assessmentValue(a);
  return {
    traceId,
    name: a.string('assessment_name') ?? '',
    kind: value.kind!,
    value: value.value,
    error: value.error,
    rationale: a.string('rationale'),
    sourceType: source?.enum('source_type', ASSESSMENT_SOURCE_TYPES, [0, 1, 2, 3]),
    sourceId: source?.string('source_id'),
    spanId: a.string('span_id'),
    metadata: a.map('metadata'),
    overrides: a.string('overrides'),
    createTime: created === undefined ? null : parseTimestamp(created, a.field('create_time')),
  };
}

/** The paths of a FieldMask: a comma-separated string (proto JSON, camelCase) or `{paths}`. */
function maskPaths(input: RestInput): string[] {
  const raw = input.raw('update_mask');
  const paths =
    typeof raw === 'string'
      ? raw.split(',')
      : (input.object('update_mask')?.strings('paths') ?? []);
  const snake = paths.map((p) => p.trim().replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  if (snake.length === 0 || snake.every((p) => p === '')) throw missing('update_mask');
  return snake;
}

/** The changes an UpdateAssessment asks for (fields outside its mask are ignored). */
function changesOf(input: RestInput): AssessmentChanges {
  const a = input.object('assessment');
  if (!a) throw missing('assessment');
  const out: AssessmentChanges = {};
  for (const path of maskPaths(input)) {
    if (path === 'assessment_name') out.name = a.string('assessment_name') ?? '';
    else if (path === 'feedback' || path === 'expectation') Object.assign(out, assessmentValue(a));
    else if (path === 'rationale') out.rationale = a.string('rationale') ?? '';
    else if (path === 'metadata') out.metadata = a.map('metadata');
    else if (path === 'valid') out.valid = a.bool('valid') ?? true;
  }
  return out;
}

const ONE = 'mlflow/traces/:trace_id/assessments/:assessment_id';

/** MLflow 3's assessment endpoints (`/api/3.0` only). */
export const ASSESSMENT_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    version: 3,
    path: 'mlflow/traces/:trace_id/assessments',
    async handle({ input, params, services }) {
      const a = input.object('assessment');
      if (!a) throw missing('assessment');
      const created = await services.assessments.create(newAssessmentOf(a, params.trace_id!));
      return { assessment: assessmentJson(created) };
    },
  },
  {
    method: 'GET',
    version: 3,
    path: ONE,
    async handle({ params, services }) {
      const a = await services.assessments.get(params.trace_id!, params.assessment_id!);
      return { assessment: assessmentJson(a) };
    },
  },
  {
    method: 'PATCH',
    version: 3,
    path: ONE,
    async handle({ input, params, services }) {
      const a = await services.assessments.update(
        params.trace_id!,
        params.assessment_id!,
        changesOf(input),
      );
      return { assessment: assessmentJson(a) };
    },
  },
  {
    method: 'DELETE',
    version: 3,
    path: ONE,
    async handle({ params, services }) {
      await services.assessments.delete(params.trace_id!, params.assessment_id!);
      return {};
    },
  },
];
