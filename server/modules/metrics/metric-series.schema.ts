import { builder } from '../../builder.ts';
import { LIMITS } from '../../shared/limits.ts';
import { RunRef } from '../runs/public.ts';
import type { BucketColumns } from './bucket-fold.ts';
import type { SeriesAxis } from './buckets.ts';
import type { SeriesData } from './metric.service.ts';
import type { BucketSet, RunBuckets } from './metric-buckets.service.ts';
import { wideBucketBounds } from './wide-buckets.ts';

export const SeriesAxisEnum = builder.enumType('SeriesAxis', {
  description: 'The x-axis of a metric series.',
  values: {
    STEP: { description: 'The metric step.' },
    WALL_TIME: { description: 'The point timestamp, ms since the epoch.' },
    RELATIVE_TIME: { description: "Ms since the run's start time (timestamp - run.startTime)." },
  } satisfies Record<SeriesAxis, { description: string }>,
});

const MetricSeriesRef = builder.objectRef<SeriesData & { key: string }>('MetricSeries').implement({
  description:
    'A whole metric history as parallel lists (index i of each list is one point), ordered by step, then timestamp, then logging order. Much cheaper to serialise than a list of objects.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Metric name.' }),
    steps: t.field({
      type: 'StepColumn',
      description: 'Step of each point (beyond ±(2^53-1) as a decimal string).',
      resolve: (s) => s.steps,
    }),
    timestamps: t.field({
      type: 'SafeIntColumn',
      description: 'Timestamp of each point, ms since the epoch.',
      resolve: (s) => s.timestamps,
    }),
    values: t.field({
      type: 'MetricValueColumn',
      description: 'Value of each point; NaN and ±Infinity are kept.',
      resolve: (s) => s.values,
    }),
  }),
});

const col =
  <K extends keyof BucketColumns>(k: K) =>
  (r: RunBuckets) =>
    r.buckets[k];

const bounds = (r: RunBuckets, side: 'xStart' | 'xEnd') =>
  r.range ? r.buckets.index.map((i) => wideBucketBounds(i, r.range!, r.bucketCount)[side]) : [];

const RunBucketsRef = builder.objectRef<RunBuckets>('RunMetricBuckets').implement({
  description:
    'Non-empty buckets of one run as parallel lists (index i of each list is one bucket), in bucket order. Select only the lists you draw.',
  fields: (t) => ({
    runId: t.exposeString('runId', { description: 'Run id.' }),
    index: t.field({
      type: 'SafeIntColumn',
      description: 'Bucket number (0-based).',
      resolve: col('index'),
    }),
    xStart: t.field({
      type: 'StepColumn',
      description: 'First x the bucket covers (inclusive) (beyond ±(2^53-1) as a decimal string).',
      resolve: (r) => bounds(r, 'xStart'),
    }),
    xEnd: t.field({
      type: 'StepColumn',
      description: 'Last x the bucket covers (inclusive) (beyond ±(2^53-1) as a decimal string).',
      resolve: (r) => bounds(r, 'xEnd'),
    }),
    count: t.field({
      type: 'SafeIntColumn',
      description: 'Number of points in the bucket.',
      resolve: col('count'),
    }),
    minStep: t.field({
      type: 'StepColumn',
      description: 'Lowest step in the bucket (beyond ±(2^53-1) as a decimal string).',
      resolve: col('minStep'),
    }),
    maxStep: t.field({
      type: 'StepColumn',
      description: 'Highest step in the bucket (beyond ±(2^53-1) as a decimal string).',
      resolve: col('maxStep'),
    }),
    min: t.field({
      type: 'NullableMetricValueColumn',
      description: 'Smallest value, NaN ignored; null when every value is NaN.',
      resolve: col('min'),
    }),
    max: t.field({
      type: 'NullableMetricValueColumn',
      description: 'Largest value, NaN ignored; null when every value is NaN.',
      resolve: col('max'),
    }),
    lastStep: t.field({
      type: 'StepColumn',
      description:
        "Step of the bucket's latest point (MLflow's rule) (beyond ±(2^53-1) as a decimal string).",
      resolve: col('lastStep'),
    }),
    lastTimestamp: t.field({
      type: 'SafeIntColumn',
      description: "Timestamp of the bucket's latest point.",
      resolve: col('lastTimestamp'),
    }),
    lastValue: t.field({
      type: 'MetricValueColumn',
      description: "Value of the bucket's latest point.",
      resolve: col('lastValue'),
    }),
  }),
});

