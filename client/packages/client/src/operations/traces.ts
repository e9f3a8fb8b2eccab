import type { Client } from '@urql/core';
import type {
  ClientTraceFieldsFragment,
  DeleteTracesInput,
  LogSpansInput,
  LogTraceInput,
  SetTraceTagInput,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type Page, toPage } from './experiments.ts';
import { type OpResult, send, settle } from './result.ts';

graphql(`
  fragment ClientSpanFields on Span {
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

graphql(`
  fragment ClientTraceFields on Trace {
    traceId
    experimentId
    clientRequestId
    requestTime
    executionDuration
    state
    requestPreview
    responsePreview
    metadata { key value }
    tags { key value }
  }
`);

const LogTraceDoc = graphql(`
  mutation ClientLogTrace($input: LogTraceInput!) {
    logTrace(input: $input) {
      __typename
      ... on LogTraceSuccess { trace { traceId } }
      ...ClientErrorFields
    }
  }
`);

const LogSpansDoc = graphql(`
  mutation ClientLogSpans($input: LogSpansInput!) {
    logSpans(input: $input) {
      __typename
      ... on LogSpansSuccess { trace { traceId } }
      ...ClientErrorFields
    }
  }
`);

const GetDoc = graphql(`
  query ClientTrace($traceId: String!) {
    trace(traceId: $traceId) { ...ClientTraceFields spans { ...ClientSpanFields } }
  }
`);

const SearchDoc = graphql(`
  query ClientSearchTraces(
    $experimentIds: [String!]!
    $filter: String
    $orderBy: [String!]
    $first: Int
    $after: String
  ) {
    searchTraces(
      experimentIds: $experimentIds
      filter: $filter
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      edges { node { ...ClientTraceFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const SetTagDoc = graphql(`
  mutation ClientSetTraceTag($input: SetTraceTagInput!) {
    setTraceTag(input: $input) {
      __typename
      ... on SetTraceTagSuccess { trace { traceId } }
      ...ClientErrorFields
    }
  }
`);

const DeleteTagDoc = graphql(`
  mutation ClientDeleteTraceTag($input: DeleteTraceTagInput!) {
    deleteTraceTag(input: $input) {
      __typename
      ... on DeleteTraceTagSuccess { trace { traceId } }
      ...ClientErrorFields
    }
  }
`);

const DeleteDoc = graphql(`
  mutation ClientDeleteTraces($input: DeleteTracesInput!) {
    deleteTraces(input: $input) {
      __typename
      ... on DeleteTracesSuccess { tracesDeleted }
      ...ClientErrorFields
    }
  }
`);

/** A trace's info as the operations return it. */
export type TraceInfoData = ClientTraceFieldsFragment;
/** A trace with its spans (root first, then by start). */
export type TraceData = NonNullable<Awaited<ReturnType<typeof getTrace>>>;

/** Logs a complete trace with its spans (or finalizes one started by {@link logSpans}); returns its id. */
export async function logTrace(client: Client, input: LogTraceInput): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', LogTraceDoc, { input });
  return settle(data.logTrace, 'LogTraceSuccess', (r) => r.trace.traceId);
}

/** Stores a batch of spans of a running trace (creating it IN_PROGRESS when `experimentId` is given). */
export async function logSpans(client: Client, input: LogSpansInput): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', LogSpansDoc, { input });
  return settle(data.logSpans, 'LogSpansSuccess', (r) => r.trace.traceId);
}

/** A trace with its spans; null when absent. */
export async function getTrace(client: Client, traceId: string) {
  return (await send(client, 'query', GetDoc, { traceId })).trace ?? null;
}

/** Variables of one trace search page. */
export interface SearchTracesPageArgs {
  experimentIds: string[];
  filter?: string | null;
  orderBy?: string[] | null;
  first?: number;
  after?: string | null;
}

/** One page of {@link TraceInfoData} matching a filter (MLflow's trace grammar). */
export async function searchTracesPage(
  client: Client,
  args: SearchTracesPageArgs,
): Promise<Page<TraceInfoData>> {
  return toPage((await send(client, 'query', SearchDoc, args)).searchTraces);
}

/** Sets (upserts) a tag of a trace. */
export async function setTraceTag(
  client: Client,
  input: SetTraceTagInput,
): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', SetTagDoc, { input });
  return settle(data.setTraceTag, 'SetTraceTagSuccess', (r) => r.trace.traceId);
}

/** Deletes a tag of a trace (a missing key is a RESOURCE_DOES_NOT_EXIST error). */
export async function deleteTraceTag(
  client: Client,
  traceId: string,
  key: string,
): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', DeleteTagDoc, { input: { traceId, key } });
  return settle(data.deleteTraceTag, 'DeleteTraceTagSuccess', (r) => r.trace.traceId);
}

/** Deletes traces by id or up to a time; returns how many were deleted. */
export async function deleteTraces(
  client: Client,
  input: DeleteTracesInput,
): Promise<OpResult<number>> {
  const data = await send(client, 'mutation', DeleteDoc, { input });
  return settle(data.deleteTraces, 'DeleteTracesSuccess', (r) => r.tracesDeleted);
}
