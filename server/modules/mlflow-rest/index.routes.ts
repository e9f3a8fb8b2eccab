import { multipartRoutes } from './artifact-mpu.rest.ts';
import { artifactRoutes } from './artifacts.rest.ts';
import { ASSESSMENT_ROUTES } from './assessments.rest.ts';
import { AUTH_ROUTES } from './auth.rest.ts';
import { EXPERIMENT_ROUTES } from './experiments.rest.ts';
import { LOGGED_MODEL_ROUTES, modelOwner } from './logged-models.rest.ts';
import { METRIC_ROUTES } from './metrics.rest.ts';
import type { RestRoute } from './rest.routes.ts';
import { RUN_WRITE_ROUTES } from './run-writes.rest.ts';
import { RUN_ROUTES } from './runs.rest.ts';
import { TRACE_ARTIFACT_ROUTES, traceOwner } from './trace-artifacts.rest.ts';
import { TRACE_ROUTES } from './traces.rest.ts';
import { TRACE_V2_ROUTES } from './traces-v2.rest.ts';

const SERVER_INFO: RestRoute = {
  method: 'GET',
  path: 'mlflow/server-info',
  async handle() {
    return { store_type: 'SqlStore', workspaces_enabled: false };
  },
};

/** Artifact owners other than runs, by the second segment of a proxied path. */
const OWNERS = { models: modelOwner, traces: traceOwner };

/** Every MLflow REST endpoint trackql serves. */
export const MLFLOW_ROUTES: RestRoute[] = [
  SERVER_INFO,
  ...EXPERIMENT_ROUTES,
  ...RUN_ROUTES,
  ...RUN_WRITE_ROUTES,
  ...METRIC_ROUTES,
  ...LOGGED_MODEL_ROUTES,
  ...TRACE_ROUTES,
  ...TRACE_V2_ROUTES,
  ...ASSESSMENT_ROUTES,
  ...TRACE_ARTIFACT_ROUTES,
  ...artifactRoutes(OWNERS),
  ...multipartRoutes(OWNERS),
  ...AUTH_ROUTES,
];
