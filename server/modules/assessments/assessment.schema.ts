import { builder } from '../../builder.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { TagInputRef } from '../experiments/public.ts';
import { TagRef } from '../params-tags/public.ts';
import { TraceRef } from '../traces/public.ts';
import type {
  ASSESSMENT_KINDS,
  ASSESSMENT_SOURCE_TYPES,
  Assessment,
  AssessmentErrorValue,
} from './assessment.entity.ts';

const KindEnum = builder.enumType('AssessmentKind', {
  description: 'What an assessment records.',
  values: {
    FEEDBACK: { value: 'feedback', description: 'A judgement of the trace (a score, a label...).' },
    EXPECTATION: {
      value: 'expectation',
      description: 'The ground truth the trace should produce.',
    },
  } satisfies Record<string, { value: (typeof ASSESSMENT_KINDS)[number]; description: string }>,
});

const SourceTypeEnum = builder.enumType('AssessmentSourceType', {
  description: 'Who produced an assessment (MLflow `AssessmentSource.SourceType`).',
  values: {
    SOURCE_TYPE_UNSPECIFIED: { description: 'Not said.' },
    HUMAN: { description: 'A person.' },
    LLM_JUDGE: { description: 'A model acting as a judge.' },
    CODE: { description: 'A program (a heuristic scorer).' },
  } satisfies Record<(typeof ASSESSMENT_SOURCE_TYPES)[number], { description: string }>,
});

const ErrorValueRef = builder.objectRef<AssessmentErrorValue>('AssessmentError').implement({
  description: 'An error a feedback carries instead of (or beside) a value.',
  fields: (t) => ({
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'Error code.' }),
    errorMessage: t.exposeString('errorMessage', { nullable: true, description: 'Message.' }),
    stackTrace: t.exposeString('stackTrace', { nullable: true, description: 'Stack trace.' }),
  }),
});

const AssessmentRef = builder.objectRef<Assessment>('Assessment').implement({
  description: 'Feedback on, or an expectation of, a trace (MLflow 3 assessments).',
  fields: (t) => ({
    assessmentId: t.exposeString('assessmentId', { description: 'Id: `a-` + 32 hex.' }),
    traceId: t.exposeString('traceId', { description: 'The assessed trace.' }),
    name: t.exposeString('name', { description: 'Name, e.g. `relevance`.' }),
    kind: t.field({
      type: KindEnum,
      description: 'Feedback or expectation.',
      resolve: (a) => a.kind,
    }),
    valueJson: t.string({
      nullable: true,
      description: 'The value as JSON text; null for a feedback that only carries an error.',
      resolve: (a) => (a.value === null ? null : JSON.stringify(a.value)),
    }),
    error: t.expose('error', { type: ErrorValueRef, nullable: true, description: 'Error.' }),
    rationale: t.exposeString('rationale', { nullable: true, description: 'Why this value.' }),
    sourceType: t.field({
      type: SourceTypeEnum,
      description: 'Who produced it.',
      resolve: (a) => a.sourceType,
    }),
    sourceId: t.exposeString('sourceId', { description: 'Which human, judge or program.' }),
    spanId: t.exposeString('spanId', { nullable: true, description: 'The assessed span, if one.' }),
    metadata: t.field({
      type: [TagRef],
      description: 'Metadata entries, sorted by key.',
      resolve: (a) =>
        Object.entries(a.metadata)
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
          .map(([key, value]) => ({ key, value })),
    }),
    overrides: t.exposeString('overrides', {
      nullable: true,
      description: 'Id of the assessment this one replaces.',
    }),
    valid: t.exposeBoolean('valid', { description: 'False once another assessment overrides it.' }),
    createTime: t.field({
      type: 'SafeInt',
      description: 'Created, ms.',
      resolve: (a) => a.createTime,
    }),
    lastUpdateTime: t.field({
      type: 'SafeInt',
      description: 'Last changed, ms.',
      resolve: (a) => a.lastUpdateTime,
    }),
  }),
});

builder.objectField(TraceRef, 'assessments', (t) =>
  t.loadableList({
    type: AssessmentRef,
    description: 'Feedback and expectations on the trace, oldest first.',
    load: (ids: string[], ctx) => ctx.services.assessments.byTraceIds(ids),
    resolve: (tr) => tr.traceId,
  }),
);

