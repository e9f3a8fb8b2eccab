import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import type { BusTopics } from './events.ts';
import { RedisStreamTopic } from './redis-stream-topic.ts';

type Listener<T> = (payload: T) => void;
type Target = {
  addEventListener(type: string, cb: (e: Event) => void): void;
  removeEventListener(type: string, cb: (e: Event) => void): void;
  dispatchEvent(e: Event): boolean;
};

/** JSON that keeps NaN and ±Infinity (metric values) and bigints (wide steps) across Redis. */
const serializer = {
  stringify: (v: unknown) =>
    JSON.stringify(v, (_k, x) =>
      typeof x === 'number' && !Number.isFinite(x)
        ? { $n: String(x) }
        : typeof x === 'bigint'
          ? { $b: String(x) }
          : x,
    ),
  parse: (s: string) =>
    JSON.parse(s, (_k, x) =>
      x === null || typeof x !== 'object'
        ? x
        : typeof x.$n === 'string'
          ? Number(x.$n)
          : typeof x.$b === 'string'
            ? BigInt(x.$b)
            : x,
    ),
};

/**
 * Topics carried by a Redis stream rather than pub/sub (see {@link RedisStreamTopic}): run events
 * have no stored sequence a subscriber could catch up from, unlike metric batches.
 */
const STREAMED: ReadonlySet<keyof BusTopics> = new Set(['runs']);

/**
 * Publish/subscribe between services and subscriptions: in-process, or across servers through Redis.
 *
 * @remarks Delivery to in-process listeners is synchronous and cheap (listeners only enqueue), so
 * publishing never waits on subscribers. Through Redis every instance, the publisher included, gets
 * each event back from Redis; one Redis channel per topic id, subscribed once per instance, except
 * for the {@link STREAMED} topics, which one Redis stream per topic id carries without loss across
 * connection gaps.
 */
export class EventBus {
  private readonly groups = new Map<
    string,
    {
      listeners: Set<Listener<never>>;
      deliver: (payload: never) => void;
      dispatch: (e: Event) => void;
    }
  >();

  private readonly streamTopics = new Map<string, RedisStreamTopic>();

  private readonly streams = new Set<{ return(): unknown }>();

  private readonly resumeListeners = new Set<() => void>();

  private constructor(
    private readonly target: Target,
    private readonly prefix: string,
    private readonly redis: { pub: Redis; sub: Redis; connect: () => Redis } | null,
    private readonly logger: Logger,
  ) {
    const sub = redis?.sub;
    if (!sub) return;
    // 'ready' fires on the first connection and again after every reconnection
    let connectedBefore = false;
    sub.on('ready', () => {
      if (connectedBefore) void this.resumed(sub);
      connectedBefore = true;
    });
  }

  /**
   * The subscribe connection is back after a drop. Events published while it was down (or before
   * ioredis re-subscribed) reached nobody here, so listeners must read what they missed from
   * storage: they are told once every topic is subscribed again, so nothing published after that
   * is missed either.
   */
  private async resumed(sub: Redis): Promise<void> {
    const topics = [...this.groups.keys()].filter((t) => !this.streamTopics.has(t));
    try {
      // SUBSCRIBE is idempotent and answers after ioredis's own re-subscription took effect
      if (topics.length > 0) await sub.subscribe(...topics);
    } catch (err) {
      // the connection dropped again: the next 'ready' resumes
      this.logger.warn('redis resubscribe failed', { error: String(err) });
      return;
    }
    this.logger.info('redis subscriptions resumed', { topics: topics.length });
    for (const l of [...this.resumeListeners]) {
      try {
        l();
      } catch (err) {
        this.logger.error('resume listener failed', { error: String(err) });
      }
    }
  }

  /**
   * Calls `listener` each time live events resume after a Redis outage, when events may have been
   * missed; returns the function that stops it. Never called on an in-process bus (it loses nothing).
   */
  onResume(listener: () => void): () => void {
    this.resumeListeners.add(listener);
    return () => this.resumeListeners.delete(listener);
  }

  /** An in-process bus (a single server). */
  static local(logger: Logger): EventBus {
    return new EventBus(new EventTarget(), '', null, logger);
  }

