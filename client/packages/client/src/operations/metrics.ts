import type { Client } from '@urql/core';
import type { ClientMetricHistoryQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { decodeStep } from '../validate.ts';
import { send } from './result.ts';

const HistoryDoc = graphql(`
  query ClientMetricHistory($runId: String!, $key: String!, $first: Int, $after: String) {
    run(runId: $runId) {
      metricHistory(key: $key, first: $first, after: $after) {
        edges {
          node {
            step
            timestamp
            value
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const SummariesDoc = graphql(`
  query ClientMetricSummaries($runId: String!) {
    run(runId: $runId) {
      metricSummaries {
        key
        count
        min
        max
        lastSeq
        last {
          step
          timestamp
          value
        }
      }
    }
  }
`);

/**
 * One metric point; `value` is a number (NaN and ±Infinity decoded), `step` a number, or a
 * `bigint` when beyond ±(2^53-1).
 */
export interface MetricPoint {
  step: number | bigint;
  timestamp: number;
  value: number;
}

/** Per-key aggregates of a run's metric. */
export interface MetricSummary {
  key: string;
  count: number;
  /** Sequence number of the batch that last changed this key. */
  lastSeq: number;
  min: number | null;
  max: number | null;
  last: MetricPoint;
}

/** Decodes a `MetricValue` ("NaN", "Infinity", "-Infinity" or a number) to a number. */
export function decodeMetricValue(v: number | string): number {
  return typeof v === 'number' ? v : Number(v);
}

/**
 * Fetches every point of one metric key, by step, then timestamp, then logging order.
 *
 * @remarks Pages through the history `pageSize` points at a time (the server caps it at 100,000).
 * The default 10,000 bounds what one response costs the server (a page's point objects, result
 * tree and response text: a 100,000-point page took the server's RSS from ~150 to ~250 MiB) at
 * little cost in requests.
 */
export async function getMetricHistory(
  client: Client,
  runId: string,
  key: string,
  pageSize = 10_000,
): Promise<MetricPoint[]> {
  const out: MetricPoint[] = [];
  let after: string | null = null;
  for (;;) {
    const data: ClientMetricHistoryQuery = await send(client, 'query', HistoryDoc, {
      runId,
      key,
      first: pageSize,
      after,
    });
    const c = data.run?.metricHistory;
    if (!c) return out;
    for (const e of c.edges) {
      out.push({
        step: decodeStep(e.node.step),
        timestamp: e.node.timestamp,
        value: decodeMetricValue(e.node.value),
      });
    }
    if (!c.pageInfo.hasNextPage) return out;
    after = c.pageInfo.endCursor ?? null;
  }
}

/** Fetches a run's per-key metric summaries (count, min, max, last), sorted by key. */
export async function getMetricSummaries(client: Client, runId: string): Promise<MetricSummary[]> {
  const data = await send(client, 'query', SummariesDoc, { runId });
  return (data.run?.metricSummaries ?? []).map((s) => ({
    key: s.key,
    count: s.count,
    lastSeq: s.lastSeq,
    min: s.min == null ? null : decodeMetricValue(s.min),
    max: s.max == null ? null : decodeMetricValue(s.max),
    last: {
      step: decodeStep(s.last.step),
      timestamp: s.last.timestamp,
      value: decodeMetricValue(s.last.value),
    },
  }));
}
