import { ValidationError } from '../../shared/errors.ts';
import { checkText, validateLength } from '../../shared/validation.ts';
import { checkJsonValue } from '../traces/public.ts';
import type {
  AssessmentErrorValue,
  AssessmentKind,
  AssessmentSourceType,
} from './assessment.entity.ts';

/** A new assessment of a trace (MLflow's CreateAssessment). */
export interface NewAssessmentInput {
  traceId: string;
  name: string;
  kind: AssessmentKind;
  /** The feedback or expectation value; undefined when absent. */
  value?: unknown;
  error?: AssessmentErrorValue | null;
  rationale?: string | null;
  sourceType?: AssessmentSourceType | null;
  sourceId?: string | null;
  spanId?: string | null;
  metadata?: Record<string, string> | null;
  overrides?: string | null;
  createTime?: number | null;
}

/** Changes to an assessment (MLflow's UpdateAssessment with its update mask applied). */
export interface AssessmentChanges {
  name?: string | null;
  /** The kind of a new value (it must be the assessment's); implied by `value` or `error`. */
  kind?: AssessmentKind;
  value?: unknown;
  error?: AssessmentErrorValue | null;
  rationale?: string | null;
  /** Merged into the stored metadata. */
  metadata?: Record<string, string> | null;
  valid?: boolean | null;
}

const MAX_NAME = 250;
const MAX_ID = 50;

function checkName(name: string): void {
  if (name === '') {
    throw new ValidationError(
      'assessment_name',
      "Missing value for required parameter 'assessment_name'.",
    );
  }
  validateLength(name, MAX_NAME, 'assessment_name');
  checkText(name, 'assessment_name');
}

function checkCommon(c: AssessmentChanges): void {
  if (c.name != null) checkName(c.name);
  if (c.value !== undefined) checkJsonValue(c.value, c.kind ?? 'value');
  if (c.error) {
    for (const [k, v] of Object.entries(c.error))
      if (typeof v === 'string') checkText(v, `error.${k}`);
  }
  if (c.rationale != null) checkText(c.rationale, 'rationale');
  for (const [k, v] of Object.entries(c.metadata ?? {})) {
    checkText(k, 'metadata');
    checkText(v, `metadata.${k}`);
  }
}

/** Checks the value of a feedback (a value or an error) or an expectation (a value, no error). */
function checkValue(kind: AssessmentKind, value: unknown, error: unknown): void {
  if (kind === 'expectation') {
    if (error)
      throw new ValidationError('error', 'Cannot set `error` when `expectation` is specified.');
    if (value === undefined || value === null) {
      throw new ValidationError('expectation', 'The `value` field must be specified.');
    }
  } else if ((value === undefined || value === null) && !error) {
    throw new ValidationError('feedback', 'Either `value` or `error` must be provided.');
  }
}

/** A new assessment checked, with MLflow's default source (CODE for feedback, HUMAN else). */
export function checkedNew(input: NewAssessmentInput) {
  checkName(input.name);
  checkCommon(input);
  checkValue(input.kind, input.value, input.error);
  const sourceType =
    input.sourceType && input.sourceType !== 'SOURCE_TYPE_UNSPECIFIED'
      ? input.sourceType
      : input.kind === 'feedback'
        ? 'CODE'
        : 'HUMAN';
  const sourceId = input.sourceId || 'default';
  validateLength(sourceId, MAX_NAME, 'source.source_id');
  checkText(sourceId, 'source.source_id');
  for (const [field, v] of [
    ['span_id', input.spanId],
    ['overrides', input.overrides],
  ] as const) {
    if (v != null) {
      validateLength(v, MAX_ID, field);
      checkText(v, field);
    }
  }
  return { ...input, sourceType, sourceId };
}

/** Changes checked on their own, before the stored assessment is read. */
export function checkedChanges(c: AssessmentChanges): AssessmentChanges {
  checkCommon(c);
  return c;
}

/**
 * The changes against the stored kind: a value of the other kind is refused (MLflow's messages);
 * a value or error without a kind takes the stored one, and must suit it.
 */
export function changesForKind(stored: AssessmentKind, c: AssessmentChanges): AssessmentChanges {
  if (c.kind !== undefined && c.kind !== stored) {
    throw new ValidationError(
      c.kind,
      c.kind === 'expectation'
        ? 'Cannot update expectation value on a Feedback assessment.'
        : 'Cannot update feedback value on an Expectation assessment.',
    );
  }
  if (c.kind === undefined && c.value === undefined && !c.error) return c;
  checkValue(stored, c.value, c.error);
  return { ...c, kind: stored };
}
