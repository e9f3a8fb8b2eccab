import { builder } from '../../builder.ts';
import { PAYLOAD_ONLY } from '../../shared/payload-only.ts';
import { type Step, stepOf } from '../../shared/scalars.ts';
import { type Bucket, SeriesAxisEnum, type StepRange } from '../metrics/public.ts';
import { unlag } from './lagged.ts';
import type { RunBuckets, SeriesFrame } from './live-series.ts';

const [INT64_MIN, INT64_MAX] = [-(2n ** 63n), 2n ** 63n - 1n];

/**
 * An x bound as served: an open range that doubled near the int64 ends may reach past them, where no
 * step lies, so its bounds are shown clamped to the int64 range (the bucket layout is unchanged).
 */
function int64(x: Step): Step {
  if (typeof x === 'number') return x;
  return x > INT64_MAX ? stepOf(INT64_MAX) : x < INT64_MIN ? stepOf(INT64_MIN) : x;
}

const LiveSeriesRangeInput = builder.inputType('LiveSeriesRangeInput', {
  description: 'An inclusive x range; an omitted side is open and follows the data.',
  fields: (t) => ({
    start: t.field({
      type: 'Step',
      description: 'First x (inclusive), a step or ms; omitted: open.',
    }),
    end: t.field({ type: 'Step', description: 'Last x (inclusive), a step or ms; omitted: open.' }),
  }),
});

const LiveSeriesRangeRef = builder.objectRef<StepRange>('LiveSeriesRange').implement({
  description: 'The inclusive x range cut into buckets.',
  fields: (t) => ({
    start: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'First x (beyond ±(2^53-1) as a decimal string; within the int64 range).',
      resolve: (r) => int64(r.start),
    }),
    end: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'Last x (beyond ±(2^53-1) as a decimal string; within the int64 range).',
      resolve: (r) => int64(r.end),
    }),
  }),
});

const LiveBucketLastRef = builder.objectRef<Bucket['last']>('LiveBucketLast').implement({
  description: "The bucket's latest point (highest step, then timestamp, then value).",
  fields: (t) => ({
    step: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'Step (beyond ±(2^53-1) as a decimal string).',
      resolve: (p) => p.step,
    }),
    timestamp: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      description: 'Timestamp.',
      resolve: (p) => p.timestamp,
    }),
    value: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'MetricValue',
      description: 'Value.',
      resolve: (p) => p.value,
    }),
  }),
});

const LiveBucketRef = builder.objectRef<Bucket>('LiveBucket').implement({
  description:
    'Aggregates of the points whose x falls in bucket `index`: floor((x - start) * bucketCount / (end - start + 1)).',
  fields: (t) => ({
    index: t.exposeInt('index', {
      extensions: PAYLOAD_ONLY,
      description: 'Bucket index, 0-based.',
    }),
    xStart: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'First x covered (beyond ±(2^53-1) as a decimal string).',
      resolve: (b) => int64(b.xStart),
    }),
    xEnd: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'Last x covered (beyond ±(2^53-1) as a decimal string; within the int64 range).',
      resolve: (b) => int64(b.xEnd),
    }),
    count: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      description: 'Points in it.',
      resolve: (b) => b.count,
    }),
    minStep: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'Lowest step (beyond ±(2^53-1) as a decimal string).',
      resolve: (b) => b.minStep,
    }),
    maxStep: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'Step',
      description: 'Highest step (beyond ±(2^53-1) as a decimal string).',
      resolve: (b) => b.maxStep,
    }),
    min: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'MetricValue',
      nullable: true,
      description: 'Smallest value, NaN ignored; null when all are NaN.',
      resolve: (b) => b.min,
    }),
    max: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'MetricValue',
      nullable: true,
      description: 'Largest value, NaN ignored; null when all are NaN.',
      resolve: (b) => b.max,
    }),
    last: t.field({
      extensions: PAYLOAD_ONLY,
      type: LiveBucketLastRef,
      description: 'Latest point.',
      resolve: (b) => b.last,
    }),
  }),
});

const LiveSeriesRunRef = builder.objectRef<RunBuckets>('LiveSeriesRun').implement({
  description: 'The buckets of one run in a frame.',
  fields: (t) => ({
    runId: t.exposeString('runId', { extensions: PAYLOAD_ONLY, description: 'The run.' }),
    seq: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      description: 'Every batch of the run up to this one is counted.',
      resolve: (r) => r.seq,
    }),
    buckets: t.field({
      extensions: PAYLOAD_ONLY,
      type: [LiveBucketRef],
      description:
        'Non-empty buckets in index order: all of them (full frame) or the changed ones.',
      resolve: (r) => r.buckets,
    }),
  }),
});

const LiveSeriesFrameRef = builder.objectRef<SeriesFrame>('LiveSeriesFrame').implement({
  description: 'A frame of a live series: every bucket (`full`) or only the buckets that changed.',
  fields: (t) => ({
    full: t.exposeBoolean('full', {
      extensions: PAYLOAD_ONLY,
      description: 'True: replace everything you hold; false: replace only these buckets.',
    }),
    axis: t.field({
      extensions: PAYLOAD_ONLY,
      type: SeriesAxisEnum,
      description: 'The x-axis.',
      resolve: (f) => f.axis,
    }),
    bucketCount: t.exposeInt('bucketCount', {
      extensions: PAYLOAD_ONLY,
      description: 'Number of buckets the range is cut into.',
    }),
    range: t.field({
      extensions: PAYLOAD_ONLY,
      type: LiveSeriesRangeRef,
      nullable: true,
      description: 'The x range; null while an open range has no data yet.',
      resolve: (f) => f.range,
    }),
    runs: t.field({
      extensions: PAYLOAD_ONLY,
      type: [LiveSeriesRunRef],
      description: 'Per run; a delta frame lists only runs with changed buckets.',
      resolve: (f) => f.runs,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  liveSeries: t.field({
    extensions: PAYLOAD_ONLY,
    type: LiveSeriesFrameRef,
    description:
      'A downsampled metric series of one or more runs, pushed incrementally: a full frame first, then only the buckets that changed. Subscribers asking for the same series share one computation. With an open range side, a point beyond it doubles the span on that side as often as needed (buckets merge pairwise, nothing is re-read) and a new full frame follows; points beyond a fixed side are ignored. A subscriber that falls behind gets one frame with the current values of every bucket changed meanwhile.',
    args: {
      runIds: t.arg.stringList({ required: true, description: 'The runs (1 to 100).' }),
      key: t.arg.string({ required: true, description: 'Metric name.' }),
      buckets: t.arg.int({ required: true, description: 'Number of buckets (1 to 10000).' }),
      range: t.arg({
        type: LiveSeriesRangeInput,
        description: 'x range; default open on both sides.',
      }),
      axis: t.arg({ type: SeriesAxisEnum, description: 'x-axis; default STEP.' }),
    },
    subscribe: (_, args, ctx) => ctx.services.live.series(args),
    resolve: (f) => unlag(f),
  }),
}));
