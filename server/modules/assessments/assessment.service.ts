import type { Db, SqlClient } from '../../shared/db.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { newId } from '../../shared/ids.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import { traceNotFound } from '../traces/public.ts';
import type { Assessment } from './assessment.entity.ts';
import {
  type AssessmentChanges,
  changesForKind,
  checkedChanges,
  checkedNew,
  type NewAssessmentInput,
} from './assessment-rules.ts';

/** Select list mapping `assessments` columns (alias `a`) to the {@link Assessment} shape. */
const COLUMNS = `a.assessment_id as "assessmentId", a.trace_id as "traceId", a.name, a.kind,
  a.value, a.error, a.rationale, a.source_type as "sourceType", a.source_id as "sourceId",
  a.span_id as "spanId", a.metadata, a.overrides, a.valid, a.create_time as "createTime",
  a.last_update_time as "lastUpdateTime"`;

const notFound = (traceId: string, id: string) =>
  new NotFoundError(
    'Assessment',
    id,
    `Assessment with ID '${id}' not found for trace '${traceId}'`,
  );

/** The fields of an update that change something, for its audit event. */
const changedFields = (c: AssessmentChanges) =>
  (['name', 'value', 'error', 'rationale', 'metadata', 'valid'] as const).filter(
    (k) => c[k] != null,
  );

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Assessments of traces (MLflow 3 feedback and expectations): create, read, update, delete, and
 * the assessments of many traces for trace infos.
 *
 * @remarks Each write is one transaction that takes its trace's row `for share`, so it never
 * races a delete of the trace; bad input writes nothing.
 */
export class AssessmentService {
  constructor(
    private readonly db: Db,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  private async lockTrace(sql: SqlClient, traceId: string): Promise<void> {
    const rows = await sql.query('select 1 from trace_info where trace_id = $1 for share', [
      traceId,
    ]);
    if (rows.length === 0) throw traceNotFound(traceId);
  }

  /** Checks a new assessment without writing it (callers that write more first check it all). */
  check(input: NewAssessmentInput): void {
    checkedNew(input);
  }

  /**
   * Creates an assessment and returns it (id `a-` + 32 hex, times now unless given).
   *
   * @remarks A feedback needs a value or an error, an expectation a value; the source defaults
   * to CODE for feedback and HUMAN for expectations, with id `default`. With `overrides`, the
   * overridden assessment of the same trace must exist and becomes invalid.
   */
  async create(input: NewAssessmentInput): Promise<Assessment> {
    const a = checkedNew(input);
    await this.access.trace(a.traceId, 'EDIT');
    const id = `a-${newId()}`;
    const now = Date.now();
    return this.db.transaction(async (sql) => {
      await this.lockTrace(sql, a.traceId);
      if (a.overrides) {
        const hit = await sql.query(
          `update assessments set valid = false where trace_id = $1 and assessment_id = $2
           returning assessment_id`,
          [a.traceId, a.overrides],
        );
        if (hit.length === 0) throw notFound(a.traceId, a.overrides);
      }
      const [row] = await sql.query<Assessment>(
        ...this.audit.audited(
          `insert into assessments as a (assessment_id, trace_id, name, kind, value, error, rationale,
           source_type, source_id, span_id, metadata, overrides, valid, create_time, last_update_time)
         values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11::jsonb, $12, true, $13, $14)
         returning ${COLUMNS}`,
          [
            id,
            a.traceId,
            a.name,
            a.kind,
            json(a.value),
            json(a.error ?? undefined),
            a.rationale ?? null,
            a.sourceType,
            a.sourceId,
            a.spanId ?? null,
            JSON.stringify(a.metadata ?? {}),
            a.overrides ?? null,
            a.createTime ?? now,
            now,
          ],
          'assessment',
          id,
          'create',
          { traceId: a.traceId, name: a.name, kind: a.kind },
        ),
      );
      return row!;
    });
  }

  /** An assessment of a trace; RESOURCE_DOES_NOT_EXIST names the trace or the assessment. */
  async get(traceId: string, assessmentId: string, sql: SqlClient = this.db): Promise<Assessment> {
    await this.access.trace(traceId, 'READ');
    const rows = await sql.query<Assessment>(
      `select ${COLUMNS} from trace_info t
       left join assessments a on a.trace_id = t.trace_id and a.assessment_id = $2
       where t.trace_id = $1`,
      [traceId, assessmentId],
    );
    if (rows.length === 0) throw traceNotFound(traceId);
    if (rows[0]!.assessmentId === null) throw notFound(traceId, assessmentId);
    return rows[0]!;
  }

  /**
   * Changes an assessment and returns it; its source, span and creation time stay.
   *
   * @remarks A new value (or error) replaces both and must suit the assessment's kind; metadata is
   * merged (new keys win); the last update time becomes now.
   */
  async update(
    traceId: string,
    assessmentId: string,
    changes: AssessmentChanges,
  ): Promise<Assessment> {
    checkedChanges(changes);
    await this.access.trace(traceId, 'EDIT');
    return this.db.transaction(async (sql) => {
      await this.lockTrace(sql, traceId);
      const existing = await this.get(traceId, assessmentId, sql);
      const c = changesForKind(existing.kind, changes);
      const [row] = await sql.query<Assessment>(
        ...this.audit.audited(
          `update assessments a set
           name = coalesce($3, a.name),
           value = case when $4 then $5::jsonb else a.value end,
           error = case when $4 then $6::jsonb else a.error end,
           rationale = coalesce($7, a.rationale),
           metadata = a.metadata || $8::jsonb,
           valid = coalesce($9, a.valid),
           last_update_time = $10
         where a.trace_id = $1 and a.assessment_id = $2
         returning ${COLUMNS}`,
          [
            traceId,
            assessmentId,
            c.name ?? null,
            c.kind !== undefined,
            json(c.value),
            json(c.error ?? undefined),
            c.rationale ?? null,
            JSON.stringify(c.metadata ?? {}),
            c.valid ?? null,
            Date.now(),
          ],
          'assessment',
          assessmentId,
          'update',
          { traceId, changed: changedFields(c) },
        ),
      );
      return row!;
    });
  }

  /**
   * Deletes an assessment; a missing assessment is a no-op (the trace must exist). An assessment
   * it overrode becomes valid again.
   */
  async delete(traceId: string, assessmentId: string): Promise<void> {
    await this.access.trace(traceId, 'EDIT');
    await this.db.transaction(async (sql) => {
      await this.lockTrace(sql, traceId);
      const [gone] = await sql.query<{ overrides: string | null }>(
        ...this.audit.audited(
          `delete from assessments where trace_id = $1 and assessment_id = $2 returning overrides`,
          [traceId, assessmentId],
          'assessment',
          assessmentId,
          'delete',
          { traceId },
        ),
      );
      if (gone?.overrides) {
        await sql.query(
          'update assessments set valid = true where trace_id = $1 and assessment_id = $2',
          [traceId, gone.overrides],
        );
      }
    });
  }

  /** Assessments of each trace, oldest first (one query). */
  async byTraceIds(traceIds: readonly string[]): Promise<Assessment[][]> {
    const rows = await this.db.query<Assessment>(
      `select ${COLUMNS} from assessments a where a.trace_id = any($1::text[])
       order by a.trace_id, a.create_time, a.assessment_id`,
      [traceIds],
    );
    return groupByKeys(traceIds, rows, (r) => r.traceId);
  }
}
