import { ValidationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import { checkText, validateLength, validateTimestamp } from '../../shared/validation.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { LoggedTraceInfo } from './logged-trace.sql.ts';
import type { Span } from './span.entity.ts';
import { normaliseSpans, type SpanInput } from './span-input.ts';
import { checkOptionalText } from './span-values.ts';
import type { TraceState } from './trace.entity.ts';
import { addServerTags, checkedTags, emptyContents } from './trace-batches.ts';
import type { TraceContents } from './trace-contents.sql.ts';
import { cutPreview } from './trace-preview.ts';
import { TRACE_ID_PREFIX, TRACE_KEYS, validateTraceId } from './trace-rows.sql.ts';
import { type SpanSummary, summarise } from './trace-rules.ts';

/** A complete trace to log (MLflow's StartTraceV3 at trace end, with its spans). */
export interface LogTraceInput {
  experimentId: string;
  traceId?: string | null;
  clientRequestId?: string | null;
  requestTime?: number | null;
  executionDuration?: number | null;
  state?: TraceState | null;
  requestPreview?: string | null;
  responsePreview?: string | null;
  metadata?: readonly KeyValue[] | null;
  tags?: readonly KeyValue[] | null;
  spans?: readonly SpanInput[] | null;
}

/** A logged trace's input, checked (see {@link checkLoggedTrace}). */
export interface CheckedTrace {
  input: LogTraceInput;
  traceId: string;
  spans: Span[];
  sum: SpanSummary;
  metadata: KeyValue[];
  tags: KeyValue[];
}

const optionalPreview = (s: string | null | undefined) => (s == null ? null : cutPreview(s));

/**
 * Checks the input of logTrace (see `TraceService.logTrace`); the trace id is generated when
 * absent, and the server's `mlflow.trace.infoFinalized` metadata overrides a client value.
 */
export function checkLoggedTrace(input: LogTraceInput): CheckedTrace {
  const traceId = input.traceId ?? `${TRACE_ID_PREFIX}${newId()}`;
  validateTraceId(traceId);
  if (input.state === 'IN_PROGRESS') {
    throw new ValidationError('state', 'A logged trace has ended: its state is OK or ERROR.');
  }
  if (input.requestTime != null) validateTimestamp(input.requestTime, 'requestTime');
  if (input.executionDuration != null) {
    validateTimestamp(input.executionDuration, 'executionDuration');
  }
  if (input.clientRequestId != null) {
    validateLength(input.clientRequestId, LIMITS.maxEntityKeyLength, 'clientRequestId');
    checkText(input.clientRequestId, 'clientRequestId');
  }
  checkOptionalText(input.requestPreview, 'requestPreview');
  checkOptionalText(input.responsePreview, 'responsePreview');
  // the server's own flag goes last, so a client value for it is overridden
  const metadata = checkedTags(
    [...(input.metadata ?? []), { key: TRACE_KEYS.infoFinalized, value: 'true' }],
    'metadata',
  );
  const tags = checkedTags(input.tags ?? [], 'tags');
  const spans = normaliseSpans(input.spans ?? [], traceId);
  return { input, traceId, spans, sum: summarise(spans), metadata, tags };
}

/**
 * The info and contents a checked trace stores in `experimentId`: unset fields come from the root
 * span's summary (null when it has none), previews are cut, and the server's tags are added.
 */
export function loggedTraceRows(
  t: CheckedTrace,
  experimentId: number,
): { info: LoggedTraceInfo; contents: TraceContents } {
  const { input, traceId, spans, sum } = t;
  const info: LoggedTraceInfo = {
    traceId,
    experimentId,
    clientRequestId: input.clientRequestId ?? null,
    requestTime: input.requestTime ?? sum.startMs,
    executionDuration:
      input.executionDuration ??
      (sum.startMs !== null && sum.endMs !== null ? sum.endMs - sum.startMs : null),
    state: input.state ?? sum.rootState ?? 'OK',
    requestPreview: optionalPreview(input.requestPreview) ?? sum.requestPreview,
    responsePreview: optionalPreview(input.responsePreview) ?? sum.responsePreview,
  };
  const contents = emptyContents(spans);
  contents.metadata.add(traceId, t.metadata);
  addServerTags(contents, { traceId, spans, sum }, t.tags);
  return { info, contents };
}
