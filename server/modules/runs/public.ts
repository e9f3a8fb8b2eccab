// The front door of `runs/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { Run, RunStatus } from './run.entity.ts';
export { RUN_STATUSES, RunSchema } from './run.entity.ts';
export { RunRef, RunStatusEnum } from './run.schema.ts';
export { PARENT_RUN_TAG, RUN_NAME_TAG, RunService } from './run.service.ts';
export { RUN_COLUMNS } from './run.sql.ts';
export { randomRunName } from './run-names.ts';
