import type { SubscriptionLimits } from '../../config.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { Step } from '../../shared/scalars.ts';
import type { PermissionService, StreamCheck } from '../auth/public.ts';
import { MAX_BUCKETS, type SeriesAxis } from '../metrics/public.ts';
import type { ParamsTagsService } from '../params-tags/public.ts';
import { RunService } from '../runs/public.ts';
import type { EventBus } from './event-bus.ts';
import { preciseNow, type RunEvent } from './events.ts';
import { type Lagged, Revoked } from './lagged.ts';
import type { LiveIterator } from './live-iterator.ts';
import type { LiveSeriesHubs, SeriesFrame } from './live-series.ts';
import { type MetricsEvent, openMetricsStream } from './metrics-stream.ts';
import { openRunEventsStream } from './run-events-stream.ts';
import type { RunFeeds } from './run-feeds.ts';

const MAX_KEYS = 100;
const MAX_SERIES_RUNS = 100;

/** Live streams for subscriptions: metrics, run changes, downsampled series. */
export class LiveService {
  constructor(
    private readonly bus: EventBus,
    private readonly feeds: RunFeeds,
    private readonly limits: SubscriptionLimits,
    private readonly seriesHubs: LiveSeriesHubs,
    private readonly runs: RunService,
    private readonly paramsTags: ParamsTagsService,
    private readonly access: PermissionService,
  ) {}

  /**
   * Registers `it` with the bus so a shutdown ends it, and with the permission guard so that it
   * ends, with the subscriber's error, as soon as `check` (run again after every auth change, and
   * at its token's expiry) fails or the subscriber's credential no longer holds.
   */
  private tracked<T>(
    it: LiveIterator<T | Lagged>,
    check: StreamCheck,
    since: number,
  ): LiveIterator<T | Lagged> {
    it.onEnd(this.bus.track(it));
    it.onEnd(this.access.watch(check, (error) => it.interrupt(new Revoked(error)), since));
    return it;
  }

  /**
   * Points of each committed batch of a run, in commit order, optionally after `afterSeq`.
   *
   * @remarks Replays stored batches after `afterSeq` first, then continues live, with no gap and no
   * duplicate across the switch. Bursts are coalesced when the subscriber is behind.
   */
  async metrics(args: {
    runId: string;
    keys?: string[] | null;
    afterSeq?: number | null;
  }): Promise<LiveIterator<MetricsEvent | Lagged>> {
    if (args.keys && args.keys.length > MAX_KEYS)
      throw new ValidationError('keys', `At most ${MAX_KEYS} keys; got ${args.keys.length}`);
    if (args.afterSeq != null && args.afterSeq < 0)
      throw new ValidationError('afterSeq', 'afterSeq must not be negative');
    // checked at subscribe, then again after every auth change: every event is of this run
    const check: StreamCheck = (access) => access.run(args.runId, 'READ');
    const since = this.access.changes();
    await check(this.access);
    const it = await openMetricsStream(this.feeds, this.limits, {
      runId: args.runId,
      keys: args.keys ?? null,
      afterSeq: args.afterSeq ?? null,
    });
    return this.tracked(it, check, since);
  }

  /** Changes of runs: all, one experiment's, or one run's (which starts with a snapshot). */
  async runEvents(args: {
    experimentId?: string | null;
    runId?: string | null;
  }): Promise<LiveIterator<RunEvent | Lagged>> {
    // the filter of experiments follows the subscriber's grants as they change
    let visible: ((experimentId: string) => boolean) | null = null;
    const check: StreamCheck = async (access) => {
      if (args.runId) await access.run(args.runId, 'READ');
      if (args.experimentId) await access.experiment(args.experimentId, 'READ');
      visible = await access.readFilter();
    };
    const since = this.access.changes();
    await check(this.access);
    const it = await openRunEventsStream(this.bus, this.limits, {
      experimentId: args.experimentId ?? null,
      runId: args.runId ?? null,
      visible: (experimentId) => visible === null || visible(experimentId),
      snapshot: (runId) => this.snapshot(runId),
    });
    return this.tracked(it, check, since);
  }

  /** The current state of a run as a SNAPSHOT event. */
  private async snapshot(runId: string): Promise<RunEvent> {
    const run = await this.runs.get(runId);
    const [[params], [tags]] = await Promise.all([
      this.paramsTags.paramsByRunIds([runId]),
      this.paramsTags.tagsByRunIds([runId]),
    ]);
    return {
      kind: 'SNAPSHOT',
      ...RunService.stateOf(run),
      seq: run.lastSeq,
      committedAt: preciseNow(),
      params: params ?? [],
      tags: tags ?? [],
    };
  }

  /** A downsampled series of runs' metric `key`, kept up to date (see LiveSeriesHubs). */
  async series(args: {
    runIds: string[];
    key: string;
    buckets: number;
    axis?: SeriesAxis | null;
    range?: { start?: Step | null; end?: Step | null } | null;
  }): Promise<LiveIterator<SeriesFrame | Lagged>> {
    if (args.runIds.length === 0 || args.runIds.length > MAX_SERIES_RUNS)
      throw new ValidationError('runIds', `Between 1 and ${MAX_SERIES_RUNS} runs`);
    if (args.buckets < 1 || args.buckets > MAX_BUCKETS)
      throw new ValidationError('buckets', `buckets must be between 1 and ${MAX_BUCKETS}`);
    const start = args.range?.start ?? null;
    const end = args.range?.end ?? null;
    if (start !== null && end !== null && end < start)
      throw new ValidationError('range.end', 'range.end must not be below range.start');
    const check: StreamCheck = (access) => access.runs(args.runIds, 'READ');
    const since = this.access.changes();
    await check(this.access);
    const it = await this.seriesHubs.open({
      runIds: args.runIds,
      key: args.key,
      buckets: args.buckets,
      axis: args.axis ?? 'STEP',
      start,
      end,
    });
    return this.tracked(it, check, since);
  }
}
