import { Migration } from '@mikro-orm/migrations';

/** Per-experiment and per-logged-model permissions (MLflow's auth `experiment_permissions`). */
export class Migration20261207120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table experiment_permissions (
        user_id bigint not null,
        experiment_id bigint not null,
        permission text check (permission in ('READ', 'EDIT', 'MANAGE', 'NO_PERMISSIONS')) not null,
        primary key (user_id, experiment_id),
        constraint experiment_permissions_user_id_fkey foreign key (user_id) references users (id)
          on delete cascade,
        constraint experiment_permissions_experiment_id_fkey foreign key (experiment_id)
          references experiments (id) on delete cascade
      );`);
    this.addSql(`
      create table logged_model_permissions (
        user_id bigint not null,
        model_id varchar(36) not null,
        permission text check (permission in ('READ', 'EDIT', 'MANAGE', 'NO_PERMISSIONS')) not null,
        primary key (user_id, model_id),
        constraint logged_model_permissions_user_id_fkey foreign key (user_id) references users (id)
          on delete cascade,
        constraint logged_model_permissions_model_id_fkey foreign key (model_id)
          references logged_models (id) on delete cascade
      );`);
  }
}
