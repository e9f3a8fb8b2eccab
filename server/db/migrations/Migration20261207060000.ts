import { Migration } from '@mikro-orm/migrations';

/** Users and API tokens (authentication). */
export class Migration20261207060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table users (
        id bigserial primary key,
        username varchar(256) not null unique,
        password_hash text not null,
        is_admin boolean not null default false,
        creation_time bigint not null,
        last_update_time bigint not null
      );`);
    this.addSql(`
      create table api_tokens (
        id varchar(32) primary key,
        user_id bigint not null references users (id) on delete cascade,
        name varchar(250) not null,
        token_hash varchar(64) not null unique,
        creation_time bigint not null,
        expires_at bigint,
        revoked_at bigint
      );`);
    this.addSql(`create index api_tokens_user_index on api_tokens (user_id);`);
  }
}
