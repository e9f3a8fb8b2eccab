import type { SubscriptionLimits } from '../../config.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { PermissionService } from '../auth/public.ts';
import { MAX_BUCKETS, type SeriesAxis } from '../metrics/public.ts';
import type { ParamsTagsService } from '../params-tags/public.ts';
import { RunService } from '../runs/public.ts';
import type { EventBus } from './event-bus.ts';
import { preciseNow, type RunEvent } from './events.ts';
import type { Lagged, LiveIterator } from './live-iterator.ts';
import type { LiveSeriesHubs, SeriesFrame } from './live-series.ts';
import { type MetricsEvent, openMetricsStream } from './metrics-stream.ts';
import { openRunEventsStream } from './run-events-stream.ts';
import type { RunFeeds } from './run-feed.ts';

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

  /** Registers `it` with the bus so a shutdown ends it. */
  private tracked<T>(it: LiveIterator<T>): LiveIterator<T> {
    it.onEnd(this.bus.track(it));
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
    // checked once, at subscribe: every later event of the stream is of this run
    await this.access.run(args.runId, 'READ');
    const it = await openMetricsStream(this.feeds, this.limits, {
      runId: args.runId,
      keys: args.keys ?? null,
      afterSeq: args.afterSeq ?? null,
    });
    return this.tracked(it);
  }

  /** Changes of runs: all, one experiment's, or one run's (which starts with a snapshot). */
  async runEvents(args: {
    experimentId?: string | null;
    runId?: string | null;
  }): Promise<LiveIterator<RunEvent | Lagged>> {
    if (args.runId) await this.access.run(args.runId, 'READ');
    if (args.experimentId) await this.access.experiment(args.experimentId, 'READ');
    const it = await openRunEventsStream(this.bus, this.limits, {
      experimentId: args.experimentId ?? null,
      runId: args.runId ?? null,
      visible: await this.access.readFilter(),
      snapshot: (runId) => this.snapshot(runId),
    });
    return this.tracked(it);
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
    range?: { start?: number | null; end?: number | null } | null;
  }): Promise<LiveIterator<SeriesFrame | Lagged>> {
    if (args.runIds.length === 0 || args.runIds.length > MAX_SERIES_RUNS)
      throw new ValidationError('runIds', `Between 1 and ${MAX_SERIES_RUNS} runs`);
    if (args.buckets < 1 || args.buckets > MAX_BUCKETS)
      throw new ValidationError('buckets', `buckets must be between 1 and ${MAX_BUCKETS}`);
    const start = args.range?.start ?? null;
    const end = args.range?.end ?? null;
    if (start !== null && end !== null && end < start)
      throw new ValidationError('range.end', 'range.end must not be below range.start');
    await this.access.runs(args.runIds, 'READ');
    const it = await this.seriesHubs.open({
      runIds: args.runIds,
      key: args.key,
      buckets: args.buckets,
      axis: args.axis ?? 'STEP',
      start,
      end,
    });
    return this.tracked(it);
  }
}
