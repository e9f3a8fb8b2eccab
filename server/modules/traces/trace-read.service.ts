import type { Db } from '../../shared/db.ts';
import { groupByKeys } from '../../shared/group.ts';
import type { PermissionService } from '../auth/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { Span } from './span.entity.ts';
import type { TraceInfo } from './trace.entity.ts';
import { SPAN_COLUMNS, TRACE_COLUMNS } from './trace-rows.sql.ts';

interface OwnedKeyValue extends KeyValue {
  owner: string;
}

/** Trace reads for `trace(id)` and the loaders behind lists of traces (one query each). */
export class TraceReadService {
  constructor(
    private readonly db: Db,
    private readonly access: PermissionService,
  ) {}

  /** A readable trace's info by id; null when absent or unreadable. */
  async findById(traceId: string): Promise<TraceInfo | null> {
    const [row] = await this.findByIds([traceId]);
    return row ?? null;
  }

  /** Readable traces' infos by id, for a dataloader (one query). */
  async findByIds(ids: readonly string[]): Promise<TraceInfo[]> {
    const rows = await this.db.query<TraceInfo>(
      `select ${TRACE_COLUMNS} from trace_info t where t.trace_id = any($1::text[])`,
      [ids],
    );
    return this.access.readable(rows, (t) => t.experimentId);
  }

  private async byTrace(
    table: 'trace_metadata' | 'trace_tags',
    ids: readonly string[],
  ): Promise<KeyValue[][]> {
    const rows = await this.db.query<OwnedKeyValue>(
      `select trace_id as owner, key, value from ${table} where trace_id = any($1::text[]) order by trace_id, key`,
      [ids],
    );
    return groupByKeys(
      ids,
      rows.map((r) => ({ owner: r.owner, key: r.key, value: r.value })),
      (r) => r.owner,
    );
  }

  /** Metadata of each trace, sorted by key (one query). */
  metadataByTraceIds(ids: readonly string[]): Promise<KeyValue[][]> {
    return this.byTrace('trace_metadata', ids);
  }

  /** Tags of each trace, sorted by key (one query). */
  tagsByTraceIds(ids: readonly string[]): Promise<KeyValue[][]> {
    return this.byTrace('trace_tags', ids);
  }

  /**
   * Spans of each trace: root spans first, then by start time and span id (MLflow's get_trace
   * order), in one query.
   */
  async spansByTraceIds(ids: readonly string[]): Promise<Span[][]> {
    const rows = await this.db.query<Span>(
      `select ${SPAN_COLUMNS} from spans s where s.trace_id = any($1::text[])
       order by s.trace_id, s.parent_span_id is not null, s.start_time_ns, s.span_id`,
      [ids],
    );
    return groupByKeys(ids, rows, (r) => r.traceId);
  }

  /** The root span of each trace, null while it has not arrived (one query, roots only). */
  async rootSpansByTraceIds(ids: readonly string[]): Promise<(Span | null)[]> {
    const rows = await this.db.query<Span>(
      `select ${SPAN_COLUMNS} from spans s where s.trace_id = any($1::text[]) and s.parent_span_id is null
       order by s.trace_id, s.start_time_ns, s.span_id`,
      [ids],
    );
    return groupByKeys(ids, rows, (r) => r.traceId).map((roots) => roots[0] ?? null);
  }
}
