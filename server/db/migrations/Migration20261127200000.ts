import { Migration } from '@mikro-orm/migrations';

/**
 * MLflow 3 logged models: the model rows, their mutable tags, immutable params and linked metric
 * rows, and the run ↔ model edges (a run's model outputs with their step, and its model inputs).
 *
 * Indexes serve the lookups and `searchLoggedModels`: active models of an experiment newest first
 * (the default order and the keyset walk), by name within an experiment (`setActiveModel` by name,
 * `runs:/` resolution), metric rows per (model, key) latest first (metric filters and the
 * latest-row ordering), and edges by model (cascades and reverse lookups).
 */
export class Migration20261127200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table logged_models (
        id varchar(36) primary key,
        experiment_id bigint not null references experiments (id) on delete cascade,
        name varchar(500) not null,
        model_type varchar(500),
        source_run_id varchar(32),
        status text not null default 'PENDING' check (status in ('PENDING', 'READY', 'UPLOAD_FAILED')),
        lifecycle_stage text not null default 'active' check (lifecycle_stage in ('active', 'deleted')),
        artifact_location text not null,
        creation_time bigint not null,
        last_updated_time bigint not null
      );`);
    this.addSql(`create index logged_models_experiment_creation_index on logged_models (experiment_id, creation_time desc, id) where lifecycle_stage = 'active';`);
    this.addSql(`create index logged_models_experiment_name_index on logged_models (experiment_id, name) where lifecycle_stage = 'active';`);
    this.addSql(`
      create table logged_model_tags (
        model_id varchar(36) not null references logged_models (id) on delete cascade,
        key varchar(250) not null,
        value varchar(8000) not null,
        primary key (model_id, key)
      );`);
    this.addSql(`
      create table logged_model_params (
        model_id varchar(36) not null references logged_models (id) on delete cascade,
        key varchar(250) not null,
        value varchar(6000) not null,
        primary key (model_id, key)
      );`);
    this.addSql(`
      create table logged_model_metrics (
        id bigserial primary key,
        model_id varchar(36) not null references logged_models (id) on delete cascade,
        key varchar(250) not null,
        value double precision not null,
        timestamp bigint not null,
        step bigint not null,
        run_id varchar(32) not null,
        dataset_name varchar(500),
        dataset_digest varchar(36)
      );`);
    this.addSql(`create index logged_model_metrics_model_key_latest_index on logged_model_metrics (model_id, key, timestamp desc, step desc);`);
    this.addSql(`create index logged_model_metrics_run_index on logged_model_metrics (run_id);`);
    this.addSql(`
      create table run_model_outputs (
        run_id varchar(32) not null references runs (id) on delete cascade,
        model_id varchar(36) not null references logged_models (id) on delete cascade,
        step bigint not null,
        created_time bigint not null,
        primary key (run_id, model_id, step)
      );`);
    this.addSql(`create index run_model_outputs_model_index on run_model_outputs (model_id);`);
    this.addSql(`
      create table run_model_inputs (
        run_id varchar(32) not null references runs (id) on delete cascade,
        model_id varchar(36) not null references logged_models (id) on delete cascade,
        created_time bigint not null,
        primary key (run_id, model_id)
      );`);
    this.addSql(`create index run_model_inputs_model_index on run_model_inputs (model_id);`);
  }
}
