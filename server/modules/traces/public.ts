// The front door of `traces/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { Span, SpanStatusCode } from './span.entity.ts';
export type { SpanInput } from './span-input.ts';
export { checkJsonValue } from './span-values.ts';
export type { TraceInfo, TraceState } from './trace.entity.ts';
export { TRACE_STATES, TraceInfoSchema } from './trace.entity.ts';
export { TraceRef } from './trace.schema.ts';
export { spansOfTraceDataFile, TRACE_DATA_FILE, traceDataFile } from './trace-data-file.ts';
export {
  TRACE_COLUMNS,
  TRACE_ID_PREFIX,
  TRACE_KEYS,
  traceNotFound,
  validateTraceId,
} from './trace-rows.sql.ts';
export { TraceRunLinkService } from './trace-run-links.ts';
