import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { LIMITS } from '../../shared/limits.ts';
import { pageRequest } from '../../shared/pagination.ts';
import { RunRef } from '../runs/public.ts';
import type { HistoryKey, MetricPoint, MetricSummary } from './metric.service.ts';

export const MetricRef = builder.objectRef<MetricPoint>('Metric').implement({
  description: 'One logged metric point.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Metric name.' }),
    value: t.field({
      type: 'MetricValue',
      description: 'Value; NaN and ±Infinity are kept.',
      resolve: (m) => m.value,
    }),
    step: t.field({
      type: 'Step',
      description:
        'Step (int64; may be negative): a JSON number within ±(2^53-1), a decimal string beyond.',
      resolve: (m) => m.step,
    }),
    timestamp: t.field({
      type: 'SafeInt',
      description: 'Time of logging, ms since the epoch.',
      resolve: (m) => m.timestamp,
    }),
  }),
});

export const MetricSummaryRef = builder.objectRef<MetricSummary>('MetricSummary').implement({
  description: 'Aggregates of one metric key of a run, maintained on every write.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Metric name.' }),
    count: t.field({
      type: 'SafeInt',
      description: 'Number of points logged.',
      resolve: (s) => s.count,
    }),
    min: t.field({
      type: 'MetricValue',
      nullable: true,
      description: 'Smallest value, NaN ignored; null when every value is NaN.',
      resolve: (s) => s.minValue,
    }),
    max: t.field({
      type: 'MetricValue',
      nullable: true,
      description: 'Largest value, NaN ignored; null when every value is NaN.',
      resolve: (s) => s.maxValue,
    }),
    first: t.field({
      type: MetricRef,
      description: 'The earliest point: lowest step, then earliest timestamp.',
      resolve: (s) => ({
        key: s.key,
        step: s.firstStep,
        timestamp: s.firstTimestamp,
        value: s.firstValue,
      }),
    }),
    last: t.field({
      type: MetricRef,
      description:
        "The latest point by MLflow's rule: highest step, then latest timestamp, then largest value.",
      resolve: (s) => ({
        key: s.key,
        step: s.lastStep,
        timestamp: s.lastTimestamp,
        value: s.lastValue,
      }),
    }),
    lastSeq: t.field({
      type: 'SafeInt',
      description: 'Sequence number of the batch that last changed this key.',
      resolve: (s) => s.lastSeq,
    }),
  }),
});

builder.objectFields(RunRef, (t) => ({
  metricSummaries: t.loadableList({
    type: MetricSummaryRef,
    description: 'Per-key aggregates (count, min, max, first, last), sorted by key.',
    load: (ids: string[], ctx) => ctx.services.metrics.summariesByRunIds(ids),
    resolve: (r) => r.id,
  }),
  latestMetrics: t.loadableList({
    type: MetricRef,
    description:
      "Latest value of each metric key by MLflow's rule (highest step, then timestamp, then value), sorted by key.",
    load: (ids: string[], ctx) => ctx.services.metrics.latestByRunIds(ids),
    resolve: (r) => r.id,
  }),
  metricHistory: t.connection(
    {
      type: MetricRef,
      description:
        'Every point of one metric key, ordered by step, then timestamp, then logging order.',
      complexity: connectionComplexity(1000, 100),
      args: {
        key: t.arg.string({ required: true, description: 'Metric name.' }),
        minStep: t.arg({ type: 'Step', description: 'Lowest step to include (inclusive).' }),
        maxStep: t.arg({ type: 'Step', description: 'Highest step to include (inclusive).' }),
      },
      resolve: (r, args, ctx) =>
        ctx.services.metrics.history(
          r.id,
          args.key,
          args,
          pageRequest<HistoryKey>(args, { max: LIMITS.maxHistoryPageSize, defaultSize: 1000 }),
        ),
    },
    { description: 'A page of metric points.' },
    { description: 'A metric point in a page.' },
  ),
}));
