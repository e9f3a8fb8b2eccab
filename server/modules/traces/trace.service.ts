import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db, SqlClient } from '../../shared/db.ts';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.ts';
import { type AuditLog, someKeys } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { ExperimentService } from '../experiments/public.ts';
import { createOrLockLoggedTrace, finalizeStartedTrace } from './logged-trace.sql.ts';
import { checkLoggedTrace, type LogTraceInput, loggedTraceRows } from './logged-trace.ts';
import type { DecodedSpanInput, SpanInput } from './span-input.ts';
import { type TraceInfo, TraceInfoSchema } from './trace.entity.ts';
import {
  checkExperiment,
  checkedTags,
  chunkBySpans,
  contentsOf,
  decodedSpanBatch,
  spanBatch,
} from './trace-batches.ts';
import { writeTraceContents } from './trace-contents.sql.ts';
import { type DeleteTracesInput, deleteTracesOf } from './trace-deletes.ts';
import { traceNotFound } from './trace-rows.sql.ts';
import { TraceTagSchema } from './trace-tag.entity.ts';
import {
  createNewTraces,
  createOrLockTraces,
  lockTrace,
  type SpanBatch,
  widenTraces,
} from './trace-write.sql.ts';

export type { LogTraceInput } from './logged-trace.ts';

/** A batch of spans of a running (or finished) trace, MLflow's OTLP `log_spans`. */
export interface LogSpansInput {
  traceId: string;
  /** Needed when the trace does not exist yet: it is then created IN_PROGRESS. */
  experimentId?: string | null;
  spans: readonly SpanInput[];
}

/** Spans per statement when an export is written in chunks (bounded statement size). */
const CHUNK_SPANS = 2000;

/** Checked batches of decoded traces (see {@link decodedSpanBatch}). */
const batchesOf = (traces: readonly { traceId: string; spans: readonly DecodedSpanInput[] }[]) =>
  traces.map((t) => decodedSpanBatch(t.traceId, t.spans));

/**
 * Loads a trace with a shared row lock (`for share`) inside `em`'s transaction;
 * RESOURCE_DOES_NOT_EXIST when missing.
 *
 * @remarks Tag writers of one trace run side by side; a delete of the trace waits for them, and a
 * tag write waiting on a delete sees the trace gone (instead of failing on the foreign key).
 */
