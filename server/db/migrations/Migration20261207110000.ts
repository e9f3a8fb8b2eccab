import { Migration } from '@mikro-orm/migrations';

/**
 * MLflow 3 trace assessments (feedback and expectations, one row each, deleted with their trace)
 * and links between traces and runs (`link-to-run`; a linked trace matches `run_id = ...`).
 */
export class Migration20261207110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "assessments" (
        "assessment_id" varchar(50) not null,
        "trace_id" varchar(50) not null,
        "name" varchar(250) not null,
        "kind" text check ("kind" in ('feedback', 'expectation')) not null,
        "value" jsonb null,
        "error" jsonb null,
        "rationale" text null,
        "source_type" text check ("source_type" in ('SOURCE_TYPE_UNSPECIFIED', 'HUMAN', 'LLM_JUDGE', 'CODE')) not null,
        "source_id" varchar(250) not null,
        "span_id" varchar(50) null,
        "metadata" jsonb not null default '{}',
        "overrides" varchar(50) null,
        "valid" boolean not null default true,
        "create_time" bigint not null,
        "last_update_time" bigint not null,
        constraint "assessments_pkey" primary key ("assessment_id")
      );`);
    this.addSql(
      `create index "assessments_trace_time_index" on "assessments" ("trace_id", "create_time");`,
    );
    this.addSql(`
      alter table "assessments" add constraint "assessments_trace_id_fkey"
        foreign key ("trace_id") references "trace_info" ("trace_id") on update no action on delete cascade;`);
    this.addSql(`
      create table trace_run_links (
        trace_id varchar(50) not null references trace_info (trace_id) on delete cascade,
        run_id varchar(32) not null references runs (id) on delete cascade,
        primary key (trace_id, run_id)
      );`);
    this.addSql(`create index trace_run_links_run_index on trace_run_links (run_id);`);
  }
}
