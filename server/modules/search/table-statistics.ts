import type { Logger } from '../../logger.ts';
import type { Db } from '../../shared/db.ts';

/** The tables a run search reads; their statistics decide the search plans. */
export const RUN_SEARCH_TABLES = ['runs', 'params', 'run_tags', 'metric_summaries'] as const;

/** The tables a trace search reads (`searchTraces`, with each trace's metadata, tags and root span). */
export const TRACE_SEARCH_TABLES = [
  'trace_info',
  'trace_metadata',
  'trace_tags',
  'trace_run_links',
  'spans',
] as const;

/** The tables a logged-model search reads. */
export const LOGGED_MODEL_SEARCH_TABLES = [
  'logged_models',
  'logged_model_params',
  'logged_model_tags',
  'logged_model_metrics',
] as const;

/** How a table's statistics compare with its contents. */
export type Staleness = 'fresh' | 'stale' | 'missing';

/** Least time between two background refreshes of statistics that are stale but usable. */
const BACKGROUND_INTERVAL_MS = 30_000;

/** One table's planner statistics and the changes PostgreSQL counted since they were taken. */
export interface TableCounts {
  table: string;
  /** Rows as of the last ANALYZE or VACUUM (-1: never). */
  reltuples: number;
  /** Live rows now, as PostgreSQL's cumulative statistics count them. */
  liveRows: number;
  /** Rows inserted, updated or deleted since the last ANALYZE. */
  modifiedSinceAnalyze: number;
}

/**
 * How stale `t`'s statistics are: `stale` past autovacuum's own analyze rule (50 rows + 10 % of
 * the table), `missing` when the planner has no usable picture (never analyzed, or more rows
 * changed than the statistics describe, e.g. right after a bulk import) and the table is not tiny.
 */
export function staleness(t: TableCounts): Staleness {
  const known = Math.max(t.reltuples, 0);
  if (t.modifiedSinceAnalyze <= 50 + 0.1 * known) return 'fresh';
  if ((t.reltuples < 0 || t.modifiedSinceAnalyze > known) && t.liveRows > 1000) return 'missing';
  return 'stale';
}

/**
 * Keeps the planner statistics of the search tables fresh, as autovacuum's analyze would, for
 * databases where autovacuum is off or lags behind a bulk import.
 *
 * @remarks App-scoped. Before a search, at most once per `intervalMs`, one catalog query reads
 * PostgreSQL's own change counters (`pg_stat_user_tables.n_mod_since_analyze`, kept whatever
 * wrote the rows: the API, a bulk import, psql), so the server tracks no counts itself. Stale
 * tables are analyzed in the background; tables whose statistics are `missing` are analyzed before
 * the search runs, because the planner would otherwise loop over every run (one wait after an
 * import: 0.1-0.5 s for 100,000 runs). Background refreshes run at most every 30 s (autovacuum's
 * naptime is 60 s), so a run logging metrics while users search does not keep ANALYZE busy. One ANALYZE at a time; failures (a role that does not own
 * the tables) are logged once and switch the keeper off.
 */
export class TableStatistics {
  /** When each set of tables (keyed by its names) may be checked again. */
  private readonly nextCheck = new Map<string, number>();
  /** Stale (not missing) statistics are refreshed at most this often, like autovacuum's naptime. */
  private nextBackground = 0;
  /** The check in progress, with the ANALYZE of tables whose statistics are missing. */
  private blocking: Promise<void> | null = null;
  private analyzing = false;
  private disabled: boolean;

  /** @param intervalMs least time between two checks; negative switches the keeper off. */
  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly intervalMs = 2000,
  ) {
    this.disabled = intervalMs < 0;
  }

  /** Checks `tables` when a check is due; resolves once tables with missing statistics are analyzed. */
  beforeSearch(tables: readonly string[]): Promise<void> | undefined {
    if (this.disabled) return;
    if (this.blocking) return this.blocking;
    const now = Date.now();
    const key = tables.join(',');
    if (this.analyzing || now < (this.nextCheck.get(key) ?? 0)) return;
    this.nextCheck.set(key, now + this.intervalMs);
    this.blocking = this.check(tables).finally(() => {
      this.blocking = null;
    });
    return this.blocking;
  }

  /** Counters of `tables`, from PostgreSQL's cumulative statistics. */
  counts(tables: readonly string[]): Promise<TableCounts[]> {
    return this.db.query<TableCounts>(
      `select s.relname as "table", c.reltuples::float8 as reltuples,
         s.n_live_tup::float8 as "liveRows", s.n_mod_since_analyze::float8 as "modifiedSinceAnalyze"
       from pg_stat_user_tables s join pg_class c on c.oid = s.relid
       where s.schemaname = current_schema() and s.relname = any($1::text[])`,
      [tables],
    );
  }

  private async check(tables: readonly string[]): Promise<void> {
    let counts: TableCounts[];
    try {
      counts = await this.counts(tables);
    } catch (err) {
      this.fail(err);
      return;
    }
    const now = Date.now();
    const background = now >= this.nextBackground;
    const due = counts
      .map((t) => ({ t, s: staleness(t) }))
      .filter((x) => x.s === 'missing' || (x.s === 'stale' && background));
    if (due.length === 0) return;
    if (background) this.nextBackground = now + BACKGROUND_INTERVAL_MS;
    this.analyzing = true;
    const done = this.analyze(due.map((x) => x.t.table)).finally(() => {
      this.analyzing = false;
    });
    if (due.some((x) => x.s === 'missing')) await done;
  }

  private async analyze(tables: string[]): Promise<void> {
    const t0 = performance.now();
    try {
      // names come from the fixed table lists, matched against the catalog, never from a request
      await this.db.query(
        `analyze ${tables.map((t) => `"${t.replaceAll('"', '""')}"`).join(', ')}`,
      );
      this.logger.info(
        { tables, ms: Math.round(performance.now() - t0) },
        'analyzed tables whose planner statistics were stale',
      );
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    this.disabled = true;
    this.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'cannot keep table statistics fresh (ANALYZE failed); search plans rely on autovacuum',
    );
  }
}