  /**
   * A bus over Redis at `url`; every instance on the same Redis and prefix shares events.
   *
   * @remarks The Redis client is loaded here, on demand: a single server (no `REDIS_URL`) never
   * loads it.
   */
  static async redis(url: string, prefix: string, logger: Logger): Promise<EventBus> {
    const [{ Redis }, { createRedisEventTarget }] = await Promise.all([
      import('ioredis'),
      import('@graphql-yoga/redis-event-target'),
    ]);
    const make = (role: string) => {
      const client = new Redis(url, { maxRetriesPerRequest: null });
      // without a listener a dropped connection would crash the process (STACK.md gotcha 11)
      client.on('error', (err) => logger.warn('redis error', { role, error: String(err) }));
      return client;
    };
    const pub = make('publish');
    const sub = make('subscribe');
    const target = createRedisEventTarget({ publishClient: pub, subscribeClient: sub, serializer });
    return new EventBus(
      target as Target,
      prefix,
      { pub, sub, connect: () => make('stream reader') },
      logger,
    );
  }

  private topic(name: keyof BusTopics, id: string): string {
    return `${this.prefix}${name}:${id}`;
  }

  /** Publishes `payload`; call only after the change it describes has committed. */
  /**
   * Whether an event on this topic can reach anyone: always with Redis (listeners may be on other
   * instances), otherwise only while this process has a listener for it.
   */
  wants(name: keyof BusTopics, id: string): boolean {
    return this.redis !== null || this.groups.has(this.topic(name, id));
  }

  publish<K extends keyof BusTopics>(name: K, id: string, payload: BusTopics[K]): void {
    const stream = this.stream(name, id);
    if (stream) stream.publish(payload);
    else this.target.dispatchEvent(new CustomEvent(this.topic(name, id), { detail: payload }));
  }

  /** The Redis stream carrying a {@link STREAMED} topic id (made on first use); null otherwise. */
  private stream(name: keyof BusTopics, id: string): RedisStreamTopic | null {
    if (!this.redis || !STREAMED.has(name)) return null;
    const topic = this.topic(name, id);
    let stream = this.streamTopics.get(topic);
    if (!stream) {
      stream = new RedisStreamTopic(
        `${topic}:stream`,
        this.redis.pub,
        this.redis.connect,
        serializer,
        (payload) => this.groups.get(topic)?.deliver(payload as never),
        this.logger,
      );
      this.streamTopics.set(topic, stream);
    }
    return stream;
  }

  /**
   * Calls `listener` for every event on the topic until the returned function is called.
   *
   * @remarks Resolves once the subscription is live (Redis confirmed it), so an event published
   * after the promise resolves is never missed. One target listener per topic fans out to every
   * local listener, so a thousand subscribers of one run cost one dispatch.
   */
  async subscribe<K extends keyof BusTopics>(
    name: K,
    id: string,
    listener: Listener<BusTopics[K]>,
  ): Promise<() => void> {
    const topic = this.topic(name, id);
    let group = this.groups.get(topic);
    if (!group) {
      const listeners = new Set<Listener<never>>();
      const deliver = (payload: never) => {
        for (const l of listeners) {
          // one faulty subscriber must neither crash the process nor starve the others
          try {
            l(payload);
          } catch (err) {
            this.logger.error('subscriber failed', { topic, error: String(err) });
          }
        }
      };
      const dispatch = (e: Event) => deliver((e as CustomEvent<never>).detail);
      group = { listeners, deliver, dispatch };
      this.groups.set(topic, group);
      if (!this.stream(name, id)) this.target.addEventListener(topic, dispatch);
    }
    group.listeners.add(listener as Listener<never>);
    const stream = this.stream(name, id);
    // the stream reads on from its first start; a second SUBSCRIBE is idempotent in Redis and
    // answers after the first one took effect
    if (stream) await stream.start();
    else if (this.redis) await this.redis.sub.subscribe(topic);
    return () => {
      const g = this.groups.get(topic);
      if (!g?.listeners.delete(listener as Listener<never>) || g.listeners.size > 0) return;
      this.groups.delete(topic);
      this.target.removeEventListener(topic, g.dispatch);
    };
  }

  /** Registers a live stream so {@link endStreams} can end it; returns the unregister function. */
  track(stream: { return(): unknown }): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  /** Ends every live stream of this server (at shutdown, so open SSE responses can finish). */
  endStreams(): void {
    for (const s of [...this.streams]) s.return();
    this.streams.clear();
  }

  /** Resolves when the bus can carry events (Redis answers a PING); the in-process bus always can. */
  async ping(): Promise<void> {
    if (this.redis) await this.redis.pub.ping();
  }

  /** Closes the Redis connections, if any. */
  async close(): Promise<void> {
    if (!this.redis) return;
    for (const s of this.streamTopics.values()) s.close();
    // QUIT would wait for ever on a Redis that is down: drop such a connection instead
    await Promise.allSettled(
      [this.redis.pub, this.redis.sub].map((c) =>
        c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()),
      ),
    );
  }
}
