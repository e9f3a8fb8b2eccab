import type { Db, SqlClient } from '../../shared/db.ts';
import { type AuditLog, someKeys, withAuditRow } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import { insertModelMetrics } from '../logged-models/public.ts';
import { assertParamsUnchanged, type KeyValue, normaliseTags } from '../params-tags/public.ts';
import { PARENT_RUN_TAG, RUN_NAME_TAG, RunService } from '../runs/public.ts';
import type { Publisher } from '../subscriptions/public.ts';
import { commitBatchStatement } from './batch-commit.ts';
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

/**
 * A tag whose new value is computed from its current one (null when the run has no such tag),
 * read under the run's row lock.
 */
export interface TagRewrite {
  key: string;
  next(current: string | null): string;
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
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Validates and writes a batch atomically, numbering it in the run's sequence.
   *
   * @remarks Order: validate everything, then lock the run (missing: RESOURCE_DOES_NOT_EXIST,
   * deleted: INVALID_STATE), check param immutability, write params and tags, write the points that
   * name a logged model to its metrics (unknown or deleted model: RESOURCE_DOES_NOT_EXIST), then
   * number the batch, claim its idempotency key and write the metrics (see
   * {@link commitBatchStatement}). A batch of metrics only, linked to no model, is that one
   * statement; otherwise it all runs in one transaction. A key seen
   * before writes nothing and returns the original seq; any failure writes nothing.
   * With `rewrite`, that tag is read after the run is locked and its new value written with the
   * batch's tags, so concurrent rewrites of one tag serialise and none is lost.
   */
  async log(input: LogBatchInput, rewrite?: TagRewrite): Promise<LogBatchAck> {
    const batch = validateBatch(input);
    await this.access.run(batch.runId, 'EDIT');
    if (batch.modelMetrics) {
      await Promise.all(
        [...new Set(batch.modelMetrics.modelIds)].map((id) => this.access.model(id, 'EDIT')),
      );
    }
    const ack = (outcome: { kind: 'committed' | 'replayed'; seq: number }): LogBatchAck => ({
      runId: batch.runId,
      seq: outcome.seq,
      replayed: outcome.kind === 'replayed',
      metricsWritten: outcome.kind === 'committed' ? batch.metrics.points : 0,
    });
    // the hot path: metrics only, no model links, one statement outside a transaction
    if (
      batch.params.length === 0 &&
      batch.tags.length === 0 &&
      batch.modelMetrics === null &&
      rewrite === undefined
    ) {
      const outcome = await this.db.transactionless((sql) =>
        commitBatchStatement(sql, batch.runId, batch.idempotencyKey, batch.metrics),
      );
      if (outcome.kind === 'unwritable') {
        // says which: missing (RESOURCE_DOES_NOT_EXIST) or deleted (INVALID_STATE)
        await this.db.transaction((sql) => RunService.lockActive(sql, batch.runId));
        throw new Error(`run ${batch.runId} became writable while logging`);
      }
      if (outcome.kind === 'committed')
        this.publisher.batch(batch.runId, outcome.seq, batch.metrics);
      return ack(await this.resolvePrior(batch, outcome));
    }
    try {
      const { outcome, experimentId, tags } = await this.db.transaction(async (sql) => {
        const { experimentId } = await RunService.lockActive(sql, batch.runId);
        const tags = rewrite ? await this.withRewrite(sql, batch, rewrite) : batch.tags;
        // one audit row per batch with params or tags, written by the last of their statements
        const audit = this.auditRow(batch, tags);
        if (batch.params.length > 0)
          await this.writeParams(sql, batch.runId, batch.params, tags.length > 0 ? null : audit);
        if (tags.length > 0) await this.writeTags(sql, batch.runId, tags, audit);
        // points linked to models go to the model metrics too, in the same transaction: an
        // unknown or deleted model rolls the whole batch back
        if (batch.modelMetrics) await insertModelMetrics(sql, batch.runId, batch.modelMetrics);
        const outcome = await commitBatchStatement(
          sql,
          batch.runId,
          batch.idempotencyKey,
          batch.metrics,
        );
        if (outcome.kind === 'replayed') throw new Replay(outcome.seq);
        if (outcome.kind === 'unwritable')
          throw new Error(`run ${batch.runId} vanished while locked`);
        return { outcome, experimentId, tags };
      });
      this.publishCommitted({ ...batch, tags }, outcome.seq, experimentId);
      return ack(outcome);
    } catch (err) {
      if (err instanceof Replay)
        return ack(await this.resolvePrior(batch, { kind: 'replayed', seq: err.seq }));
      throw err;
    }
  }

