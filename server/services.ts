import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import { ArtifactService } from './modules/artifacts/artifact.service.ts';
import type { ArtifactStores } from './modules/artifacts/stores/stores.ts';
import { AssessmentService } from './modules/assessments/assessment.service.ts';
import { AuditLog } from './modules/audit/audit.service.ts';
import type { AuthGate, Viewer } from './modules/auth/auth.gate.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { PermissionAdminService } from './modules/auth/permission-admin.service.ts';
import { DatasetService } from './modules/datasets/dataset.service.ts';
import { ExperimentService } from './modules/experiments/experiment.service.ts';
import { GcService } from './modules/gc/gc.service.ts';
import { LogBatchService } from './modules/log-batch/log-batch.service.ts';
import { LoggedModelService } from './modules/logged-models/logged-model.service.ts';
import { ModelArtifactService } from './modules/logged-models/model-artifacts.service.ts';
import { ModelLinkService } from './modules/logged-models/model-links.service.ts';
import { MetricService } from './modules/metrics/metric.service.ts';
import { MetricBucketService } from './modules/metrics/metric-buckets.service.ts';
import { ParamsTagsService } from './modules/params-tags/params-tags.service.ts';
import { RunService } from './modules/runs/run.service.ts';
import { SearchService } from './modules/search/search.service.ts';
import type { TableStatistics } from './modules/search/table-statistics.ts';
import type { EventBus } from './modules/subscriptions/event-bus.ts';
import { LiveService } from './modules/subscriptions/live.service.ts';
import type { LiveSeriesHubs } from './modules/subscriptions/live-series.ts';
import type { Publisher } from './modules/subscriptions/publisher.ts';
import type { RunFeeds } from './modules/subscriptions/run-feeds.ts';
import { TraceService } from './modules/traces/trace.service.ts';
import { TraceReadService } from './modules/traces/trace-read.service.ts';
import { TraceRunLinkService } from './modules/traces/trace-run-links.ts';
import type { Db } from './shared/db.ts';

/** Dependencies every service may take. */
export interface ServiceDeps {
  em: EntityManager;
  db: Db;
  config: Config;
  /** App-scoped artifact stores (they hold network clients). */
  stores: ArtifactStores;
  /** Publishes committed changes to subscribers. */
  publisher: Publisher;
  /** Subscribes to published changes. */
  bus: EventBus;
  /** App-scoped live series (one computation per distinct series). */
  liveSeries: LiveSeriesHubs;
  /** App-scoped run feeds (one per run with live subscribers). */
  feeds: RunFeeds;
  /** App-scoped credential checks (user and token changes clear its cache). */
  authGate: AuthGate;
  /** Who is calling (null: authentication is off, or an internal caller). */
  viewer: Viewer | null;
  /** App-scoped keeper of the search tables' planner statistics. */
  tableStats: TableStatistics;
}

/** Builds the per-request services; they are cheap plain objects. */
export function createServices(deps: ServiceDeps) {
  // the one permission guard of this request: every service below checks through it
  const access = deps.authGate.permissionsOf(deps.viewer, deps.db, deps.em);
  const audit = new AuditLog(deps.db, deps.viewer);
  const experiments = new ExperimentService(deps.em, deps.config, deps.publisher, access, audit);
  const paramsTags = new ParamsTagsService(deps.db, experiments, deps.publisher, access, audit);
  const runs = new RunService(deps.db, experiments, deps.publisher, access, audit, paramsTags);
  const metrics = new MetricService(deps.db, access);
  const logBatch = new LogBatchService(deps.db, deps.publisher, access, audit);
  const artifacts = new ArtifactService(
    deps.db,
    runs,
    deps.stores,
    deps.config.artifactMaxUploadBytes,
    access,
    audit,
  );
  const datasets = new DatasetService(deps.db, access, audit);
  const live = new LiveService(
    deps.bus,
    deps.feeds,
    deps.config.subscriptions,
    deps.liveSeries,
    runs,
    paramsTags,
    access,
  );
  const search = new SearchService(deps.db, experiments, deps.tableStats, access);
  const buckets = new MetricBucketService(deps.db, access);
  const loggedModels = new LoggedModelService(deps.em, deps.db, experiments, access, audit);
  const modelLinks = new ModelLinkService(deps.db, access, audit);
  const modelArtifacts = new ModelArtifactService(
    deps.db,
    deps.stores,
    deps.config.artifactMaxUploadBytes,
    access,
    audit,
  );
  const traces = new TraceService(deps.db, experiments, access, audit);
  const traceReads = new TraceReadService(deps.db, access);
  const traceRunLinks = new TraceRunLinkService(deps.db, runs, access, audit);
  const assessments = new AssessmentService(deps.db, access, audit);
  const auth = new AuthService(deps.db, deps.authGate, deps.viewer, audit);
  const permissions = new PermissionAdminService(deps.db, deps.authGate, deps.viewer, access);
  const gc = new GcService(deps.db, deps.stores, access, audit);
  return {
    experiments,
    runs,
    paramsTags,
    metrics,
    logBatch,
    artifacts,
    datasets,
    live,
    search,
    buckets,
    loggedModels,
    modelLinks,
    modelArtifacts,
    traces,
    traceReads,
    traceRunLinks,
    assessments,
    auth,
    access,
    permissions,
    gc,
    audit,
  };
}

export type Services = ReturnType<typeof createServices>;

declare module './shared/request-context.ts' {
  /** The request context's services are exactly what `createServices` builds. */
  interface RequestServices extends Services {}
}