const BucketSetRef = builder.objectRef<BucketSet>('MetricBuckets').implement({
  description:
    'A metric key downsampled into equal-width buckets over one x range shared by every run: bucket i holds x with floor((x - start) * buckets / (end - start + 1)) = i.',
  fields: (t) => ({
    axis: t.field({ type: SeriesAxisEnum, description: 'The x-axis.', resolve: (s) => s.axis }),
    start: t.field({
      type: 'Step',
      nullable: true,
      description: 'First x of the range (inclusive); null when there are no points.',
      resolve: (s) => s.range?.start ?? null,
    }),
    end: t.field({
      type: 'Step',
      nullable: true,
      description: 'Last x of the range (inclusive); null when there are no points.',
      resolve: (s) => s.range?.end ?? null,
    }),
    bucketCount: t.exposeInt('bucketCount', {
      description: 'Number of buckets the range is cut into.',
    }),
    runs: t.field({
      type: [RunBucketsRef],
      description: 'Buckets per run, in the order the runs were requested.',
      resolve: (s) => s.runs,
    }),
  }),
});

const bucketArgs = builder.args((t) => ({
  key: t.string({ required: true, description: 'Metric name.' }),
  buckets: t.int({ required: true, description: 'Number of buckets (1 to 10,000).' }),
  axis: t.field({ type: SeriesAxisEnum, defaultValue: 'STEP', description: 'The x-axis.' }),
  start: t.field({
    type: 'Step',
    description: 'First x (inclusive); default: the smallest x of the requested runs.',
  }),
  end: t.field({
    type: 'Step',
    description: 'Last x (inclusive); default: the largest x of the requested runs.',
  }),
}));

builder.queryFields((t) => ({
  metricBuckets: t.field({
    type: BucketSetRef,
    description:
      'One metric key of many runs downsampled into buckets over a shared range, in one request (at most 1,000 runs).',
    args: {
      runIds: t.arg.stringList({ required: true, description: 'Runs to include (at most 1,000).' }),
      ...bucketArgs,
    },
    resolve: (_, a, ctx) =>
      ctx.services.buckets.buckets(a.runIds, a.key, a.buckets, a, a.axis ?? 'STEP'),
  }),
}));

builder.objectFields(RunRef, (t) => ({
  metricSeries: t.field({
    type: MetricSeriesRef,
    description:
      'The whole history of one key as parallel lists (fast form of `metricHistory`): at most 1,000,000 points a request, so a longer history is read in step ranges (or paged with `metricHistory`).',
    args: {
      key: t.arg.string({ required: true, description: 'Metric name.' }),
      minStep: t.arg({ type: 'Step', description: 'Lowest step to include (inclusive).' }),
      maxStep: t.arg({ type: 'Step', description: 'Highest step to include (inclusive).' }),
    },
    resolve: async (r, args, ctx) => ({
      key: args.key,
      ...(await ctx.services.metrics.series(r.id, args.key, args, LIMITS.maxSeriesPoints)),
    }),
  }),
  metricBuckets: t.field({
    type: BucketSetRef,
    description:
      "This run's history of one key downsampled into buckets (min, max, last, count per bucket).",
    args: bucketArgs,
    resolve: (r, a, ctx) =>
      ctx.services.buckets.buckets([r.id], a.key, a.buckets, a, a.axis ?? 'STEP'),
  }),
}));
