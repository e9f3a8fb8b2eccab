import type { Client } from '@urql/core';
import type { LogBatchInput } from '../gql/graphql.ts';
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
