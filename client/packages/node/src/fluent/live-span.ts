import { randomBytes } from 'node:crypto';
import type { SpanInput, SpanStatusCode } from '@trackql/client';

// wall-clock ns from a monotonic clock: Date.now() has ms resolution only
const ORIGIN_NS = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

/** Nanoseconds since the epoch, monotonic within the process. */
export function nowNs(): bigint {
  return ORIGIN_NS + process.hrtime.bigint();
}

/** A trace being recorded in this process: its spans and what updateCurrentTrace added. */
export interface TraceBuffer {
  traceId: string;
  spans: LiveSpan[];
  metadata: Record<string, string>;
  tags: Record<string, string>;
  clientRequestId?: string;
  requestPreview?: string;
  responsePreview?: string;
  /** The experiment of the run active when the root started, if any. */
  experimentId: string | null;
}

/** Options of {@link LiveSpan.end}. */
export interface EndSpanOptions {
  outputs?: unknown;
  attributes?: Record<string, unknown>;
  status?: SpanStatusCode;
  endTimeNs?: bigint;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return JSON.stringify(String(value));
  }
}

/** A span being recorded (MLflow's `LiveSpan`); ends with {@link LiveSpan.end}. */
export class LiveSpan {
  readonly spanId = randomBytes(8).toString('hex');
  readonly startTimeNs: bigint;
  endTimeNs: bigint | null = null;
  status: SpanStatusCode = 'UNSET';
  statusMessage = '';
  inputs: unknown = undefined;
  outputs: unknown = undefined;
  readonly attributes: Record<string, unknown> = {};
  readonly events: { name: string; timeNs: bigint; attributes: Record<string, unknown> }[] = [];

  constructor(
    readonly trace: TraceBuffer,
    readonly parent: LiveSpan | null,
    readonly name: string,
    public spanType: string,
    startTimeNs: bigint | undefined,
    private readonly onEnd: (span: LiveSpan) => void,
  ) {
    this.startTimeNs = startTimeNs ?? nowNs();
  }

  /** The trace id: `tr-` + 32 hex. */
  get traceId(): string {
    return this.trace.traceId;
  }

  setInputs(inputs: unknown): void {
    this.inputs = inputs;
  }

  setOutputs(outputs: unknown): void {
    this.outputs = outputs;
  }

  setAttribute(key: string, value: unknown): void {
    this.attributes[key] = value;
  }

  setAttributes(attributes: Record<string, unknown>): void {
    Object.assign(this.attributes, attributes);
  }

  setSpanType(type: string): void {
    this.spanType = type;
  }

  setStatus(code: SpanStatusCode, message = ''): void {
    this.status = code;
    this.statusMessage = message;
  }

  addEvent(name: string, attributes: Record<string, unknown> = {}, timeNs = nowNs()): void {
    this.events.push({ name, timeNs, attributes });
  }

  /** Adds MLflow's `exception` event and sets the status to ERROR. */
  recordException(error: unknown): void {
    const e = error instanceof Error ? error : new Error(String(error));
    this.addEvent('exception', {
      'exception.message': e.message,
      'exception.type': e.name,
      'exception.stacktrace': e.stack ?? '',
    });
    this.setStatus('ERROR', `${e.name}: ${e.message}`);
  }

  /** Ends the span (once; later calls do nothing); ending the root sends the trace. */
  end(options: EndSpanOptions = {}): void {
    if (this.endTimeNs !== null) return;
    if (options.outputs !== undefined) this.outputs = options.outputs;
    if (options.attributes) this.setAttributes(options.attributes);
    if (options.status) this.status = options.status;
    else if (this.status === 'UNSET') this.status = 'OK';
    this.endTimeNs = options.endTimeNs ?? nowNs();
    this.onEnd(this);
  }

  /** The span as logTrace takes it (attribute values as JSON text). */
  toInput(): SpanInput {
    const attrs = (a: Record<string, unknown>) =>
      Object.entries(a).map(([key, value]) => ({ key, value: jsonText(value) }));
    return {
      spanId: this.spanId,
      parentSpanId: this.parent?.spanId ?? null,
      name: this.name,
      spanType: this.spanType,
      startTimeNs: this.startTimeNs.toString(),
      endTimeNs: this.endTimeNs?.toString() ?? null,
      statusCode: this.status,
      statusMessage: this.statusMessage,
      inputs: this.inputs === undefined ? null : jsonText(this.inputs),
      outputs: this.outputs === undefined ? null : jsonText(this.outputs),
      attributes: attrs(this.attributes),
      events: this.events.map((e) => ({
        name: e.name,
        timeNs: e.timeNs.toString(),
        attributes: attrs(e.attributes),
      })),
    };
  }
}
