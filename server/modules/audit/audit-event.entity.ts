import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** One change to the tracked data or the accounts: who did what to which entity, and when. */
export const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  indexes: [{ name: 'audit_events_entity_index', properties: ['entityType', 'entityId', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    /** Ms since the epoch (the server's clock at the change). */
    time: p.bigint('number'),
    /** Username of the caller; null when authentication is off. */
    actor: p.string().length(256).nullable(),
    /** `<entity>.<verb>`, e.g. `experiment.rename`. */
    action: p.string().length(64),
    entityType: p.string().length(32),
    entityId: p.string().length(64),
    /** What changed, when the action does not say it all (a new name, a status). */
    detail: p.json<Record<string, unknown>>().nullable(),
  },
});

export type AuditEvent = InferEntity<typeof AuditEventSchema>;
