import type { Span } from './span.entity.ts';
import { nsBefore } from './span-input.ts';
import type { TraceState } from './trace.entity.ts';
import { previewOf } from './trace-preview.ts';
import { SPAN_KEYS } from './trace-rows.sql.ts';

const NS_PER_MS = 1_000_000n;

/** Nanoseconds (decimal string) to whole milliseconds, rounded down. */
export function nsToMs(ns: string): number {
  return Number(BigInt(ns) / NS_PER_MS);
}

/**
 * The trace state a root span implies once it has ended: ERROR for an ERROR status, otherwise OK.
 *
 * @remarks (quirk, decided) Python maps an UNSET root to STATE_UNSPECIFIED, the TypeScript SDK to
 * OK; we follow the TypeScript SDK, so a trace is never in an unspecified state.
 */
export function stateOfRoot(root: Span | null): TraceState | null {
  if (!root || root.endTimeNs === null) return null;
  return root.statusCode === 'ERROR' ? 'ERROR' : 'OK';
}

/** What a batch of spans says about its trace's time window (ms), state and previews. */
export interface SpanSummary {
  startMs: number | null;
  endMs: number | null;
  rootState: TraceState | null;
  requestPreview: string | null;
  responsePreview: string | null;
  rootName: string | null;
}

/** Whole milliseconds of nanoseconds given as a decimal string without leading zeros. */
const msOf = (ns: string) => (ns.length > 6 ? Number(ns.slice(0, -6)) : 0);

/**
 * Summarises spans (times as {@link normaliseSpans} leaves them: decimal, no leading zeros):
 * earliest start, latest end, the root's state, previews and name.
 */
export function summarise(spans: readonly Span[]): SpanSummary {
  let start: string | null = null;
  let end: string | null = null;
  let root: Span | null = null;
  for (const s of spans) {
    if (start === null || nsBefore(s.startTimeNs, start)) start = s.startTimeNs;
    if (s.endTimeNs !== null && (end === null || nsBefore(end, s.endTimeNs))) end = s.endTimeNs;
    if (root === null && s.parentSpanId === null) root = s;
  }
  const attr = (key: string) => (root && key in root.attributes ? root.attributes[key] : undefined);
  const inputs = attr(SPAN_KEYS.inputs);
  const outputs = attr(SPAN_KEYS.outputs);
  return {
    startMs: start === null ? null : msOf(start),
    endMs: end === null ? null : msOf(end),
    rootState: stateOfRoot(root),
    requestPreview: inputs === undefined ? null : previewOf(inputs, 'user'),
    responsePreview: outputs === undefined ? null : previewOf(outputs, 'assistant'),
    rootName: root?.name ?? null,
  };
}
