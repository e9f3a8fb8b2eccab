import type { Db, SqlClient } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { MetricService } from '../metrics/metric.service.ts';
import type { KeyValue } from '../params-tags/params-tags.service.ts';
import { PARENT_RUN_TAG, RUN_NAME_TAG, RunService } from '../runs/run.service.ts';
import type { Publisher } from '../subscriptions/publisher.ts';
import { type LogBatchInput, type ValidBatch, validateBatch } from './log-batch.validation.ts';

/** What a committed (or replayed) batch acknowledges. */
export interface LogBatchAck {
  runId: string;
  /** The batch's number in the run's sequence; equal for a replayed idempotent batch. */
  seq: number;
  /** True when the idempotency key was already seen and nothing new was written. */
  replayed: boolean;
  metricsWritten: number;
}

class Replay extends Error {
  constructor(readonly seq: number) {
    super('replay');
  }
}

/** The one write primitive: metrics, params and tags for one run, all or nothing. */
export class LogBatchService {
  constructor(
    private readonly db: Db,
    private readonly publisher: Publisher,
  ) {}

  /**
   * Validates and writes a batch in one transaction, numbering it in the run's sequence.
   *
   * @remarks Order: validate everything, lock the run (missing: RESOURCE_DOES_NOT_EXIST, deleted:
   * INVALID_STATE), skip a batch whose idempotency key was seen, check param immutability, then
   * write params, tags and metrics. Any failure rolls the whole batch back.
   */
  async log(input: LogBatchInput): Promise<LogBatchAck> {
    const batch = validateBatch(input);
    try {
      const { seq, experimentId } = await this.db.transaction(async (sql) => {
        const { lastSeq, experimentId } = await RunService.lockActive(sql, batch.runId);
        const seq = lastSeq + 1;
        if (batch.idempotencyKey !== null) await this.claimKey(sql, batch, seq);
        if (batch.params.length > 0) await this.writeParams(sql, batch.runId, batch.params);
        if (batch.tags.length > 0) await this.writeTags(sql, batch.runId, batch.tags);
        await MetricService.insertBatch(sql, batch.runId, seq, batch.metrics);
        await sql.query('update runs set last_seq = $2 where id = $1', [batch.runId, seq]);
        return { seq, experimentId };
      });
      this.publishCommitted(batch, seq, experimentId);
      return { runId: batch.runId, seq, replayed: false, metricsWritten: batch.metrics.points };
    } catch (err) {
      if (err instanceof Replay)
        return { runId: batch.runId, seq: err.seq, replayed: true, metricsWritten: 0 };
      throw err;
    }
  }

  /** Publishes a committed batch: its points, then its params and tags as run events. */
  private publishCommitted(batch: ValidBatch, seq: number, experimentId: string): void {
    const { runId } = batch;
    this.publisher.batch(runId, seq, batch.metrics);
    if (batch.params.length > 0) {
      this.publisher.run({ kind: 'PARAMS_LOGGED', runId, experimentId, seq, params: batch.params });
    }
    if (batch.tags.length > 0) {
      this.publisher.run({ kind: 'TAGS_SET', runId, experimentId, seq, tags: batch.tags });
      const name = batch.tags.find((t) => t.key === RUN_NAME_TAG)?.value;
      if (name !== undefined) {
        this.publisher.run({ kind: 'RENAMED', runId, experimentId, seq, name: name.slice(0, 250) });
      }
    }
  }

  private async claimKey(sql: SqlClient, batch: ValidBatch, seq: number): Promise<void> {
    const [claimed] = await sql.query(
      `insert into batch_receipts (run_id, idempotency_key, seq, created_time) values ($1, $2, $3, $4)
       on conflict do nothing returning seq`,
      [batch.runId, batch.idempotencyKey, seq, Date.now()],
    );
    if (claimed) return;
    const [prior] = await sql.query<{ seq: number }>(
      'select seq from batch_receipts where run_id = $1 and idempotency_key = $2',
      [batch.runId, batch.idempotencyKey],
    );
    throw new Replay(prior!.seq);
  }

  /** Inserts new params; an existing key with a different value rejects the whole batch. */
  private async writeParams(sql: SqlClient, runId: string, params: KeyValue[]): Promise<void> {
    const keys = params.map((p) => p.key);
    const existing = await sql.query<KeyValue>(
      'select key, value from params where run_id = $1 and key = any($2::text[])',
      [runId, keys],
    );
    const old = new Map(existing.map((p) => [p.key, p.value]));
    const conflicts = params.filter((p) => old.has(p.key) && old.get(p.key) !== p.value);
    if (conflicts.length > 0) {
      const c = conflicts[0]!;
      throw new ValidationError(
        `params[${params.indexOf(c)}].value`,
        `Changing param values is not allowed. Param with key='${c.key}' was already logged with value='${old.get(c.key)}' for run ID='${runId}'. Attempted logging new value '${c.value}'.`,
      );
    }
    await sql.query(
      `insert into params (run_id, key, value) select $1, k, v from unnest($2::text[], $3::text[]) as x(k, v)
       on conflict (run_id, key) do nothing`,
      [runId, keys, params.map((p) => p.value)],
    );
  }

  /** Upserts tags, keeping the name and parent columns in step with their system tags. */
  private async writeTags(sql: SqlClient, runId: string, tags: KeyValue[]): Promise<void> {
    await sql.query(
      `insert into run_tags (run_id, key, value) select $1, k, v from unnest($2::text[], $3::text[]) as x(k, v)
       on conflict (run_id, key) do update set value = excluded.value`,
      [runId, tags.map((t) => t.key), tags.map((t) => t.value)],
    );
    const name = tags.find((t) => t.key === RUN_NAME_TAG)?.value;
    const parent = tags.find((t) => t.key === PARENT_RUN_TAG)?.value;
    if (name !== undefined || parent !== undefined) {
      await sql.query(
        `update runs set name = coalesce($2, name), parent_run_id = coalesce($3, parent_run_id) where id = $1`,
        [runId, name === undefined ? null : name.slice(0, 250), parent ?? null],
      );
    }
  }
}
