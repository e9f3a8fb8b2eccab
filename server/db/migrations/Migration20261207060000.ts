import { Migration } from '@mikro-orm/migrations';

/** Users and API tokens (authentication). */
export class Migration20261207060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table users (
        id bigserial primary key,
        username varchar(256) not null,
        password_hash text not null,
        is_admin boolean not null default false,
        creation_time bigint not null,
        last_update_time bigint not null,
        constraint users_username_unique unique (username)
      );`);
    this.addSql(`
      create table api_tokens (
        id varchar(32) primary key,
        user_id bigint not null,
        name varchar(250) not null,
        token_hash varchar(64) not null,
        creation_time bigint not null,
        expires_at bigint,
        revoked_at bigint,
        constraint api_tokens_token_hash_unique unique (token_hash),
        constraint api_tokens_user_id_foreign foreign key (user_id) references users (id)
          on update cascade on delete cascade
      );`);
    this.addSql(`create index api_tokens_user_index on api_tokens (user_id);`);
  }
}
