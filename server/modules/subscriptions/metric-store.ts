import type { Db } from '../../shared/db.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { exactStepsOf, PackedReads, unpackPoints } from '../metrics/public.ts';
import type { MetricsBatch } from './events.ts';

/** What a live stream needs to know about a run when it starts. */
export interface RunHead {
  lastSeq: number;
  startTime: number;
  experimentId: string;
}

/** Reads of committed batches for replay and gap filling (segments are immutable once written). */
export class MetricStore {
  private readonly packed: PackedReads;

  constructor(private readonly db: Db) {
    this.packed = new PackedReads(db);
  }

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
    const out: MetricsBatch[] = [];
    const range = { after, upTo, limit };
    await this.packed.batchSegments(runId, range, keys, (seq, key, data, exact) => {
      let last = out[out.length - 1];
      if (last?.seq !== seq) {
        last = { runId, seq, committedAt: null, series: [] };
        out.push(last);
      }
      const points = unpackPoints(data);
      last.series.push({ key, ...points, steps: exact ? exactStepsOf(exact) : points.steps });
    });
    return out;
  }
}
