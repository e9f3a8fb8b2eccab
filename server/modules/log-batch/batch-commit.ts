import type { SqlClient } from '../../shared/db.ts';
import {
  metricWriteCtes,
  metricWriteValues,
  type PreparedMetrics,
  prepareBlocks,
} from '../metrics/public.ts';

/** Outcome of {@link commitBatchStatement}. */
export type CommitOutcome =
  | { kind: 'committed'; seq: number }
  | { kind: 'replayed'; seq: number }
  | { kind: 'unwritable' };

// A fixed text, prepared once per connection as a named statement.
const COMMIT_BATCH_SQL = `with locked as (
    select last_seq + 1 as seq from runs where id = $1 and lifecycle_stage = 'active' for update
  ), claimed as (
    insert into batch_receipts (run_id, idempotency_key, seq, created_time)
    select $1, $2::text, seq, $3::int8 from locked where $2::text is not null
    on conflict do nothing returning seq
  ), batch as (
    select seq from locked where $2::text is null union all select seq from claimed
  ), bump as (
    update runs set last_seq = batch.seq from batch where runs.id = $1 returning batch.seq
  ), ${metricWriteCtes('$1', 'batch', 4)}
  select (select seq from bump) as seq, (select seq from locked) as next,
    (select seq from batch_receipts where run_id = $1 and idempotency_key = $2::text) as prior`;

/**
 * One statement that numbers a batch and writes its metrics: it locks the run row, takes
 * `last_seq + 1`, claims the idempotency key (if any), bumps `runs.last_seq` and writes the segments
 * and summaries, all or nothing.
 *
 * @remarks Outside a transaction this is the whole metrics-only logBatch in one round trip. A key
 * already claimed writes nothing (`replayed`, with the original seq); a missing or deleted run
 * writes nothing (`unwritable`; the caller finds out which).
 */
export async function commitBatchStatement(
  sql: SqlClient,
  runId: string,
  idempotencyKey: string | null,
  metrics: PreparedMetrics,
): Promise<CommitOutcome> {
  const blocks = prepareBlocks(metrics);
  const [row] = await sql.query<{ seq: number | null; next: number | null; prior: number | null }>(
    COMMIT_BATCH_SQL,
    [runId, idempotencyKey, Date.now(), ...metricWriteValues(metrics, blocks)],
    'trackql_commit_batch',
  );
  if (row?.seq != null) return { kind: 'committed', seq: row.seq };
  if (row?.next != null) return { kind: 'replayed', seq: row.prior ?? 0 };
  return { kind: 'unwritable' };
}
