import { randomBytes } from 'node:crypto';
import type { SpanInput } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';

export const TraceFields = graphql(`
  fragment TraceFields on Trace {
    traceId
    experimentId
    clientRequestId
    requestTime
    executionDuration
    endTime
    state
    requestPreview
    responsePreview
    metadata { key value }
    tags { key value }
  }
`);

export const SpanFields = graphql(`
  fragment SpanFields on Span {
    traceId
    spanId
    parentSpanId
    name
    spanType
    startTimeNs
    endTimeNs
    statusCode
    statusMessage
    inputs
    outputs
    attributes { key value }
    events { name timeNs attributes { key value } }
  }
`);

export const LogTrace = graphql(`
  mutation LogTrace($input: LogTraceInput!) {
    logTrace(input: $input) {
      __typename
      ... on LogTraceSuccess { trace { ...TraceFields spans { ...SpanFields } } }
      ...ErrorFields
    }
  }
`);

export const LogSpans = graphql(`
  mutation LogSpans($input: LogSpansInput!) {
    logSpans(input: $input) {
      __typename
      ... on LogSpansSuccess { trace { ...TraceFields spans { spanId } } }
      ...ErrorFields
    }
  }
`);

export const GetTrace = graphql(`
  query GetTrace($traceId: String!) {
    trace(traceId: $traceId) {
      ...TraceFields
      experiment { experimentId }
      spans { ...SpanFields }
      rootSpan { spanId name }
    }
  }
`);

export const SetTraceTag = graphql(`
  mutation SetTraceTag($input: SetTraceTagInput!) {
    setTraceTag(input: $input) {
      __typename
      ... on SetTraceTagSuccess { trace { tags { key value } } }
      ...ErrorFields
    }
  }
`);

export const DeleteTraceTag = graphql(`
  mutation DeleteTraceTag($input: DeleteTraceTagInput!) {
    deleteTraceTag(input: $input) {
      __typename
      ... on DeleteTraceTagSuccess { trace { tags { key value } } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const DeleteTraces = graphql(`
  mutation DeleteTraces($input: DeleteTracesInput!) {
    deleteTraces(input: $input) {
      __typename
      ... on DeleteTracesSuccess { tracesDeleted }
      ...ErrorFields
    }
  }
`);

/** A new trace id: `tr-` + 32 hex. */
export function newTraceId(): string {
  return `tr-${randomBytes(16).toString('hex')}`;
}

/** A new span id: 16 hex. */
export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}

/** ns as a decimal string for `ms` milliseconds since the epoch (plus `extraNs`). */
export function ns(ms: number, extraNs = 0): string {
  return (BigInt(ms) * 1_000_000n + BigInt(extraNs)).toString();
}

/** A finished span starting at `startMs` and lasting `durationMs`. */
export function span(
  name: string,
  startMs: number,
  durationMs: number,
  extra: Partial<SpanInput> = {},
): SpanInput {
  return {
    spanId: newSpanId(),
    name,
    startTimeNs: ns(startMs),
    endTimeNs: ns(startMs + durationMs),
    statusCode: 'OK',
    ...extra,
  };
}
