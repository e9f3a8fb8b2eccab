import { Migration } from '@mikro-orm/migrations';

/** Initial schema: experiments, runs, params, tags, metric segments and summaries, batch receipts. */
export class Migration20261126000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table experiments (
        id bigserial primary key,
        name varchar(500) not null,
        artifact_location text not null,
        lifecycle_stage text not null default 'active' check (lifecycle_stage in ('active', 'deleted')),
        creation_time bigint not null,
        last_update_time bigint not null,
        constraint experiments_name_unique unique (name)
      );`);
    this.addSql(`create index experiments_creation_time_index on experiments (creation_time desc, id);`);
    this.addSql(`
      create table experiment_tags (
        experiment_id bigint not null references experiments (id) on delete cascade,
        key varchar(250) not null,
        value varchar(5000) not null,
        primary key (experiment_id, key)
      );`);
    this.addSql(`
      create table runs (
        id varchar(32) primary key,
        experiment_id bigint not null references experiments (id) on delete cascade,
        name varchar(250) not null,
        user_id varchar(256) not null default '',
        status text not null check (status in ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')),
        start_time bigint not null,
        end_time bigint,
        lifecycle_stage text not null default 'active' check (lifecycle_stage in ('active', 'deleted')),
        deleted_time bigint,
        artifact_uri text not null,
        parent_run_id varchar(32),
        last_seq bigint not null default 0
      );`);
    this.addSql(`create index runs_experiment_start_index on runs (experiment_id, start_time desc, id);`);
    this.addSql(`create index runs_parent_index on runs (parent_run_id) where parent_run_id is not null;`);
    this.addSql(`
      create table params (
        run_id varchar(32) not null references runs (id) on delete cascade,
        key varchar(250) not null,
        value varchar(6000) not null,
        primary key (run_id, key)
      );`);
    this.addSql(`
      create table run_tags (
        run_id varchar(32) not null references runs (id) on delete cascade,
        key varchar(250) not null,
        value varchar(8000) not null,
        primary key (run_id, key)
      );`);
    this.addSql(`
      create table metric_segments (
        run_id varchar(32) not null references runs (id) on delete cascade,
        key varchar(250) not null,
        seq bigint not null,
        n integer not null,
        min_step bigint not null,
        max_step bigint not null,
        steps bigint[] not null,
        timestamps bigint[] not null,
        vals double precision[] not null,
        primary key (run_id, key, seq)
      );`);
    this.addSql(`
      create table metric_summaries (
        run_id varchar(32) not null references runs (id) on delete cascade,
        key varchar(250) not null,
        count bigint not null,
        min_value double precision,
        max_value double precision,
        first_step bigint not null,
        first_timestamp bigint not null,
        first_value double precision not null,
        last_step bigint not null,
        last_timestamp bigint not null,
        last_value double precision not null,
        last_seq bigint not null,
        primary key (run_id, key)
      );`);
    this.addSql(`create index metric_summaries_key_last_index on metric_summaries (key, last_value);`);
    this.addSql(`
      create table batch_receipts (
        run_id varchar(32) not null references runs (id) on delete cascade,
        idempotency_key varchar(200) not null,
        seq bigint not null,
        created_time bigint not null,
        primary key (run_id, idempotency_key)
      );`);
  }
}
