import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';

/** How a payload travels as text (the bus's serializer, which keeps NaN and ±Infinity). */
export interface PayloadSerializer {
  stringify(v: unknown): string;
  parse(s: string): unknown;
}

/** Entries a stream keeps (approximately): how far an instance may fall behind and still catch up. */
export const STREAM_MAX_ENTRIES = 10_000;

/**
 * A bus topic carried by a Redis stream instead of pub/sub, for events that must survive a gap in
 * an instance's connection: the stream keeps what was published while a reader was away, and the
 * reader goes on from the last entry it delivered, so every instance sees every event once, in
 * publish order.
 *
 * @remarks Pub/sub delivers only to connections subscribed at the moment of the publish, so an
 * instance whose subscribe connection dropped (or that re-subscribed after Redis came back later
 * than another instance flushed its queued publishes) loses those events for good. Here the
 * reader's blocking `XREAD` is re-sent by ioredis after a reconnection with the same last id, and
 * publishes made while Redis was unreachable wait in the publisher's offline queue; after a Redis
 * restart new ids are time-based and so follow the last id read. The stream is trimmed to about
 * {@link STREAM_MAX_ENTRIES} entries: a reader further behind than that loses the oldest.
 */
export class RedisStreamTopic {
  private reader: Redis | null = null;
  private started: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly key: string,
    private readonly pub: Redis,
    private readonly connect: () => Redis,
    private readonly serializer: PayloadSerializer,
    private readonly deliver: (payload: unknown) => void,
    private readonly logger: Logger,
  ) {}

  /** Appends `payload` to the stream (queued by ioredis while Redis is unreachable). */
  publish(payload: unknown): void {
    this.pub
      .xadd(
        this.key,
        'MAXLEN',
        '~',
        STREAM_MAX_ENTRIES,
        '*',
        'e',
        this.serializer.stringify(payload),
      )
      .catch((err) => this.logger.warn('redis stream publish failed', { error: String(err) }));
  }

  /**
   * Starts reading (once); resolves when every entry appended from now on will be delivered.
   */
  start(): Promise<void> {
    this.started ??= (async () => {
      const [last] = await this.pub.xrevrange(this.key, '+', '-', 'COUNT', 1);
      this.reader = this.connect();
      void this.read(last?.[0] ?? '0-0');
    })();
    return this.started;
  }

  private async read(from: string): Promise<void> {
    let last = from;
    while (!this.stopped) {
      let batches: [string, [string, string[]][]][] | null;
      try {
        batches = await this.reader!.xread('COUNT', 1000, 'BLOCK', 0, 'STREAMS', this.key, last);
      } catch (err) {
        if (this.stopped) return;
        this.logger.warn('redis stream read failed', { error: String(err) });
        // ioredis reconnects on its own; don't spin while it does
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      for (const [, entries] of batches ?? []) {
        for (const [id, fields] of entries) {
          last = id;
          const text = fields[0] === 'e' ? fields[1] : undefined;
          if (text === undefined) continue;
          try {
            this.deliver(this.serializer.parse(text));
          } catch (err) {
            this.logger.error('stream event delivery failed', { error: String(err) });
          }
        }
      }
    }
  }

  /** Stops reading and drops the reader's connection. */
  close(): void {
    this.stopped = true;
    this.reader?.disconnect();
  }
}
