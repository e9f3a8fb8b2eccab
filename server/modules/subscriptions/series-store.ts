import type { Db } from '../../shared/db.ts';

/** A stored point of one run, as the first frame of a live series reads it. */
export interface StoredPoint {
  runId: string;
  step: number;
  timestamp: number;
  value: number;
}

/**
 * Reads one key's points of several runs, each up to a sequence number, in one statement.
 *
 * @remarks A plain unnest of the segments; `steps` narrows to segments overlapping a step range.
 * The search module's SQL downsampling should replace this once both are merged.
 */
export async function loadSeriesPoints(
  db: Db,
  key: string,
  upTo: ReadonlyMap<string, number>,
  steps: { min: number | null; max: number | null },
): Promise<StoredPoint[]> {
  if (upTo.size === 0) return [];
  return db.query<StoredPoint>(
    `select s.run_id as "runId", p.step, p.timestamp, p.value
     from metric_segments s
     join unnest($1::text[], $2::int8[]) as r(id, upto) on s.run_id = r.id and s.seq <= r.upto
     cross join lateral unnest(s.steps, s.timestamps, s.vals) as p(step, timestamp, value)
     where s.key = $3 and ($4::int8 is null or s.max_step >= $4) and ($5::int8 is null or s.min_step <= $5)`,
    [[...upTo.keys()], [...upTo.values()], key, steps.min, steps.max],
  );
}
