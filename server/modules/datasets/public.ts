// The front door of `datasets/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { RunInput } from './dataset.service.ts';
export type { DatasetClause } from './dataset-filter.ts';
export { datasetFilterSql } from './dataset-filter.ts';
