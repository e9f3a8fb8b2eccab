import { type Client, stringifyDocument } from '@urql/core';
import { TrackingError } from '../errors.ts';
import type { ClientLogBatchMutation, ErrorCode, LogBatchInput } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type OpResult, send, settle } from './result.ts';

const LogBatchDoc = graphql(`
  mutation ClientLogBatch($input: LogBatchInput!) {
    logBatch(input: $input) {
      __typename
      ... on BatchAck {
        seq
        replayed
        metricsWritten
      }
      ...ClientErrorFields
    }
  }
`);

/** What the server acknowledged for one batch. */
export interface BatchAck {
  seq: number;
  /** True when the idempotency key was seen before and nothing was written again. */
  replayed: boolean;
  metricsWritten: number;
}

/**
 * Sends one `logBatch`: metrics (parallel lists per key), params and tags for one run, atomically.
 *
 * @remarks Limits: 1000 metric points, 100 params, 100 tags, 1000 in all. With an
 * `idempotencyKey`, sending the same batch again writes nothing and acknowledges `replayed: true`,
 * which makes retries safe.
 */
export async function logBatch(client: Client, input: LogBatchInput): Promise<OpResult<BatchAck>> {
  const data = await send(client, 'mutation', LogBatchDoc, { input });
  return settle(data.logBatch, 'BatchAck', (r) => ({
    seq: r.seq,
    replayed: r.replayed,
    metricsWritten: r.metricsWritten,
  }));
}

/** Where {@link sendLogBatch} posts: the same settings as `createTrackingClient`. */
export interface BatchEndpoint {
  url: string;
  token?: string;
  fetch?: typeof fetch;
}

const logBatchQuery = stringifyDocument(LogBatchDoc);

type LogBatchResponse = {
  data?: ClientLogBatchMutation | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/**
 * Sends one `logBatch` with a plain `fetch` and `JSON.stringify`: the batch logger's hot path.
 *
 * @remarks Same document, result and errors as {@link logBatch}; it skips urql because urql
 * serialises the variables twice with a per-element stringifier (once to key the operation, once
 * for the body), which cost more client CPU than everything else per point. A 5xx or a body that
 * is not GraphQL JSON is a `network` error carrying the HTTP `status`.
 */
export async function sendLogBatch(
  endpoint: BatchEndpoint,
  input: LogBatchInput,
): Promise<OpResult<BatchAck>> {
  let res: Response;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  try {
    res = await (endpoint.fetch ?? fetch)(endpoint.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: logBatchQuery,
        operationName: 'ClientLogBatch',
        variables: { input },
      }),
    });
  } catch (cause) {
    throw new TrackingError('network', `[Network] ${String(cause)}`, { cause });
  }
  const text = await res.text().catch(() => '');
  let body: LogBatchResponse | null = null;
  try {
    body = JSON.parse(text) as LogBatchResponse;
  } catch {
    body = null;
  }
  if (res.status >= 500 || body === null || (body.data == null && !body.errors)) {
    const message = `[Network] ${res.status} ${res.statusText || text.slice(0, 200)}`;
    throw new TrackingError('network', message, { status: res.status });
  }
  if (body.errors?.length || body.data == null) {
    const first = body.errors?.[0];
    throw new TrackingError('graphql', `[GraphQL] ${first?.message ?? 'no data'}`, {
      status: res.status,
      code: first?.extensions?.code as ErrorCode | undefined,
    });
  }
  return settle(body.data.logBatch, 'BatchAck', (r) => ({
    seq: r.seq,
    replayed: r.replayed,
    metricsWritten: r.metricsWritten,
  }));
}
