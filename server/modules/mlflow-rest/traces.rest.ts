import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import { TRACE_KEYS, type TraceInfo, traceNotFound } from '../traces/public.ts';
import { newAssessmentOf } from './assessments.rest.ts';
import { nextToken, searchPage } from './entities.json.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';
import {
  parseDuration,
  parseTimestamp,
  spanOtlpJson,
  traceExtras,
  traceInfoV3Json,
} from './traces.json.ts';
import { missing, type RestInput } from './wire.ts';

const WIRE_STATES = ['STATE_UNSPECIFIED', 'OK', 'ERROR', 'IN_PROGRESS'] as const;

/** Trace infos as `TraceInfoV3` messages (3 queries for metadata, tags and assessments). */
export async function traceInfosV3(
  { services, deps }: Pick<RestCall, 'services' | 'deps'>,
  infos: readonly TraceInfo[],
) {
  const extras = await traceExtras(services, deps.config, infos);
  return infos.map((t, i) => traceInfoV3Json(t, extras[i]!));
}

/** A trace's info, or RESOURCE_DOES_NOT_EXIST. */
export async function getTraceInfo(services: Services, traceId: string): Promise<TraceInfo> {
  const info = await services.traceReads.findById(traceId);
  if (!info) throw traceNotFound(traceId);
  return info;
}

/** Whole `Trace` messages (info and OTLP spans) of traces, 4 queries. */
async function tracesJson(call: Pick<RestCall, 'services' | 'deps'>, infos: readonly TraceInfo[]) {
  const [json, spans] = await Promise.all([
    traceInfosV3(call, infos),
    call.services.traceReads.spansByTraceIds(infos.map((t) => t.traceId)),
  ]);
  return infos.map((_, i) => ({ trace_info: json[i], spans: spans[i]!.map(spanOtlpJson) }));
}

/** The span count MLflow's client recorded (`mlflow.trace.sizeStats.num_spans`), if any. */
function expectedSpans(info: { trace_metadata?: Record<string, string> }): number | null {
  const stats = info.trace_metadata?.[TRACE_KEYS.sizeStats];
  try {
    const n = stats ? (JSON.parse(stats) as { num_spans?: unknown }).num_spans : null;
    return typeof n === 'number' ? n : null;
  } catch {
    return null;
  }
}

/** The `trace_info` of a StartTraceV3, stored through logTrace; returns the trace id. */
async function startTrace(services: Services, input: RestInput): Promise<string> {
  const trace = input.object('trace');
  if (!trace) throw missing('trace');
  const info = trace.object('trace_info');
  if (!info) throw missing('trace.trace_info');
  const experimentId = info
    .object('trace_location')
    ?.object('mlflow_experiment')
    ?.string('experiment_id');
  if (!experimentId) throw missing('trace.trace_info.trace_location.mlflow_experiment');
  const state = info.enum('state', WIRE_STATES, [0, 1, 2, 3]);
  const time = info.raw('request_time');
  const duration = info.raw('execution_duration');
  // assessments are checked before the trace is written, so a bad one writes nothing
  const traceIdGiven = info.string('trace_id') || null;
  const assessments = info
    .objects('assessments')
    .map((a) => newAssessmentOf(a, traceIdGiven ?? ''));
  for (const a of assessments) services.assessments.check(a);
  const map = (m: Record<string, string>) =>
    Object.entries(m).map(([key, value]) => ({ key, value }));
  const traceId = await services.traces.logTrace({
    experimentId,
    traceId: traceIdGiven,
    clientRequestId: info.string('client_request_id') || null,
    requestTime: time === undefined ? null : parseTimestamp(time, info.field('request_time')),
    executionDuration:
      duration === undefined ? null : parseDuration(duration, info.field('execution_duration')),
    state: state === 'STATE_UNSPECIFIED' ? null : state,
    requestPreview: info.string('request_preview') ?? null,
    responsePreview: info.string('response_preview') ?? null,
    metadata: map(info.map('trace_metadata')),
    tags: map(info.map('tags')),
  });
  for (const a of assessments) await services.assessments.create({ ...a, traceId });
  return traceId;
}

