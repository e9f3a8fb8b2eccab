import { Migration } from '@mikro-orm/migrations';

/** The audit log (`audit_events`): who created, changed or deleted which experiment or run. */
export class Migration20261207200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_events (
        id bigserial primary key,
        time bigint not null,
        actor varchar(256) null,
        action varchar(64) not null,
        entity_type varchar(32) not null,
        entity_id varchar(64) not null,
        detail jsonb null
      );`);
    this.addSql(
      'create index audit_events_entity_index on audit_events (entity_type, entity_id, id);',
    );
  }
}
