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
  bytes: number;
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
    let bytes = 0;
    for (let i = 0; i < n + 3; i++) {
      const t0 = performance.now();
      bytes = await read(client);
      if (i >= 3) samples.push(performance.now() - t0);
    }
    return {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      bytes,
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
    floor_bytes: floor.bytes,
    api_over_floor_p50: +(apiP50 / floor.p50).toFixed(2),
  };
}
