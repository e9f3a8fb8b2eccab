import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { validateTimestamp } from '../../shared/validation.ts';
import { type AuditLog, someKeys } from '../audit/public.ts';

/** Which traces deleteTraces removes: by id, or the oldest up to a time (and a count). */
export interface DeleteTracesInput {
  experimentId: string;
  traceIds?: readonly string[] | null;
  maxTimestampMillis?: number | null;
  maxTraces?: number | null;
}

/**
 * Deletes traces of experiment `expId` (with their spans, metadata and tags) and returns how many;
 * the delete and its audit event (none when nothing was deleted) are one statement.
 *
 * @remarks Either `traceIds` (at most 100; ids of other experiments are left alone) or
 * `maxTimestampMillis`: the traces that started at or before it, oldest first, at most
 * `maxTraces` of them when given. An unknown experiment deletes nothing. The caller checks
 * permissions.
 */
export async function deleteTracesOf(
  db: Db,
  audit: AuditLog,
  expId: number,
  input: DeleteTracesInput,
): Promise<number> {
  const byIds = input.traceIds != null;
  if (byIds === (input.maxTimestampMillis != null)) {
    throw new ValidationError(
      'traceIds',
      'Give either traceIds or maxTimestampMillis (with an optional maxTraces), not both.',
    );
  }
  if (byIds) {
    const ids = input.traceIds!;
    if (ids.length > LIMITS.maxTraceIdsPerDelete) {
      throw new ValidationError(
        'traceIds',
        `At most ${LIMITS.maxTraceIdsPerDelete} trace ids per call; got ${ids.length}.`,
      );
    }
    if (input.maxTraces != null)
      throw new ValidationError('maxTraces', 'maxTraces goes with maxTimestampMillis only.');
    const rows = await db.query(
      ...audit.audited(
        `delete from trace_info where experiment_id = $1 and trace_id = any($2::text[]) returning trace_id`,
        [expId, ids],
        'experiment',
        String(expId),
        'delete_traces',
        { traceIds: someKeys(ids), requested: ids.length },
      ),
    );
    return rows.length;
  }
  validateTimestamp(input.maxTimestampMillis!, 'maxTimestampMillis');
  if (input.maxTraces != null && (!Number.isSafeInteger(input.maxTraces) || input.maxTraces < 1))
    throw new ValidationError('maxTraces', 'maxTraces must be a positive integer.');
  const rows = await db.query(
    ...audit.audited(
      `delete from trace_info where trace_id in (
         select trace_id from trace_info where experiment_id = $1 and request_time <= $2
         order by request_time, trace_id limit $3)
       returning trace_id`,
      [expId, input.maxTimestampMillis, input.maxTraces ?? null],
      'experiment',
      String(expId),
      'delete_traces',
      { maxTimestampMillis: input.maxTimestampMillis, maxTraces: input.maxTraces ?? null },
    ),
  );
  return rows.length;
}
