import { Migration } from '@mikro-orm/migrations';

/**
 * Files of logged models (MLflow 3 `log_model` writes them under the model, not a run): one row
 * per stored file with its checksum, as `artifacts` holds for runs. Paths use the "C" collation so
 * a directory is one key range.
 */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table logged_model_artifacts (
        model_id varchar(36) not null references logged_models (id) on delete cascade,
        path text collate "C" not null,
        size bigint not null,
        sha256 char(64) not null,
        created_time bigint not null,
        primary key (model_id, path)
      );`);
  }
}
