import './shared/scalars.schema.ts';
import './shared/errors.schema.ts';
import './modules/experiments/experiment.schema.ts';
import './modules/runs/run.schema.ts';
import './modules/params-tags/params-tags.schema.ts';
import './modules/metrics/metric.schema.ts';
import './modules/metrics/metric-series.schema.ts';
import './modules/log-batch/log-batch.schema.ts';
import './modules/artifacts/artifact.schema.ts';
import './modules/datasets/dataset.schema.ts';
import './modules/logged-models/logged-model.schema.ts';
import './modules/logged-models/logged-model.mutations.ts';
import './modules/logged-models/model-links.schema.ts';
import './modules/traces/span.schema.ts';
import './modules/traces/trace.schema.ts';
import './modules/traces/trace.mutations.ts';
import './modules/traces/trace-links.schema.ts';
import './modules/assessments/assessment.schema.ts';
import './modules/subscriptions/subscription.schema.ts';
import './modules/subscriptions/live-series.schema.ts';
import './modules/search/search.schema.ts';
import './modules/search/logged-model-search.schema.ts';
import './modules/auth/auth.schema.ts';
import './modules/auth/permissions.schema.ts';
import { builder } from './builder.ts';

/** The executable schema, built once from every module's types. */
export const schema = builder.toSchema({ sortSchema: true });
