import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** What urql's fetch exchange reads of a response: status, the content type and the whole text. */
class TextResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  constructor(
    readonly status: number,
    readonly statusText: string,
    contentType: string | undefined,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => (name.toLowerCase() === 'content-type' ? (contentType ?? null) : null),
    };
  }
  async text(): Promise<string> {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

/**
 * A `fetch` for the CLI's GraphQL requests over node:http(s) with a keep-alive agent: it answers
 * with the whole body as text (no streaming), which is all urql's fetch exchange needs for queries
 * and mutations.
 *
 * @remarks Why not the global `fetch`: loading undici costs ~50 ms of a command's start, and its
 * HTTP parser is WebAssembly whose optimising compile Node waits for before exiting (hundreds of
 * milliseconds after a command that read ~100 KB). Only string bodies and plain-object headers
 * are supported (what urql sends); artifact
 * transfers keep the global `fetch`. Connection failures reject with a `TypeError('fetch failed')`
 * whose `cause` is the socket error, as undici's do.
 */
export const httpFetch = ((input: string | URL, init: RequestInit = {}) => {
  const u = new URL(input);
  const mod = u.protocol === 'https:' ? https : http;
  const body = init.body ?? '';
  if (typeof body !== 'string') {
    return Promise.reject(new TypeError('httpFetch sends string bodies only'));
  }
  // a plain object, as urql passes them (the `Headers` class would load undici)
  const headers = { ...(init.headers as Record<string, string> | undefined) };
  headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise<TextResponse>((resolve, reject) => {
    const req = mod.request(
      u,
      {
        method: init.method ?? 'GET',
        agent: agents[u.protocol === 'https:' ? 'https:' : 'http:'],
        headers,
        signal: init.signal ?? undefined,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve(
            new TextResponse(
              res.statusCode ?? 0,
              res.statusMessage ?? '',
              res.headers['content-type'],
              text,
            ),
          ),
        );
      },
    );
    req.on('error', (err) =>
      reject(err.name === 'AbortError' ? err : new TypeError('fetch failed', { cause: err })),
    );
    req.end(body);
  });
}) as unknown as typeof fetch;
