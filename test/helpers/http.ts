import http from 'node:http';

/** A response read whole. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Sends a request with `path` exactly as given (no URL normalisation, unlike fetch), so tests can
 * send `..`, `%2e%2e` and other tricks to the server.
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Parses a JSON response body. */
export function json<T = Record<string, unknown>>(res: RawResponse): T {
  return JSON.parse(res.body.toString('utf8')) as T;
}
