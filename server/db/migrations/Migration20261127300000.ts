import { Migration } from '@mikro-orm/migrations';

/**
 * MLflow 3 traces: trace info (v3), its immutable metadata and mutable tags, and the spans.
 *
 * Indexes serve `trace(id)` (primary keys), `searchTraces` and `Experiment.traces` (traces of an
 * experiment newest first, the default order and its keyset walk, and the delete-by-time cutoff),
 * metadata equality (`mlflow.modelId` for `LoggedModel.traces`, `mlflow.sourceRun` for `Run.traces`;
 * on a 200-character prefix so long values never overflow a btree entry), and a trace's spans in
 * start order. Span times are int8 nanoseconds (the API carries them as decimal strings).
 */
export class Migration20261127300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table trace_info (
        trace_id varchar(50) primary key,
        experiment_id bigint not null references experiments (id) on delete cascade,
        client_request_id varchar(250),
        request_time bigint not null,
        execution_duration bigint not null default 0,
        state text not null check (state in ('OK', 'ERROR', 'IN_PROGRESS')),
        request_preview varchar(1000),
        response_preview varchar(1000)
      );`);
    this.addSql(`create index trace_info_experiment_time_index on trace_info (experiment_id, request_time desc, trace_id);`);
    this.addSql(`
      create table trace_metadata (
        trace_id varchar(50) not null references trace_info (trace_id) on delete cascade,
        key varchar(250) not null,
        value varchar(8000) not null,
        primary key (trace_id, key)
      );`);
    this.addSql(`create index trace_metadata_key_value_index on trace_metadata (key, left(value, 200));`);
    this.addSql(`
      create table trace_tags (
        trace_id varchar(50) not null references trace_info (trace_id) on delete cascade,
        key varchar(250) not null,
        value varchar(8000) not null,
        primary key (trace_id, key)
      );`);
    this.addSql(`
      create table spans (
        trace_id varchar(50) not null references trace_info (trace_id) on delete cascade,
        span_id varchar(16) not null,
        parent_span_id varchar(16),
        name text not null,
        span_type varchar(500) not null,
        start_time_ns bigint not null,
        end_time_ns bigint,
        status_code text not null check (status_code in ('UNSET', 'OK', 'ERROR')),
        status_message text not null default '',
        attributes jsonb not null default '{}',
        events jsonb not null default '[]',
        primary key (trace_id, span_id)
      );`);
    this.addSql(`create index spans_trace_start_index on spans (trace_id, start_time_ns);`);
  }
}
