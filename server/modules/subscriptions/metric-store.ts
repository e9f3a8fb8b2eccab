import type { Db } from '../../shared/db.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { KeySeries, MetricsBatch } from './events.ts';

interface SegmentRow extends KeySeries {
  seq: number;
}

/** What a live stream needs to know about a run when it starts. */
export interface RunHead {
  lastSeq: number;
  startTime: number;
  experimentId: string;
}

/** Reads of committed batches for replay and gap filling (segments are immutable once written). */
export class MetricStore {
  constructor(private readonly db: Db) {}

  /** The run's last committed sequence number and start time; NotFoundError when absent. */
  async head(runId: string): Promise<RunHead> {
    const [row] = await this.db.query<RunHead>(
      `select last_seq as "lastSeq", start_time as "startTime", experiment_id::text as "experimentId"
       from runs where id = $1`,
      [runId],
    );
    if (!row) throw new NotFoundError('Run', runId, `Run with id=${runId} not found`);
    return row;
  }

  /**
   * Batches with `after < seq <= upTo`, oldest first, at most `limit` of them (only batches with
   * points of `keys`, when given).
   */
  async batches(
    runId: string,
    after: number,
    upTo: number,
    keys: readonly string[] | null,
    limit: number,
  ): Promise<MetricsBatch[]> {
    const rows = await this.db.query<SegmentRow>(
      `with s as (
         select distinct seq from metric_segments
         where run_id = $1 and seq > $2 and seq <= $3 and ($4::text[] is null or key = any($4))
         order by seq limit $5
       )
       select seq, key, steps, timestamps, vals as "values" from metric_segments
       where run_id = $1 and seq in (select seq from s) and ($4::text[] is null or key = any($4))
       order by seq, key`,
      [runId, after, upTo, keys, limit],
    );
    const out: MetricsBatch[] = [];
    for (const r of rows) {
      let last = out[out.length - 1];
      if (last?.seq !== r.seq) {
        last = { runId, seq: r.seq, committedAt: null, series: [] };
        out.push(last);
      }
      last.series.push({ key: r.key, steps: r.steps, timestamps: r.timestamps, values: r.values });
    }
    return out;
  }
}
