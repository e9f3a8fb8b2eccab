import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import { ArtifactService } from './modules/artifacts/artifact.service.ts';
import type { ArtifactStores } from './modules/artifacts/stores/stores.ts';
import { DatasetService } from './modules/datasets/dataset.service.ts';
import { ExperimentService } from './modules/experiments/experiment.service.ts';
import { LogBatchService } from './modules/log-batch/log-batch.service.ts';
import { MetricService } from './modules/metrics/metric.service.ts';
import { ParamsTagsService } from './modules/params-tags/params-tags.service.ts';
import { RunService } from './modules/runs/run.service.ts';
import type { Db } from './shared/db.ts';

/** Dependencies every service may take. */
export interface ServiceDeps {
  em: EntityManager;
  db: Db;
  config: Config;
  /** App-scoped artifact stores (they hold network clients). */
  stores: ArtifactStores;
}

/** Builds the per-request services; they are cheap plain objects. */
export function createServices(deps: ServiceDeps) {
  const experiments = new ExperimentService(deps.em, deps.db, deps.config);
  const runs = new RunService(deps.db, experiments);
  const paramsTags = new ParamsTagsService(deps.db, experiments);
  const metrics = new MetricService(deps.db);
  const logBatch = new LogBatchService(deps.db);
  const artifacts = new ArtifactService(
    deps.db,
    runs,
    deps.stores,
    deps.config.artifactMaxUploadBytes,
  );
  const datasets = new DatasetService(deps.db);
  return { experiments, runs, paramsTags, metrics, logBatch, artifacts, datasets };
}

export type Services = ReturnType<typeof createServices>;
