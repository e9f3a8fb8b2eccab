import type { Readable } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { PUSH_MAX_BUFFERED, shareable, sharedSseEvent } from './payload-splice.ts';

/** Requests that run a subscription (the only ones whose streams yoga serves as SSE). */
const subscriptionRequests = new WeakSet<object>();
/** The Node stream behind each SSE subscription response, by request. */
const streams = new WeakMap<object, Readable>();

/** The request of a yoga context (a fetch API request, maybe @whatwg-node's own class). */
function requestOf(context: unknown): object | null {
  const request = (context as { request?: unknown } | null)?.request;
  return typeof request === 'object' && request !== null ? request : null;
}

/** The Node stream under a response body of @whatwg-node/node-fetch (null elsewhere). */
export function nodeStreamOf(response: Response): Readable | null {
  const readable = (response.body as { readable?: Partial<Readable> } | null)?.readable;
  return typeof readable?.push === 'function' && typeof readable.read === 'function'
    ? (readable as Readable)
    : null;
}

/**
 * Lets live results be pushed to SSE subscribers the way they are to WebSocket ones.
 *
 * **Fenced transport trick** (installed only with `TRACKQL_TRANSPORT_FAST_PATHS`, see app.ts; off,
 * yoga's SSE processor pulls and encodes every result itself). It writes into the Node `Readable`
 * that @whatwg-node/node-fetch 0.8.6 (pinned exactly in package.json) keeps as `body.readable` of
 * the response yoga's SSE processor builds; `test/server/transport-contract.test.ts` pins that
 * shape. Where the body is not such a stream, nothing is pushed and yoga's own path serves it.
 *
 * @remarks Yoga serves a subscription's stream with its SSE processor, which pulls each result
 * through the chain of async iterators and encodes it per subscriber. This keeps that processor and
 * notes the Node stream its response body is made of; {@link ssePusher} then pushes shared results
 * into that stream as the same `event: next` bytes, encoded once, while the processor's pull waits
 * on the stream's `next()` (so nothing it enqueues can interleave; see `LiveIterator`). The body is
 * piped to the HTTP response, so a push is written to the socket at once.
 */
export function useSsePush(): Plugin {
  return {
    onSubscribe({ args }) {
      const request = requestOf(args.contextValue);
      if (request) subscriptionRequests.add(request);
    },
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      if (!resultProcessor || !subscriptionRequests.has(request)) return;
      if (!(Symbol.asyncIterator in result)) return;
      // a subscription's stream: yoga chose its SSE processor, the only one for streams
      const sse = resultProcessor;
      setResultProcessor(async (r, fetchAPI, mediaType) => {
        const response = await sse(r, fetchAPI, mediaType);
        const stream = nodeStreamOf(response);
        if (stream) streams.set(request, stream);
        return response;
      }, 'text/event-stream');
    },
  };
}

/**
 * For an HTTP subscription's context, a function pushing a shared result into its SSE stream (false
 * when it cannot: errors, no stream yet, a closed stream or one holding 256 KB unread); null
 * without a request.
 */
export function ssePusher(context: unknown): ((result: ExecutionResult) => boolean) | null {
  const request = requestOf(context);
  if (!request) return null;
  return (result) => {
    const stream = streams.get(request);
    if (!stream || stream.destroyed || !shareable(result)) return false;
    if (stream.readableLength > PUSH_MAX_BUFFERED) return false;
    stream.push(sharedSseEvent(result));
    return true;
  };
}
