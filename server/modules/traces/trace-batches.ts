import { ValidationError } from '../../shared/errors.ts';
import { checkText } from '../../shared/validation.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { normaliseTags } from '../params-tags/public.ts';
import type { Span } from './span.entity.ts';
import {
  type DecodedSpanInput,
  normaliseDecodedSpans,
  normaliseSpans,
  type SpanInput,
} from './span-input.ts';
import { KeyValueRows, type TraceContents } from './trace-contents.sql.ts';
import { TRACE_KEYS, validateTraceId } from './trace-rows.sql.ts';
import { summarise } from './trace-rules.ts';
import type { SpanBatch } from './trace-write.sql.ts';

/** Helpers of the trace writes: checked span batches, chunks, and what a write stores. */

/** Checks spans of one trace (`normalise`: how their attributes are read) into a non-empty batch. */
function checkedBatch<I>(
  traceId: string,
  input: readonly I[],
  normalise: (spans: readonly I[], traceId: string) => Span[],
): SpanBatch {
  validateTraceId(traceId);
  if (input.length === 0) throw new ValidationError('spans', 'No spans to log.');
  const spans = normalise(input, traceId);
  return { traceId, spans, sum: summarise(spans) };
}

/** Checks spans of one trace into a non-empty batch with its summary. */
export const spanBatch = (traceId: string, input: readonly SpanInput[]): SpanBatch =>
  checkedBatch(traceId, input, normaliseSpans);

/** {@link spanBatch} for spans decoded from an OTLP export (attribute values decoded). */
export const decodedSpanBatch = (traceId: string, input: readonly DecodedSpanInput[]): SpanBatch =>
  checkedBatch(traceId, input, normaliseDecodedSpans);

/** Consecutive runs of `batches` holding at most `maxSpans` spans each (a larger batch alone). */
export function chunkBySpans<B extends { spans: readonly unknown[] }>(
  batches: readonly B[],
  maxSpans: number,
): B[][] {
  const chunks: B[][] = [];
  let current: B[] = [];
  let spans = 0;
  for (const b of batches) {
    if (current.length > 0 && spans + b.spans.length > maxSpans) {
      chunks.push(current);
      current = [];
      spans = 0;
    }
    current.push(b);
    spans += b.spans.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Tags or metadata checked as MLflow does (keys), with values PostgreSQL can store. */
export function checkedTags(list: readonly KeyValue[], field: string): KeyValue[] {
  list.forEach((kv, i) => {
    checkText(kv.value, `${field}[${i}].value`);
  });
  return normaliseTags(list, field);
}

/** Contents with `spans` and no tags or metadata yet. */
export function emptyContents(spans: readonly Span[]): TraceContents {
  return {
    spans,
    tags: new KeyValueRows(),
    defaultTags: new KeyValueRows(),
    metadata: new KeyValueRows(),
    artifactTraceIds: [],
  };
}

/**
 * Adds a trace's client tags and the server's: `mlflow.trace.spansLocation` (replacing, when spans
 * are stored), and `mlflow.artifactLocation` and `mlflow.traceName` only where absent, so a tag the
 * client set (or changed later) wins.
 */
export function addServerTags(
  contents: TraceContents,
  { traceId, spans, sum }: SpanBatch,
  clientTags: readonly KeyValue[],
): void {
  const replace = new Map(clientTags.map((t) => [t.key, t.value]));
  if (spans.length > 0) replace.set(TRACE_KEYS.spansLocation, 'TRACKING_STORE');
  contents.tags.add(
    traceId,
    [...replace].map(([key, value]) => ({ key, value })),
  );
  if (sum.rootName !== null && !replace.has(TRACE_KEYS.traceName)) {
    contents.defaultTags.add(traceId, [{ key: TRACE_KEYS.traceName, value: sum.rootName }]);
  }
  if (!replace.has(TRACE_KEYS.artifactLocation)) contents.artifactTraceIds.push(traceId);
}

/** The contents span batches store: their spans and the server's tags. */
export function contentsOf(batches: readonly SpanBatch[]): TraceContents {
  const contents = emptyContents(batches.flatMap((b) => b.spans));
  for (const batch of batches) addServerTags(contents, batch, []);
  return contents;
}

/** Refuses spans or info for a trace stored in another experiment. */
export function checkExperiment(stored: number, experimentId: number, traceId: string): void {
  if (stored !== experimentId) {
    throw new ValidationError(
      'experimentId',
      `Trace '${traceId}' belongs to experiment ${stored}, not ${experimentId}.`,
    );
  }
}
