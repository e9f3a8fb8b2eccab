import { type Client, stringifyDocument } from '@urql/core';
import { TrackingError } from '../errors.ts';
import type { ClientLogBatchMutation, LogBatchInput } from '../gql/graphql.ts';
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

/** A raw HTTP answer: status and body text. */
export interface RawResponse {
  status: number;
  statusText: string;
  text: string;
}

/** POSTs a body and resolves with the whole answer; rejects when no answer came. */
export type PostFn = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<RawResponse>;

/** Where {@link sendLogBatch} posts: the same settings as `createTrackingClient`. */
export interface BatchEndpoint {
  url: string;
  token?: string;
  /** A `fetch` implementation; default the global one. */
  fetch?: typeof fetch;
  /**
   * The POST to use instead of `fetch` (`@trackql/node` passes its keep-alive `node:http` one,
   * which costs less CPU per request than undici's fetch). Ignored when `fetch` is set.
   */
  post?: PostFn;
}

/** A {@link PostFn} over a `fetch` implementation. */
export function fetchPost(fetchFn: typeof fetch): PostFn {
  return async (url, headers, body) => {
    const res = await fetchFn(url, { method: 'POST', headers, body });
    return { status: res.status, statusText: res.statusText, text: await res.text() };
  };
}

const logBatchQuery = stringifyDocument(LogBatchDoc);

type LogBatchResponse = {
  data?: ClientLogBatchMutation | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/**
 * Sends one `logBatch` with `JSON.stringify` and a plain HTTP POST: the batch logger's hot path.
 *
 * @remarks Same document, result and errors as {@link logBatch}. It skips urql, which serialises
 * the variables twice with a per-element stringifier (once to key the operation, once for the
 * body), and posts with `endpoint.post` (node:http in `@trackql/node`) unless `endpoint.fetch` is
 * set; together these halved the client's CPU per point. A 5xx or a body that is not GraphQL JSON is a `network` error with the HTTP `status`.
 */
export async function sendLogBatch(
  endpoint: BatchEndpoint,
  input: LogBatchInput,
): Promise<OpResult<BatchAck>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  const body = JSON.stringify({
    query: logBatchQuery,
    operationName: 'ClientLogBatch',
    variables: { input },
  });
  let res: RawResponse;
  try {
    const post = endpoint.fetch
      ? fetchPost(endpoint.fetch)
      : (endpoint.post ?? fetchPost((u, init) => globalThis.fetch(u, init)));
    res = await post(endpoint.url, headers, body);
  } catch (cause) {
    throw new TrackingError('network', `[Network] ${String(cause)}`, { cause });
  }
  let parsed: LogBatchResponse | null = null;
  try {
    parsed = JSON.parse(res.text) as LogBatchResponse;
  } catch {
    parsed = null;
  }
  if (res.status >= 500 || parsed === null || (parsed.data == null && !parsed.errors)) {
    const message = `[Network] ${res.status} ${res.statusText || res.text.slice(0, 200)}`;
    throw new TrackingError('network', message, { status: res.status });
  }
  if (parsed.errors?.length || parsed.data == null) {
    const first = parsed.errors?.[0];
    throw new TrackingError('graphql', `[GraphQL] ${first?.message ?? 'no data'}`, {
      status: res.status,
      code: first?.extensions?.code,
    });
  }
  return settle(parsed.data.logBatch, 'BatchAck', (r) => ({
    seq: r.seq,
    replayed: r.replayed,
    metricsWritten: r.metricsWritten,
  }));
}