/** The trace ids of a request: a non-empty repeated field (at most `max`). */
function traceIds(input: RestInput, field: string, max: number): string[] {
  const ids = input.strings(field);
  if (ids.length === 0) throw missing(field);
  if (ids.length > max) {
    throw new ValidationError(field, `At most ${max} trace ids per request; got ${ids.length}.`);
  }
  return ids;
}

/** MLflow 3's trace endpoints, and the v2 tag, delete and link endpoints its client still calls. */
export const TRACE_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    version: 3,
    path: 'mlflow/traces',
    async handle(call) {
      const traceId = await startTrace(call.services, call.input);
      const [info] = await traceInfosV3(call, [await getTraceInfo(call.services, traceId)]);
      return { trace: { trace_info: info } };
    },
  },
  {
    method: 'GET',
    version: 3,
    path: 'mlflow/traces/get',
    async handle(call) {
      const { input, services } = call;
      const traceId = input.requiredString('trace_id');
      const [trace] = await tracesJson(call, [await getTraceInfo(services, traceId)]);
      const expected = expectedSpans(
        trace!.trace_info as { trace_metadata?: Record<string, string> },
      );
      const partial =
        trace!.spans.length === 0 || (expected !== null && trace!.spans.length < expected);
      if (partial && !input.bool('allow_partial')) {
        throw new NotFoundError(
          'Trace',
          traceId,
          `Trace with ID ${traceId} is not fully exported yet, please try again later.`,
        );
      }
      return { trace };
    },
  },
  {
    method: 'GET',
    version: 3,
    path: 'mlflow/traces/batchGet',
    async handle(call) {
      const { input, services } = call;
      const ids = traceIds(input, 'trace_ids', LIMITS.maxTraceIdsPerBatchGet);
      const found = new Map(
        (await services.traceReads.findByIds(ids)).map((t) => [t.traceId, t] as const),
      );
      const infos = [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
      // only complete traces, as MLflow's store returns (its client searches through this)
      const traces = (await tracesJson(call, infos)).filter((t) => t.spans.length > 0);
      return { traces };
    },
  },
  {
    method: 'POST',
    version: 3,
    path: 'mlflow/traces/search',
    async handle(call) {
      const { input, services } = call;
      const locations = input.objects('locations');
      if (locations.length === 0) throw missing('locations');
      const experimentIds = locations.flatMap((l) => {
        const id = l.object('mlflow_experiment')?.string('experiment_id');
        return id ? [id] : [];
      });
      const page = await services.search.searchTraces(
        experimentIds,
        { filter: input.string('filter'), orderBy: input.strings('order_by') },
        searchPage(input, { defaultSize: 100, max: LIMITS.maxTracePageSize }),
      );
      const traces = await traceInfosV3(
        call,
        page.edges.map((e) => e.node),
      );
      return { traces, next_page_token: nextToken(page) };
    },
  },
  {
    method: 'GET',
    version: 3,
    path: 'mlflow/traces/:trace_id',
    async handle(call) {
      const info = await getTraceInfo(call.services, call.params.trace_id!);
      const [json] = await traceInfosV3(call, [info]);
      return { trace: { trace_info: json } };
    },
  },
  {
    method: 'PATCH',
    path: 'mlflow/traces/:trace_id/tags',
    async handle({ input, params, services }) {
      await services.traces.setTag(
        params.trace_id!,
        input.requiredString('key'),
        input.string('value') ?? '',
      );
      return {};
    },
  },
  {
    method: 'DELETE',
    path: 'mlflow/traces/:trace_id/tags',
    async handle({ input, params, services }) {
      await services.traces.deleteTag(params.trace_id!, input.requiredString('key'));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/traces/delete-traces',
    async handle({ input, services }) {
      const ids = input.strings('request_ids');
      const deleted = await services.traces.deleteTraces({
        experimentId: input.requiredString('experiment_id'),
        traceIds: ids.length ? ids : null,
        maxTimestampMillis: input.int64('max_timestamp_millis') ?? null,
        maxTraces: input.int64('max_traces') ?? null,
      });
      return { traces_deleted: deleted };
    },
  },
  {
    method: 'POST',
    path: 'mlflow/traces/link-to-run',
    async handle({ input, services }) {
      await services.traceRunLinks.linkToRun(
        input.strings('trace_ids'),
        input.requiredString('run_id'),
      );
      return {};
    },
  },
];
