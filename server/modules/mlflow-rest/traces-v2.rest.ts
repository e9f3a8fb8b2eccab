import { LIMITS } from '../../shared/limits.ts';
import type { TraceInfo } from '../traces/public.ts';
import { nextToken, searchPage } from './entities.json.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';
import { traceExtras, traceInfoV2Json } from './traces.json.ts';
import { getTraceInfo } from './traces.rest.ts';
import { missing } from './wire.ts';

async function traceInfosV2(
  { services, deps }: Pick<RestCall, 'services' | 'deps'>,
  infos: readonly TraceInfo[],
) {
  const extras = await traceExtras(services, deps.config, infos);
  return infos.map((t, i) => traceInfoV2Json(t, extras[i]!));
}

/** MLflow's deprecated v2 trace reads (`/api/2.0` only): search and get info. */
export const TRACE_V2_ROUTES: RestRoute[] = [
  {
    method: 'GET',
    version: 2,
    path: 'mlflow/traces',
    async handle(call) {
      const { input, services } = call;
      const experimentIds = input.strings('experiment_ids');
      if (experimentIds.length === 0) throw missing('experiment_ids');
      const page = await services.search.searchTraces(
        experimentIds,
        { filter: input.string('filter'), orderBy: input.strings('order_by') },
        searchPage(input, { defaultSize: 100, max: LIMITS.maxTracePageSize }),
      );
      const traces = await traceInfosV2(
        call,
        page.edges.map((e) => e.node),
      );
      return { traces, next_page_token: nextToken(page) };
    },
  },
  {
    method: 'GET',
    version: 2,
    path: 'mlflow/traces/:request_id/info',
    async handle(call) {
      const info = await getTraceInfo(call.services, call.params.request_id!);
      const [json] = await traceInfosV2(call, [info]);
      return { trace_info: json };
    },
  },
];
