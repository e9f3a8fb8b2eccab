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
export type AuditEntity =
  | 'experiment'
  | 'run'
  | 'logged_model'
  | 'trace'
  | 'assessment'
  | 'user'
  | 'api_token';

/** Keys (or ids) a summarising event lists at most; the counts say how many there were. */
export const AUDIT_MAX_KEYS = 20;

/** At most {@link AUDIT_MAX_KEYS} of `keys`, for the detail of an event that summarises a batch. */
export function someKeys(keys: readonly string[]): string[] {
  return keys.slice(0, AUDIT_MAX_KEYS);
}

/**
 * SQL that inserts the audit row whose values are `$first`..`$first + 5` (the values of
 * {@link AuditLog.row}), as a CTE body of the change's own statement; `gate` (a `from`/`where`
 * clause naming the statement's other CTEs) decides whether it is inserted, e.g.
 * `where exists (select 1 from ins)`.
 */
export function auditInsertSql(first: number, gate: string): string {
  const p = (i: number) => `$${first + i}`;
  return `insert into audit_events (time, actor, action, entity_type, entity_id, detail)
     select ${p(0)}::int8, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text, ${p(5)}::jsonb ${gate}`;
}

/**
 * `statement` (without a `with` of its own) with the audit row `row` (the values of
 * {@link AuditLog.row}; null: none) inserted by the same statement, whatever the statement does:
 * for a statement inside the change's transaction, which commits or rolls back with it.
 */
export function withAuditRow(
  statement: string,
  values: readonly unknown[],
  row: readonly unknown[] | null,
): [string, unknown[]] {
  if (row === null) return [statement, [...values]];
  return [
    `with audit_row as (${auditInsertSql(values.length + 1, '')}) ${statement}`,
    [...values, ...row],
  ];
}

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

  /**
   * `statement` (one `insert`, `update` or `delete ... returning`, without a `with` of its own) with
   * the audit row of `action` on an entity folded in: one statement, whose audit row is inserted
   * only when the change returns a row, so it needs no transaction. The result rows are the
   * change's.
   */
  audited(
    statement: string,
    values: readonly unknown[],
    entityType: AuditEntity,
    entityId: string,
    verb: string,
    detail: Record<string, unknown> | null = null,
  ): [string, unknown[]] {
    return [
      `with audited_change as (${statement}), audit_row as (
         ${auditInsertSql(values.length + 1, 'where exists (select 1 from audited_change)')}
       ) select * from audited_change`,
      [...values, ...this.row(entityType, entityId, verb, detail)],
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

  /** Records `action` on each of many entities of one type in one statement (e.g. a purge). */
  async recordEach(
    entityType: AuditEntity,
    entityIds: readonly string[],
    verb: string,
    detail: Record<string, unknown> | null = null,
  ): Promise<void> {
    if (entityIds.length === 0) return;
    const [time, actor, action, type, , json] = this.row(entityType, '', verb, detail);
    await this.db.query(
      `insert into audit_events (time, actor, action, entity_type, entity_id, detail)
       select $1, $2, $3, $4, id, $6 from unnest($5::text[]) as x(id)`,
      [time, actor, action, type, [...entityIds], json],
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
