import type { Db, SqlClient } from '../../shared/db.ts';
import { AlreadyExistsError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import { validateLength, validateTimestamp } from '../../shared/validation.ts';
import type { ExperimentService } from '../experiments/public.ts';
import { type KeyValue, normaliseTags } from '../params-tags/public.ts';
import type { Span } from './span.entity.ts';
import { normaliseSpans, type SpanInput } from './span-input.ts';
import type { TraceState } from './trace.entity.ts';
import { cutPreview } from './trace-preview.ts';
import { TRACE_ID_PREFIX, TRACE_KEYS, traceNotFound, validateTraceId } from './trace-rows.sql.ts';
import { columns, type SpanSummary, summarise } from './trace-rules.ts';
import { insertSpans, lockTrace, type TraceLock, writeKeyValues } from './trace-write.sql.ts';

/** A complete trace to log (MLflow's StartTraceV3 at trace end, with its spans). */
export interface LogTraceInput {
  experimentId: string;
  traceId?: string | null;
  clientRequestId?: string | null;
  requestTime?: number | null;
  executionDuration?: number | null;
  state?: TraceState | null;
  requestPreview?: string | null;
  responsePreview?: string | null;
  metadata?: readonly KeyValue[] | null;
  tags?: readonly KeyValue[] | null;
  spans?: readonly SpanInput[] | null;
}

/** A batch of spans of a running (or finished) trace, MLflow's OTLP `log_spans`. */
export interface LogSpansInput {
  traceId: string;
  /** Needed when the trace does not exist yet: it is then created IN_PROGRESS. */
  experimentId?: string | null;
  spans: readonly SpanInput[];
}

/** Which traces deleteTraces removes: by id, or the oldest up to a time (and a count). */
export interface DeleteTracesInput {
  experimentId: string;
  traceIds?: readonly string[] | null;
  maxTimestampMillis?: number | null;
  maxTraces?: number | null;
}

const optionalPreview = (s: string | null | undefined) => (s == null ? null : cutPreview(s));

/**
 * Trace writes: complete traces, span batches, tags and deletes; every call is one transaction
 * and bad input writes nothing.
 *
 * @remarks A trace is "finalized" once logTrace has stored its info (metadata
 * `mlflow.trace.infoFinalized = "true"`, as MLflow's start_trace writes): its info, metadata
 * included, can then not be logged again (RESOURCE_ALREADY_EXISTS), which is what keeps metadata
 * immutable; later spans no longer move its time window or state. Tags stay mutable.
 */
export class TraceService {
  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentService,
  ) {}

  private async activeExperiment(id: string): Promise<{ id: number; location: string }> {
    const exp = await this.experiments.getActive(id);
    return { id: exp.id, location: exp.artifactLocation };
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
    const traceId = input.traceId ?? `${TRACE_ID_PREFIX}${newId()}`;
    validateTraceId(traceId);
    if (input.state === 'IN_PROGRESS') {
      throw new ValidationError('state', 'A logged trace has ended: its state is OK or ERROR.');
    }
    if (input.requestTime != null) validateTimestamp(input.requestTime, 'requestTime');
    if (input.executionDuration != null)
      validateTimestamp(input.executionDuration, 'executionDuration');
    if (input.clientRequestId != null)
      validateLength(input.clientRequestId, LIMITS.maxEntityKeyLength, 'clientRequestId');
    // the server's own flag goes last, so a client value for it is overridden
    const metadata = normaliseTags(
      [...(input.metadata ?? []), { key: TRACE_KEYS.infoFinalized, value: 'true' }],
      'metadata',
    );
    const tags = normaliseTags(input.tags ?? [], 'tags');
    const spans = normaliseSpans(input.spans ?? [], traceId);
    const sum = summarise(spans);
    const exp = await this.activeExperiment(input.experimentId);
    await this.db.transaction(async (sql) => {
      const lock = await lockTrace(sql, traceId);
      if (lock?.finalized) {
        throw new AlreadyExistsError(`Trace with ID '${traceId}' has already been logged.`);
      }
      checkExperiment(lock, exp.id, traceId);
      const requestTime = input.requestTime ?? sum.startMs;
      const duration =
        input.executionDuration ??
        (sum.startMs !== null && sum.endMs !== null ? sum.endMs - sum.startMs : null);
      await sql.query(
        `insert into trace_info (trace_id, experiment_id, client_request_id, request_time,
           execution_duration, state, request_preview, response_preview)
         values ($1, $2, $3, coalesce($4::int8, $9::int8), coalesce($5::int8, 0), $6, $7, $8)
         on conflict (trace_id) do update set
           client_request_id = coalesce(excluded.client_request_id, trace_info.client_request_id),
           request_time = coalesce($4::int8, trace_info.request_time),
           execution_duration = coalesce($5::int8, trace_info.execution_duration),
           state = excluded.state,
           request_preview = coalesce(excluded.request_preview, trace_info.request_preview),
           response_preview = coalesce(excluded.response_preview, trace_info.response_preview)`,
        [
          traceId,
          exp.id,
          input.clientRequestId ?? null,
          requestTime,
          duration,
          input.state ?? sum.rootState ?? 'OK',
          optionalPreview(input.requestPreview) ?? sum.requestPreview,
          optionalPreview(input.responsePreview) ?? sum.responsePreview,
          Date.now(),
        ],
      );
      // metadata is written once: a finalized trace refuses a second logTrace above
      await writeKeyValues(sql, 'trace_metadata', traceId, metadata, 'keep');
      await writeKeyValues(sql, 'trace_tags', traceId, tags, 'upsert');
      await this.addServerTags(sql, traceId, exp.location, sum, spans);
    });
    return traceId;
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
    const exp = input.experimentId ? await this.activeExperiment(input.experimentId) : null;
    await this.db.transaction((sql) => this.writeSpans(sql, batch, exp));
    return input.traceId;
  }

  /**
   * Stores span batches of several traces of one experiment in one transaction (OTLP ingest): the
   * same rules as {@link logSpans}, all or nothing.
   *
   * @remarks Traces are locked in id order, so concurrent requests touching the same traces take
   * turns instead of deadlocking.
   */
  async logSpansOfTraces(
    experimentId: string,
    traces: readonly { traceId: string; spans: readonly SpanInput[] }[],
  ): Promise<void> {
    if (traces.length === 0) throw new ValidationError('spans', 'No spans to log.');
    const batches = traces
      .map((t) => spanBatch(t.traceId, t.spans))
      .sort((a, b) => (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));
    const exp = await this.activeExperiment(experimentId);
    await this.db.transaction(async (sql) => {
      for (const batch of batches) await this.writeSpans(sql, batch, exp);
    });
  }

  private async writeSpans(
    sql: SqlClient,
    { traceId, spans, sum }: SpanBatch,
    exp: { id: number; location: string } | null,
  ): Promise<void> {
    const lock = await lockTrace(sql, traceId);
    if (!lock && !exp) throw traceNotFound(traceId);
    if (exp) checkExperiment(lock, exp.id, traceId);
    const startMs = sum.startMs!;
    if (!lock) {
      await sql.query(
        `insert into trace_info (trace_id, experiment_id, request_time, execution_duration, state,
           request_preview, response_preview)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          traceId,
          exp!.id,
          startMs,
          sum.endMs === null ? 0 : sum.endMs - startMs,
          sum.rootState ?? 'IN_PROGRESS',
          sum.requestPreview,
          sum.responsePreview,
        ],
      );
    } else {
      // the right-hand sides read the old row, so the window is widened from its old bounds
      await sql.query(
        `update trace_info set
           request_time = case when $2::bool then request_time else least(request_time, $3::int8) end,
           execution_duration = case when $2::bool then execution_duration
             else greatest(request_time + execution_duration, $4::int8) - least(request_time, $3::int8) end,
           state = case when not $2::bool and state = 'IN_PROGRESS' then coalesce($5::text, state) else state end,
           request_preview = coalesce(request_preview, $6::text),
           response_preview = coalesce(response_preview, $7::text)
         where trace_id = $1`,
        [
          traceId,
          lock.finalized,
          startMs,
          sum.endMs,
          sum.rootState,
          sum.requestPreview,
          sum.responsePreview,
        ],
      );
    }
    await this.addServerTags(sql, traceId, exp?.location ?? lock!.location, sum, spans);
  }

  private async addServerTags(
    sql: SqlClient,
    traceId: string,
    experimentLocation: string,
    sum: SpanSummary,
    spans: readonly Span[],
  ): Promise<void> {
    const tags: KeyValue[] = [
      {
        key: TRACE_KEYS.artifactLocation,
        value: `${experimentLocation}/traces/${traceId}/artifacts`,
      },
    ];
    if (sum.rootName !== null) tags.push({ key: TRACE_KEYS.traceName, value: sum.rootName });
    if (spans.length > 0) {
      await insertSpans(sql, spans);
      await writeKeyValues(
        sql,
        'trace_tags',
        traceId,
        [{ key: TRACE_KEYS.spansLocation, value: 'TRACKING_STORE' }],
        'upsert',
      );
    }
    // only where absent: a tag the client set (or changed later) wins
    await writeKeyValues(sql, 'trace_tags', traceId, tags, 'keep');
  }

  /** Sets (upserts) a tag of a trace; the key follows MLflow's rules, the value is cut to 8000. */
  async setTag(traceId: string, key: string, value: string): Promise<void> {
    const [tag] = normaliseTags([{ key, value }], 'tag');
    const [k, v] = columns([tag!]);
    const rows = await this.db.query(
      `with t as (select trace_id from trace_info where trace_id = $1 for share),
       i as (insert into trace_tags (trace_id, key, value) select t.trace_id, $2, $3 from t
         on conflict (trace_id, key) do update set value = excluded.value)
       select trace_id from t`,
      [traceId, k[0], v[0]],
    );
    if (rows.length === 0) throw traceNotFound(traceId);
  }

  /** Deletes a tag of a trace; a missing trace or key is RESOURCE_DOES_NOT_EXIST. */
  async deleteTag(traceId: string, key: string): Promise<void> {
    const [row] = await this.db.query<{ found: number; deleted: number }>(
      `with t as (select trace_id from trace_info where trace_id = $1 for share),
       d as (delete from trace_tags g using t where g.trace_id = t.trace_id and g.key = $2 returning g.key)
       select (select count(*) from t)::int as found, (select count(*) from d)::int as deleted`,
      [traceId, key],
    );
    if (!row?.found) throw traceNotFound(traceId);
    if (!row.deleted) {
      throw new NotFoundError(
        'TraceTag',
        key,
        `No tag with key '${key}' found for trace with ID '${traceId}'.`,
      );
    }
  }

  /**
   * Deletes traces of an experiment (with their spans, metadata and tags) and returns how many.
   *
   * @remarks Either `traceIds` (at most 100; ids of other experiments are left alone) or
   * `maxTimestampMillis`: the traces that started at or before it, oldest first, at most
   * `maxTraces` of them when given. An unknown experiment deletes nothing.
   */
  async deleteTraces(input: DeleteTracesInput): Promise<number> {
    const expId = this.experiments.parseId(input.experimentId);
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
      const rows = await this.db.query(
        `delete from trace_info where experiment_id = $1 and trace_id = any($2::text[]) returning trace_id`,
        [expId, ids],
      );
      return rows.length;
    }
    validateTimestamp(input.maxTimestampMillis!, 'maxTimestampMillis');
    if (input.maxTraces != null && (!Number.isSafeInteger(input.maxTraces) || input.maxTraces < 1))
      throw new ValidationError('maxTraces', 'maxTraces must be a positive integer.');
    const rows = await this.db.query(
      `delete from trace_info where trace_id in (
         select trace_id from trace_info where experiment_id = $1 and request_time <= $2
         order by request_time, trace_id limit $3)
       returning trace_id`,
      [expId, input.maxTimestampMillis, input.maxTraces ?? null],
    );
    return rows.length;
  }
}

/** A checked, non-empty batch of spans of one trace, with what it says about the trace. */
interface SpanBatch {
  traceId: string;
  spans: Span[];
  sum: SpanSummary;
}

function spanBatch(traceId: string, input: readonly SpanInput[]): SpanBatch {
  validateTraceId(traceId);
  if (input.length === 0) throw new ValidationError('spans', 'No spans to log.');
  const spans = normaliseSpans(input, traceId);
  return { traceId, spans, sum: summarise(spans) };
}

function checkExperiment(lock: TraceLock | null, experimentId: number, traceId: string): void {
  if (lock && lock.experimentId !== experimentId) {
    throw new ValidationError(
      'experimentId',
      `Trace '${traceId}' belongs to experiment ${lock.experimentId}, not ${experimentId}.`,
    );
  }
}
