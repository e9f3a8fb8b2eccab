// The front door of `metrics/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).
export type { BucketColumns } from './bucket-fold.ts';
export type { BoundsOf, Bucket, SeriesAxis, SeriesPoint, StepRange, XRange } from './buckets.ts';
export { addPoint, bucketBounds, bucketIndex, mergeBucket } from './buckets.ts';
export type { HistoryKey, MetricPoint, MetricSummary, SeriesData } from './metric.service.ts';
export type { MetricSeries, PreparedMetrics } from './metric-batch.ts';
export { prepareMetrics } from './metric-batch.ts';
export { prepareBlocks } from './metric-blocks.ts';
export { MAX_BUCKETS, MetricBucketService } from './metric-buckets.service.ts';
export { exactStepsOf, unpackPoints } from './metric-packed.ts';
export { PackedReads } from './metric-packed-reads.ts';
export { SeriesAxisEnum } from './metric-series.schema.ts';
export { metricWriteCtes, metricWriteValues } from './metric-write.ts';
export { isSafeRange, wideBucketBounds, wideBucketIndex } from './wide-buckets.ts';
