// The front door of `log-batch/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).
export type { MetricSeriesInput } from './log-batch.validation.ts';
