import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Most distinct operation labels kept; later ones are counted as `other` (bounded cardinality). */
const MAX_OPERATIONS = 200;

/** What `/metrics` reads from the rest of the app when scraped. */
export interface TelemetrySources {
  /** The database pool: connections in use, idle, and requests waiting for one. */
  pool(): { used: number; free: number; pending: number };
}

/**
 * The server's Prometheus metrics (prom-client, one registry per app): requests and their latency
 * by transport and operation, ingested metric points, live subscriptions, lagged subscribers and
 * the database pool, plus Node's process metrics.
 */
export class Telemetry {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly labels = new WeakMap<IncomingMessage, string>();
  private readonly requests: Counter<'transport' | 'operation' | 'status'>;
  private readonly latency: Histogram<'transport' | 'operation'>;
  private readonly points: Counter;
  private readonly live: Gauge;
  private readonly lagged: Counter;

  constructor(sources: TelemetrySources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'trackql_' });
    this.requests = new Counter({
      name: 'trackql_requests_total',
      help: 'HTTP requests answered, by transport, operation (GraphQL operation type and name, REST route) and status.',
      labelNames: ['transport', 'operation', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'trackql_request_duration_seconds',
      help: 'Time from request to the end of the response, by transport and operation.',
      labelNames: ['transport', 'operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.points = new Counter({
      name: 'trackql_ingest_points_total',
      help: 'Metric points committed by logBatch (GraphQL, REST and the fluent client).',
      registers,
    });
    this.live = new Gauge({
      name: 'trackql_live_subscriptions',
      help: 'Subscriptions (SSE and WebSocket) streaming right now.',
      registers,
    });
    this.lagged = new Counter({
      name: 'trackql_lagged_subscribers_total',
      help: 'Subscriptions ended with SUBSCRIBER_LAGGED because they fell too far behind.',
      registers,
    });
    new Gauge({
      name: 'trackql_db_pool_connections',
      help: 'Database pool connections by state: used, free, and requests pending for one.',
      labelNames: ['state'],
      registers,
      collect() {
        const p = sources.pool();
        this.set({ state: 'used' }, p.used);
        this.set({ state: 'free' }, p.free);
        this.set({ state: 'pending' }, p.pending);
      },
    });
  }

  /** Names the GraphQL operation `req` carries (`query Name`), for its request metrics. */
  nameOperation(req: IncomingMessage, operation: string): void {
    this.labels.set(req, operation);
  }

  /** Counts committed metric points. */
  ingested(points: number): void {
    this.points.inc(points);
  }

  /** Counts a live subscription until the returned function is called. */
  subscribed(): () => void {
    this.live.inc();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.live.dec();
    };
  }

  /** Counts a subscriber cut off as lagging. */
  laggedOne(): void {
    this.lagged.inc();
  }

  /** Wraps a Node listener so every request is counted and timed when its response ends. */
  observe(
    listener: (req: IncomingMessage, res: ServerResponse) => void,
    classify: (req: IncomingMessage) => [transport: string, operation: string],
  ): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      const started = performance.now();
      res.once('close', () => {
        const [transport, fallback] = classify(req);
        const operation = this.bounded(this.labels.get(req) ?? fallback);
        const status = res.writableFinished ? String(res.statusCode) : 'aborted';
        this.requests.inc({ transport, operation, status });
        this.latency.observe({ transport, operation }, (performance.now() - started) / 1000);
      });
      listener(req, res);
    };
  }

  /** Answers a scrape in Prometheus's text format. */
  async serve(res: ServerResponse): Promise<void> {
    const text = await this.registry.metrics();
    res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
    res.end(text);
  }

  private bounded(operation: string): string {
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(operation);
    return operation;
  }
}
