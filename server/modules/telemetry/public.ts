export { Telemetry, type TelemetrySources } from './telemetry.ts';
export { useTelemetry } from './use-telemetry.ts';
