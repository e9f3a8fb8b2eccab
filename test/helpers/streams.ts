import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from './test-app.ts';

/** A subscription being read by a test. */
export interface Stream<R> {
  /** The next result; rejects after `timeoutMs` or when the stream ends first. */
  next(timeoutMs?: number): Promise<GraphQLResponse<R>>;
  /** Resolves true if no result arrives within `ms`. */
  silentFor(ms: number): Promise<boolean>;
  /** Resolves once the server accepted the subscription (SSE: response headers; WebSocket: connected). */
  readonly ready: Promise<void>;
  /** Resolves when the server completed the stream. */
  readonly ended: Promise<void>;
  close(): Promise<void>;
}

/** A queue of results fed by a transport. */
class Results<R> {
  private readonly items: GraphQLResponse<R>[] = [];
  private waiter: (() => void) | null = null;
  done = false;
  endedResolve!: () => void;
  readonly ended = new Promise<void>((r) => {
    this.endedResolve = r;
  });

  push(r: GraphQLResponse<R>): void {
    this.items.push(r);
    this.waiter?.();
  }

  end(): void {
    this.done = true;
    this.endedResolve();
    this.waiter?.();
  }

  async next(timeoutMs = 5000): Promise<GraphQLResponse<R>> {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length === 0) {
      if (this.done) throw new Error('stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.items.shift()!;
  }

  async silentFor(ms: number): Promise<boolean> {
    await new Promise((r) => setTimeout(r, ms));
    return this.items.length === 0;
  }
}

/** Subscribes over SSE through `fetch` (yoga.fetch in process, or the global fetch). */
export function sseSubscribe<R, V>(
  fetchFn: (url: string, init: RequestInit) => Promise<Response> | Response,
  url: string,
  doc: TypedDocumentNode<R, V>,
  variables: V,
): Stream<R> {
  const results = new Results<R>();
  const abort = new AbortController();
  let accepted = () => {};
  const ready = new Promise<void>((r) => {
    accepted = r;
  });
  void (async () => {
    try {
      const res = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: print(doc), variables }),
        signal: abort.signal,
      });
      accepted();
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i = buf.indexOf('\n\n');
        while (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (\w+)/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'complete') results.end();
          else if (data) results.push(JSON.parse(data) as GraphQLResponse<R>);
          i = buf.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
    accepted();
    results.end();
  })();
  return {
    next: (t) => results.next(t),
    silentFor: (ms) => results.silentFor(ms),
    ready,
    ended: results.ended,
    close: async () => abort.abort(),
  };
}

/** Subscribes over WebSocket (graphql-ws) to a listening server's GraphQL URL. */
export function wsSubscribe<R, V>(
  httpUrl: string,
  doc: TypedDocumentNode<R, V>,
  variables: V,
): Stream<R> {
  const results = new Results<R>();
  let connected = () => {};
  const ready = new Promise<void>((r) => {
    connected = r;
  });
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    on: { connected: () => connected() },
  });
  const dispose = client.subscribe<R>(
    { query: print(doc), variables: variables as Record<string, unknown> },
    {
      next: (r) => results.push(r as GraphQLResponse<R>),
      error: (err) => {
        results.push({ errors: [{ message: String(err) }] });
        results.end();
      },
      complete: () => results.end(),
    },
  );
  return {
    next: (t) => results.next(t),
    silentFor: (ms) => results.silentFor(ms),
    ready,
    ended: results.ended,
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}
