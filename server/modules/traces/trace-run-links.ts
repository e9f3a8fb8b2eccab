import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { type AuditLog, someKeys } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { RunService } from '../runs/public.ts';

/** Links between traces and runs (MLflow's `link_traces_to_run`, for evaluation and labelling). */
export class TraceRunLinkService {
  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Links traces to a run; linking again is a no-op.
   *
   * @remarks As MLflow's SQL store: an empty list does nothing, at most 100 ids, the run must
   * exist (active or deleted), ids of unknown traces are skipped. A linked trace matches
   * `run_id = '<run>'` in trace searches as a trace whose metadata `mlflow.sourceRun` names the
   * run does.
   */
  async linkToRun(traceIds: readonly string[], runId: string): Promise<void> {
    if (traceIds.length === 0) return;
    if (traceIds.length > LIMITS.maxTraceIdsPerLink) {
      throw new ValidationError(
        'trace_ids',
        `Cannot link more than ${LIMITS.maxTraceIdsPerLink} traces to a run in a single request. Provided ${traceIds.length} traces.`,
      );
    }
    await this.access.run(runId, 'EDIT');
    await this.access.traces(traceIds, 'READ');
    await this.runs.get(runId);
    // audited only when a link is new
    await this.db.query(
      ...this.audit.audited(
        `insert into trace_run_links (trace_id, run_id)
         select t.trace_id, $2 from trace_info t where t.trace_id = any($1::text[])
         on conflict do nothing returning trace_id`,
        [traceIds, runId],
        'run',
        runId,
        'link_traces',
        { traceIds: someKeys(traceIds), requested: traceIds.length },
      ),
    );
  }
}
