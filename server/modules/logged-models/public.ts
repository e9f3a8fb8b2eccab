// The front door of `logged-models/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).
export type { LoggedModel, LoggedModelStatus } from './logged-model.entity.ts';
export { LoggedModelSchema } from './logged-model.entity.ts';
export { LoggedModelRef } from './logged-model.schema.ts';
export type { ModelInput, ModelOutput } from './model-links.service.ts';
export type { ModelMetricPoints } from './model-links.sql.ts';
export { insertModelInputs, insertModelMetrics } from './model-links.sql.ts';
export { MODEL_COLUMNS } from './model-rows.sql.ts';
