// The front door of `traces/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { TraceInfo } from './trace.entity.ts';
export { TRACE_COLUMNS, TRACE_KEYS } from './trace-rows.sql.ts';
