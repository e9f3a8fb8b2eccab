import { Migration } from '@mikro-orm/migrations';

/**
 * Artifacts (one row per stored file, with its checksum) and datasets with their run inputs.
 *
 * Artifact paths use the "C" collation: byte order, so a directory's files are one range of the
 * primary key (`path >= 'dir/' and path < 'dir0'`).
 */
export class Migration20261126100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table artifacts (
        run_id varchar(32) not null references runs (id) on delete cascade,
        path text collate "C" not null,
        size bigint not null,
        sha256 char(64) not null,
        created_time bigint not null,
        primary key (run_id, path)
      );`);
    this.addSql(`
      create table datasets (
        id varchar(32) primary key,
        experiment_id bigint not null references experiments (id) on delete cascade,
        name varchar(500) not null,
        digest varchar(36) not null,
        source_type varchar(36) not null,
        source text not null,
        schema text,
        profile text,
        created_time bigint not null,
        constraint datasets_identity_unique unique (experiment_id, name, digest)
      );`);
    this.addSql(`
      create table dataset_inputs (
        id varchar(32) primary key,
        run_id varchar(32) not null references runs (id) on delete cascade,
        dataset_id varchar(32) not null references datasets (id) on delete cascade,
        created_time bigint not null,
        constraint dataset_inputs_run_dataset_unique unique (run_id, dataset_id)
      );`);
    this.addSql(`create index dataset_inputs_dataset_index on dataset_inputs (dataset_id);`);
    this.addSql(`
      create table input_tags (
        input_id varchar(32) not null references dataset_inputs (id) on delete cascade,
        key varchar(255) not null,
        value varchar(500) not null,
        primary key (input_id, key)
      );`);
  }
}
