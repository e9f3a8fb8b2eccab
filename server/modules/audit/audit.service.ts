import type { Db } from '../../shared/db.ts';
import {
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import type { Viewer } from '../../shared/request-context.ts';
import type { AuditEvent } from './audit-event.entity.ts';

/** Kinds of entity the audit log records changes of. */
export type AuditEntity = 'experiment' | 'run' | 'logged_model' | 'user' | 'api_token';

/** A filter of the audit log. */
export interface AuditFilter {
  entityType?: string | null;
  entityId?: string | null;
}

const COLUMNS = `id, time, actor, action, entity_type as "entityType", entity_id as "entityId", detail`;

/**
 * The audit log: who created, changed or deleted what.
 *
 * @remarks {@link record} runs on the request's `Db`, so called inside the change's transaction
 * (`em.transactional` or `Db.transaction`) it commits or rolls back with the change.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly viewer: Viewer | null,
  ) {}

  /**
   * The audit row of `action` on an entity, as the request's viewer: the values of an
   * `insert into audit_events (time, actor, action, entity_type, entity_id, detail)`, for a write
   * that records its event in its own statement (one round trip, no transaction: a CTE).
   */
  row(
    entityType: AuditEntity,
    entityId: string,
    verb: string,
    detail: Record<string, unknown> | null = null,
  ): unknown[] {
    return [
      Date.now(),
      this.viewer?.username ?? null,
      `${entityType}.${verb}`,
      entityType,
      entityId,
      detail === null ? null : JSON.stringify(detail),
    ];
  }

  /** Records `action` (`<entity>.<verb>`) on an entity, as the request's viewer. */
  async record(
    entityType: AuditEntity,
    entityId: string,
    verb: string,
    detail: Record<string, unknown> | null = null,
  ): Promise<void> {
    await this.db.query(
      `insert into audit_events (time, actor, action, entity_type, entity_id, detail)
       values ($1, $2, $3, $4, $5, $6)`,
      this.row(entityType, entityId, verb, detail),
      'trackql_audit_insert',
    );
  }

  /**
   * A page of audit events, newest first, optionally for one entity type or entity.
   *
   * @remarks Admins only: UNAUTHENTICATED without a viewer (authentication off included),
   * PERMISSION_DENIED for other users.
   */
  async list(filter: AuditFilter, req: PageRequest<number>) {
    if (!this.viewer) throw new UnauthenticatedError('The audit log needs an admin sign-in');
    if (!this.viewer.isAdmin)
      throw new PermissionDeniedError('Only an admin may read the audit log');
    if (req.cursor !== null && !Number.isSafeInteger(req.cursor)) {
      throw new ValidationError(
        req.backward ? 'before' : 'after',
        'Invalid cursor for auditEvents',
      );
    }
    const rows = await this.db.query<AuditEvent>(
      `select ${COLUMNS} from audit_events
       where ($1::text is null or entity_type = $1) and ($2::text is null or entity_id = $2)
         and ($3::bigint is null or id ${req.backward ? '>' : '<'} $3)
       order by id ${req.backward ? 'asc' : 'desc'} limit $4`,
      [filter.entityType ?? null, filter.entityId ?? null, req.cursor, req.limit + 1],
    );
    return toConnection(rows, req, (e) => e.id);
  }
}
