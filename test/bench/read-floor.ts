import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { percentile } from './harness.ts';

/**
 * Raw SQL floors for the metric reads (issue #15): the bytes a request needs, fetched by one
 * hand-written statement over a plain pg connection, with no decoding, so each read's API overhead
 * over the database is visible as a ratio.
 *
 * @remarks Points are stored packed (`metric_segments.points`, see server/modules/metrics/README.md),
 * so the floor of a history or series read is the run's segments, and the floor of a bucket read
 * is the segments' block summaries (`blocks_s` or `blocks_t`, what a bucket fold reads before it
 * needs any point). Both as a binary COPY, as the server reads them (a `select` would send bytea as
 * hex text). The floor decodes nothing: the API's figure includes turning bytes into points.
 */

/** Whether `id` is safe to inline into COPY (which takes no parameters): run ids are hex. */
function hex(id: string): string {
  if (!/^[0-9a-f]{1,64}$/.test(id)) throw new Error(`not a run id: ${id}`);
  return `'${id}'`;
}

/** Reads `select` as a binary COPY; returns the bytes received. */
async function copyBytes(client: pg.Client, select: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of client.query(copyTo(`copy (${select}) to stdout (format binary)`)))
    bytes += (chunk as Buffer).length;
  return bytes;
}

export interface Floor {
  p50: number;
  p99: number;
  /** What one read fetched: bytes for the COPY floors, rows for the row floors. */
  size: number;
}

/** Times `read` `n` times (after 3 warm-up reads) on one fresh pg connection. */
async function timeFloor(
  url: string,
  n: number,
  read: (client: pg.Client) => Promise<number>,
): Promise<Floor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const samples: number[] = [];
    let size = 0;
    for (let i = 0; i < n + 3; i++) {
      const t0 = performance.now();
      size = await read(client);
      if (i >= 3) samples.push(performance.now() - t0);
    }
    return {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      size,
    };
  } finally {
    await client.end();
  }
}

/** Floor of a whole-history read (`metricSeries`, `metricHistory`): every segment of one series. */
export function seriesFloor(url: string, runId: string, key: string, n: number): Promise<Floor> {
  return timeFloor(url, n, (c) =>
    copyBytes(
      c,
      `select seq, points, exact_steps from metric_segments
       where run_id = ${hex(runId)} and key = ${pg.escapeLiteral(key)} order by seq`,
    ),
  );
}

/** Floor of a bucket read over `runIds`: the block summaries of every segment on `axis`. */
export function bucketsFloor(
  url: string,
  runIds: readonly string[],
  key: string,
  axis: 'STEP' | 'WALL_TIME',
  n: number,
): Promise<Floor> {
  const column = axis === 'STEP' ? 'blocks_s' : 'blocks_t';
  return timeFloor(url, n, (c) =>
    copyBytes(
      c,
      `select run_id, seq, n, min_step, max_step, min_ts, max_ts, ${column} from metric_segments
       where run_id in (${runIds.map(hex).join(', ')}) and key = ${pg.escapeLiteral(key)}
       order by run_id, seq`,
    ),
  );
}

/** The figures a read reports beside its own: the floor and the API over it. */
export function floorFigures(apiP50: number, floor: Floor) {
  return {
    floor_p50_ms: +floor.p50.toFixed(2),
    floor_size: floor.size,
    api_over_floor_p50: +(apiP50 / floor.p50).toFixed(2),
  };
}

/**
 * Floor of `searchTraces` returning 100 traces with their metadata and root spans: the page
 * (newest first, optionally only traces with `metadata[key] = value`), then its metadata and root
 * spans as plain rows, in one hand-written statement (the form the run-search floor found cheapest).
 * The metadata condition has the form the `(key, left(value, 200))` index serves, as the server's.
 */
export function traceSearchFloor(
  url: string,
  experimentId: string,
  metadata: { key: string; value: string } | null,
  n: number,
): Promise<Floor> {
  const filter = metadata
    ? `and exists (select 1 from trace_metadata kv where kv.trace_id = t.trace_id
         and kv.key = $2 and left(kv.value, 200) = left($3, 200) and kv.value = $3)`
    : '';
  const text = `with page as materialized (
      select t.trace_id, t.request_time, t.execution_duration, t.state, t.request_preview
      from trace_info t where t.experiment_id = $1 ${filter}
      order by t.request_time desc, t.trace_id limit 101)
    select 0 as kind, trace_id, request_time, execution_duration, state, request_preview,
      null::text as key, null::text as value, null::int8 as start_ns, null::int8 as end_ns
    from page
    union all select 1, trace_id, null, null, null, null, key, value, null, null
      from trace_metadata where trace_id = any(array(select trace_id from page))
    union all select 2, trace_id, null, null, status_code, span_type, span_id, name,
      start_time_ns, end_time_ns
      from spans where trace_id = any(array(select trace_id from page)) and parent_span_id is null`;
  const values = metadata ? [experimentId, metadata.key, metadata.value] : [experimentId];
  return timeFloor(url, n, async (c) => (await c.query(text, values)).rowCount ?? 0);
}
