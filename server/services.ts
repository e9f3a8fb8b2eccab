import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import { ExperimentService } from './modules/experiments/experiment.service.ts';
import { LogBatchService } from './modules/log-batch/log-batch.service.ts';
import { MetricService } from './modules/metrics/metric.service.ts';
import { MetricBucketService } from './modules/metrics/metric-buckets.service.ts';
import { ParamsTagsService } from './modules/params-tags/params-tags.service.ts';
import { RunService } from './modules/runs/run.service.ts';
import { SearchService } from './modules/search/search.service.ts';
import type { Db } from './shared/db.ts';

/** Dependencies every service may take. */
export interface ServiceDeps {
  em: EntityManager;
  db: Db;
  config: Config;
}

/** Builds the per-request services; they are cheap plain objects. */
export function createServices(deps: ServiceDeps) {
  const experiments = new ExperimentService(deps.em, deps.db, deps.config);
  const runs = new RunService(deps.db, experiments);
  const paramsTags = new ParamsTagsService(deps.db, experiments);
  const metrics = new MetricService(deps.db);
  const logBatch = new LogBatchService(deps.db);
  const search = new SearchService(deps.db, experiments);
  const buckets = new MetricBucketService(deps.db);
  return { experiments, runs, paramsTags, metrics, logBatch, search, buckets };
}

export type Services = ReturnType<typeof createServices>;