/** Decodes a JSON-text value of an input (undefined when absent). */
function jsonValue(text: string | null | undefined, field: string): unknown {
  if (text == null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(field, `'${field}' must be JSON text.`);
  }
}

const ErrorInput = builder.inputType('AssessmentErrorInput', {
  description: 'An error of a feedback.',
  fields: (f) => ({
    errorCode: f.string({ description: 'Error code.' }),
    errorMessage: f.string({ description: 'Message.' }),
    stackTrace: f.string({ description: 'Stack trace.' }),
  }),
});

const metadataOf = (list: readonly { key: string; value: string }[] | null | undefined) =>
  list ? Object.fromEntries(list.map((kv) => [kv.key, kv.value])) : null;

const data = { name: 'assessment', description: 'The assessment after the change.' };

builder.mutationFields((t) => ({
  createAssessment: t.field({
    type: AssessmentRef,
    ...mutationResult(
      'Creates feedback or an expectation on a trace. With `overrides`, the overridden assessment becomes invalid.',
      [NotFoundError],
      data,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'The assessment.',
        type: builder.inputType('CreateAssessmentInput', {
          description: 'Input of createAssessment.',
          fields: (f) => ({
            traceId: f.string({ required: true, description: 'Trace id.' }),
            name: f.string({ required: true, description: 'Name (at most 250 characters).' }),
            kind: f.field({
              type: KindEnum,
              required: true,
              description: 'Feedback or expectation.',
            }),
            valueJson: f.string({ description: 'The value as JSON text.' }),
            error: f.field({ type: ErrorInput, description: 'An error (feedback only).' }),
            rationale: f.string({ description: 'Why this value.' }),
            sourceType: f.field({
              type: SourceTypeEnum,
              description: 'Who produced it; default CODE for feedback, HUMAN for expectations.',
            }),
            sourceId: f.string({
              description: 'Which human, judge or program; default `default`.',
            }),
            spanId: f.string({ description: 'The assessed span.' }),
            metadata: f.field({ type: [TagInputRef], description: 'Metadata entries.' }),
            overrides: f.string({ description: 'Id of an assessment of the trace to replace.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) =>
      ctx.services.assessments.create({
        ...input,
        value: jsonValue(input.valueJson, 'valueJson'),
        metadata: metadataOf(input.metadata),
      }),
  }),
  updateAssessment: t.field({
    type: AssessmentRef,
    ...mutationResult(
      'Changes an assessment: given fields only; metadata is merged; a value must suit its kind.',
      [NotFoundError],
      data,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which assessment and what changes.',
        type: builder.inputType('UpdateAssessmentInput', {
          description: 'Input of updateAssessment.',
          fields: (f) => ({
            traceId: f.string({ required: true, description: 'Trace id.' }),
            assessmentId: f.string({ required: true, description: 'Assessment id.' }),
            name: f.string({ description: 'New name.' }),
            valueJson: f.string({ description: 'New value as JSON text (replaces the error).' }),
            error: f.field({ type: ErrorInput, description: 'New error (feedback only).' }),
            rationale: f.string({ description: 'New rationale.' }),
            metadata: f.field({ type: [TagInputRef], description: 'Entries to add or replace.' }),
            valid: f.boolean({ description: 'Mark valid or invalid.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) =>
      ctx.services.assessments.update(input.traceId, input.assessmentId, {
        ...input,
        value: jsonValue(input.valueJson, 'valueJson'),
        metadata: metadataOf(input.metadata),
      }),
  }),
  deleteAssessment: t.field({
    type: 'Boolean',
    ...mutationResult(
      'Deletes an assessment (a missing one is a no-op); one it overrode becomes valid again.',
      [NotFoundError],
      { name: 'deleted', description: 'Always true.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which assessment.',
        type: builder.inputType('DeleteAssessmentInput', {
          description: 'Input of deleteAssessment.',
          fields: (f) => ({
            traceId: f.string({ required: true, description: 'Trace id.' }),
            assessmentId: f.string({ required: true, description: 'Assessment id.' }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.assessments.delete(input.traceId, input.assessmentId);
      return true;
    },
  }),
}));
