import type { RawSubscriber } from '../helpers/raw-ws-subscriber.ts';

/**
 * A raw SSE subscriber (yoga's `text/event-stream` transport over `fetch`): calls `onData` with
 * the text of each `next` event. Resolves once the response headers arrived.
 */
export async function subscribeSse(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown>,
  onData: (event: string) => void,
): Promise<Pick<RawSubscriber, 'close'>> {
  const abort = new AbortController();
  const res = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        let at = text.indexOf('\n\n');
        while (at >= 0) {
          if (text.startsWith('event: next')) onData(text.slice(0, at));
          text = text.slice(at + 2);
          at = text.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return { close: () => abort.abort() };
}
