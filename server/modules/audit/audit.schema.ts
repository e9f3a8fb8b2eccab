import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { pageRequest } from '../../shared/pagination.ts';
import type { AuditEvent } from './audit-event.entity.ts';

const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  description: 'One change recorded in the audit log: who did what to which entity, and when.',
  fields: (t) => ({
    eventId: t.field({
      type: 'String',
      description: 'Position of the event in the log (grows with time).',
      resolve: (e) => String(e.id),
    }),
    time: t.field({
      type: 'SafeInt',
      description: 'When the change was committed (ms since the epoch).',
      resolve: (e) => e.time,
    }),
    actor: t.exposeString('actor', {
      nullable: true,
      description: 'Username of the caller; null when authentication was off.',
    }),
    action: t.exposeString('action', {
      description:
        '`<entity>.<verb>`, e.g. `experiment.create`, `run.delete`, `run.log_batch`, `trace.set_tag`.',
    }),
    entityType: t.exposeString('entityType', {
      description:
        'Kind of entity: `experiment`, `run`, `logged_model`, `trace`, `assessment`, `user`, `api_token`.',
    }),
    entityId: t.exposeString('entityId', {
      description:
        'Id of the entity (MLflow id; the username of a user, the public id of a token).',
    }),
    detail: t.field({
      type: 'String',
      nullable: true,
      description:
        'What changed, as JSON, when the action does not say it all (a new name, a status).',
      resolve: (e) => (e.detail == null ? null : JSON.stringify(e.detail)),
    }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.connection(
    {
      type: AuditEventRef,
      description:
        'The audit log, newest first: creations, changes and deletions of experiments, runs (with their params, tags and artifacts), logged models, traces, assessments, users and API tokens, with who made them (metric values are not recorded). Admins only (UNAUTHENTICATED, PERMISSION_DENIED otherwise).',
      complexity: connectionComplexity(),
      args: {
        entityType: t.arg.string({ description: 'Only events of this entity type.' }),
        entityId: t.arg.string({ description: 'Only events of this entity.' }),
      },
      resolve: (_, args, ctx) =>
        ctx.services.audit.list(
          { entityType: args.entityType, entityId: args.entityId },
          pageRequest<number>(args),
        ),
    },
    { description: 'A page of audit events.' },
    { description: 'An audit event in a page.' },
  ),
}));