  /**
   * The audit row of a batch's params and tags (metrics are not audited): their counts and at
   * most {@link someKeys} keys of each; null for a batch without either.
   */
  private auditRow(batch: ValidBatch, tags: readonly KeyValue[]): unknown[] | null {
    if (batch.params.length === 0 && tags.length === 0) return null;
    return this.audit.row('run', batch.runId, 'log_batch', {
      params: batch.params.length,
      paramKeys: someKeys(batch.params.map((p) => p.key)),
      tags: tags.length,
      tagKeys: someKeys(tags.map((t) => t.key)),
    });
  }

  /** Publishes a committed batch (after commit): its points, then its params and tags as run events. */
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

  /** A replay whose original batch committed while this statement waited reads its seq afresh. */
  private async resolvePrior(
    batch: ValidBatch,
    outcome: { kind: 'committed' | 'replayed'; seq: number },
  ): Promise<{ kind: 'committed' | 'replayed'; seq: number }> {
    if (outcome.kind !== 'replayed' || outcome.seq > 0) return outcome;
    const [row] = await this.db.query<{ seq: number }>(
      'select seq from batch_receipts where run_id = $1 and idempotency_key = $2',
      [batch.runId, batch.idempotencyKey],
    );
    return { ...outcome, seq: row?.seq ?? 0 };
  }

  /** The batch's tags plus the rewritten one (replacing a batch tag of the same key). */
  private async withRewrite(
    sql: SqlClient,
    batch: ValidBatch,
    rewrite: TagRewrite,
  ): Promise<KeyValue[]> {
    const [row] = await sql.query<{ value: string }>(
      'select value from run_tags where run_id = $1 and key = $2',
      [batch.runId, rewrite.key],
    );
    const [tag] = normaliseTags([{ key: rewrite.key, value: rewrite.next(row?.value ?? null) }]);
    return [...batch.tags.filter((t) => t.key !== rewrite.key), tag!];
  }

  /** Inserts new params; an existing key with a different value rejects the whole batch. */
  private async writeParams(
    sql: SqlClient,
    runId: string,
    params: KeyValue[],
    audit: unknown[] | null,
  ): Promise<void> {
    const keys = params.map((p) => p.key);
    const existing = await sql.query<KeyValue>(
      'select key, value from params where run_id = $1 and key = any($2::text[])',
      [runId, keys],
    );
    assertParamsUnchanged(params, existing, `run ID='${runId}'`);
    await sql.query(
      ...withAuditRow(
        `insert into params (run_id, key, value) select $1, k, v from unnest($2::text[], $3::text[]) as x(k, v)
         on conflict (run_id, key) do nothing`,
        [runId, keys, params.map((p) => p.value)],
        audit,
      ),
    );
  }

  /** Upserts tags, keeping the name and parent columns in step with their system tags. */
  private async writeTags(
    sql: SqlClient,
    runId: string,
    tags: KeyValue[],
    audit: unknown[] | null,
  ): Promise<void> {
    await sql.query(
      ...withAuditRow(
        `insert into run_tags (run_id, key, value) select $1, k, v from unnest($2::text[], $3::text[]) as x(k, v)
         on conflict (run_id, key) do update set value = excluded.value`,
        [runId, tags.map((t) => t.key), tags.map((t) => t.value)],
        audit,
      ),
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