async function lockTraceForTags(em: EntityManager, traceId: string): Promise<void> {
  const trace = await em.findOne(
    TraceInfoSchema,
    { traceId },
    { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
  );
  if (!trace) throw traceNotFound(traceId);
}

/**
 * Trace writes: complete traces, span batches, tags and deletes; every call is one transaction
 * and bad input writes nothing.
 *
 * @remarks A trace is "finalized" once logTrace has stored its info (metadata
 * `mlflow.trace.infoFinalized = "true"`, as MLflow's start_trace writes): its info, metadata
 * included, can then not be logged again (RESOURCE_ALREADY_EXISTS), which is what keeps metadata
 * immutable; later spans no longer move its time window or state. Tags stay mutable. Writes of one
 * trace take turns on its `trace_info` row (see `trace-write.sql.ts`).
 */
export class TraceService {
  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentService,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /** The error for an experiment a write found missing or deleted (MLflow's error and message). */
  private async experimentProblem(id: string): Promise<Error> {
    await this.experiments.getActive(id);
    // restored between the write and this check
    return new InvalidStateError(`The experiment ${id} changed during the write; try again.`);
  }

  /**
   * Logs a complete trace with its spans (or finalizes one that logSpans started).
   *
   * @remarks Unset fields come from the root span when it is among `spans`: request time (its
   * start), duration (its end minus start), state (ERROR when it failed, else OK) and previews
   * (its inputs and outputs, MLflow's preview algorithm). Without a root: now, 0 and OK for a new
   * trace, the stored values for a started one. Previews are cut to 1000 characters. The server
   * adds tags `mlflow.artifactLocation`, `mlflow.traceName` (the root's name, unless given) and
   * `mlflow.trace.spansLocation = TRACKING_STORE` (when spans are stored), and metadata
   * `mlflow.trace.infoFinalized = "true"`. Returns the trace id (`tr-` + 32 hex; generated when
   * absent).
   */
  async logTrace(input: LogTraceInput): Promise<string> {
    return (await this.logTraceInfo(input)).traceId;
  }

  /** {@link logTrace}, returning the trace's info as stored (so no read is needed after it). */
  async logTraceInfo(input: LogTraceInput): Promise<TraceInfo> {
    const checked = checkLoggedTrace(input);
    const { traceId, spans } = checked;
    const experimentId = this.experiments.parseId(input.experimentId);
    await this.access.experiment(experimentId, 'EDIT');
    await this.access.trace(traceId, 'EDIT');
    const { info, contents } = loggedTraceRows(checked, experimentId);
    const now = Date.now();
    const audit = this.audit.row('trace', traceId, 'log', {
      experimentId: String(experimentId),
      spans: spans.length,
    });
    // with spans the trace is most likely new: one statement (on its own) writes it all, or
    // nothing when the trace exists; without, it most likely exists (MLflow's clients send spans
    // first), so go straight to the transaction
    if (spans.length > 0) {
      const first = await createOrLockLoggedTrace(this.db, info, now, contents, audit);
      if (!first) throw await this.experimentProblem(input.experimentId);
      if (first.created) return first.created;
    }
    return this.db.transaction(async (sql) => {
      const lock = await createOrLockLoggedTrace(sql, info, now, contents, audit);
      if (!lock) throw await this.experimentProblem(input.experimentId);
      if (lock.created) return lock.created;
      // metadata is written once: a finalized trace refuses a second logTrace
      const stored = await finalizeStartedTrace(sql, info, audit);
      if (stored === null) {
        throw new AlreadyExistsError(`Trace with ID '${traceId}' has already been logged.`);
      }
      checkExperiment(stored.experimentId, experimentId, traceId);
      await writeTraceContents(sql, experimentId, [traceId], contents);
      return stored;
    });
  }

  /**
   * Stores a batch of spans of one trace (MLflow's `log_spans`); a span sent again replaces the
   * stored copy.
   *
   * @remarks A missing trace is created IN_PROGRESS in `experimentId` (required then), with the
   * batch's earliest start and latest end as its window. Until the trace is finalized, each batch
   * widens the window, and the root span, once it arrives ended, sets the state (ERROR when it
   * failed, else OK). Empty previews are filled from the root span. At most 1000 spans.
   */
  async logSpans(input: LogSpansInput): Promise<string> {
    const batch = spanBatch(input.traceId, input.spans);
    const experimentId = input.experimentId ? this.experiments.parseId(input.experimentId) : null;
    if (experimentId !== null) await this.access.experiment(experimentId, 'EDIT');
    await this.access.trace(input.traceId, 'EDIT');
    const audit = this.audit.row('trace', input.traceId, 'log_spans', {
      spans: batch.spans.length,
    });
    await this.db.transaction((sql) =>
      this.writeBatches(sql, [batch], experimentId, input.experimentId ?? null, audit),
    );
    return input.traceId;
  }

  /**
   * Stores span batches of several traces of one experiment in one transaction (OTLP ingest): the
   * same rules as {@link logSpans}, all or nothing.
   *
   * @remarks Traces are written in trace id order, in chunks of at most 2,000 spans (a fixed
   * number of statements each), so an export of any size takes bounded statements and no lock
   * table entries; concurrent exports touching the same traces take turns instead of deadlocking.
   * Spans are checked chunk by chunk as they are written, and a chunk's input is let go once
   * written, so a large export holds one chunk's rows at a time. An export of one chunk whose
   * traces are all new is written by one statement that commits on its own.
   */
  async logSpansOfTraces(
    experimentId: string,
    traces: readonly { traceId: string; spans: readonly DecodedSpanInput[] }[],
  ): Promise<void> {
    if (traces.length === 0) throw new ValidationError('spans', 'No spans to log.');
    const sorted = [...traces].sort((a, b) =>
      a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0,
    );
    const chunks = chunkBySpans(sorted, CHUNK_SPANS);
    // an export of one chunk is checked whole before anything else (as a small export always was)
    const first = chunks.length === 1 ? batchesOf(chunks[0]!) : null;
    const expId = this.experiments.parseId(experimentId);
    await this.access.experiment(expId, 'EDIT');
    const traceIds = sorted.map((t) => t.traceId);
    await this.access.traces(traceIds, 'EDIT');
    // one audit row per export, summarised, written by the first chunk's first statement
    let audit: unknown[] | null = this.audit.row('experiment', String(expId), 'log_spans', {
      traces: sorted.length,
      spans: sorted.reduce((n, t) => n + t.spans.length, 0),
      traceIds: someKeys(traceIds),
    });
    if (first) {
      const created = await createNewTraces(this.db, expId, first, contentsOf(first), audit);
      if (created === null) throw await this.experimentProblem(experimentId);
      if (created) return;
    }
    await this.db.transaction(async (sql) => {
      for (let i = 0; i < chunks.length; i++) {
        const batches = first ?? batchesOf(chunks[i]!);
        // this chunk's input is no longer needed
        chunks[i] = [];
        await this.writeBatches(sql, batches, expId, experimentId, audit);
        audit = null;
      }
    });
  }

  /**
   * Writes span batches (sorted by trace id): creates (with their contents) or locks their traces
   * in `experimentId` (null: the one trace, which must exist), then widens the existing ones and
   * writes their contents. `audit` (an audit row, or null) goes with the first statement.
   */
  private async writeBatches(
    sql: SqlClient,
    batches: readonly SpanBatch[],
    experimentId: number | null,
    experimentText: string | null,
    audit: unknown[] | null,
  ): Promise<void> {
    const contents = contentsOf(batches);
    let created = new Set<string>();
    let traceExperiment = experimentId;
    if (experimentId !== null) {
      const lock = await createOrLockTraces(sql, experimentId, batches, contents, audit);
      if (!lock) throw await this.experimentProblem(experimentText!);
      created = lock;
    } else {
      traceExperiment = await lockTrace(sql, batches[0]!.traceId, audit);
      if (traceExperiment === null) throw traceNotFound(batches[0]!.traceId);
    }
    const existing = batches.filter((b) => !created.has(b.traceId));
    if (existing.length === 0) return;
    const stored = new Map(
      (await widenTraces(sql, existing)).map((s) => [s.traceId, s.experimentId]),
    );
    for (const { traceId } of existing) {
      const storedExperiment = stored.get(traceId);
      if (storedExperiment === undefined) throw traceNotFound(traceId);
      checkExperiment(storedExperiment, traceExperiment!, traceId);
    }
    await writeTraceContents(
      sql,
      traceExperiment!,
      existing.map((b) => b.traceId),
      contents,
    );
  }

  /** Sets (upserts) a tag of a trace; the key follows MLflow's rules, the value is cut to 8000. */
  async setTag(traceId: string, key: string, value: string): Promise<void> {
    await this.access.trace(traceId, 'EDIT');
    const [tag] = checkedTags([{ key, value }], 'tag');
    await this.db.transaction(async (_sql, em) => {
      await lockTraceForTags(em, traceId);
      await em.upsert(TraceTagSchema, { traceId, key: tag!.key, value: tag!.value });
      await this.audit.record('trace', traceId, 'set_tag', { key: tag!.key });
    });
  }

  /** Deletes a tag of a trace; a missing trace or key is RESOURCE_DOES_NOT_EXIST. */
  async deleteTag(traceId: string, key: string): Promise<void> {
    await this.access.trace(traceId, 'EDIT');
    await this.db.transaction(async (_sql, em) => {
      await lockTraceForTags(em, traceId);
      // one statement, no load: the tag row is only removed
      const deleted = await em.nativeDelete(TraceTagSchema, { traceId, key });
      if (deleted === 0) {
        throw new NotFoundError(
          'TraceTag',
          key,
          `No tag with key '${key}' found for trace with ID '${traceId}'.`,
        );
      }
      await this.audit.record('trace', traceId, 'delete_tag', { key });
    });
  }

  /**
   * Deletes traces of an experiment (with their spans, metadata and tags) and returns how many
   * (see {@link deleteTracesOf}).
   */
  async deleteTraces(input: DeleteTracesInput): Promise<number> {
    const expId = this.experiments.parseId(input.experimentId);
    await this.access.experiment(expId, 'EDIT');
    return deleteTracesOf(this.db, this.audit, expId, input);
  }
}
