import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { TraceInfoSchema } from '../traces/public.ts';

/** Who produced an assessment (MLflow `AssessmentSource.SourceType`). */
export const ASSESSMENT_SOURCE_TYPES = [
  'SOURCE_TYPE_UNSPECIFIED',
  'HUMAN',
  'LLM_JUDGE',
  'CODE',
] as const;
export type AssessmentSourceType = (typeof ASSESSMENT_SOURCE_TYPES)[number];

/** The two kinds of assessment: a judgement (feedback) or a ground truth (expectation). */
export const ASSESSMENT_KINDS = ['feedback', 'expectation'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** An error a feedback carries instead of (or beside) a value. */
export interface AssessmentErrorValue {
  errorCode?: string | null;
  errorMessage?: string | null;
  stackTrace?: string | null;
}

/**
 * An assessment of a trace (MLflow 3): `a-` + 32 hex. `value` holds the decoded JSON value (an
 * expectation sent serialized is stored decoded); times are ms; `valid` turns false when another
 * assessment overrides it.
 */
export const AssessmentSchema = defineEntity({
  name: 'Assessment',
  tableName: 'assessments',
  indexes: [{ name: 'assessments_trace_time_index', properties: ['traceId', 'createTime'] }],
  properties: {
    assessmentId: p.string().length(50).primary(),
    traceId: p
      .manyToOne(TraceInfoSchema)
      .mapToPk()
      .fieldName('trace_id')
      .foreignKeyName('assessments_trace_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    name: p.string().length(250),
    kind: p.enum([...ASSESSMENT_KINDS]),
    value: p.json<unknown>().nullable(),
    error: p.json<AssessmentErrorValue>().nullable(),
    rationale: p.text().nullable(),
    sourceType: p.enum([...ASSESSMENT_SOURCE_TYPES]),
    sourceId: p.string().length(250),
    spanId: p.string().length(50).nullable(),
    metadata: p.json<Record<string, string>>().default('{}'),
    overrides: p.string().length(50).nullable(),
    valid: p.boolean().default(true),
    createTime: p.bigint('number'),
    lastUpdateTime: p.bigint('number'),
  },
});

export type Assessment = InferEntity<typeof AssessmentSchema>;
