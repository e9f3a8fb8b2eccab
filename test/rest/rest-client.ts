import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.ts';

/** A response of the MLflow REST layer, its body parsed when it is JSON. */
export interface RestResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** A test app listening on loopback, with MLflow REST helpers. */
export interface RestTestApp {
  t: TestApp;
  /** `http://127.0.0.1:<port>` (no path). */
  base: string;
  /** POSTs JSON to `/api/2.0/mlflow/<path>` (or a path starting with `/`). */
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<RestResponse<T>>;
  /** GETs `/api/2.0/mlflow/<path>` with query fields (arrays become repeated keys). */
  get<T = Record<string, unknown>>(
    path: string,
    query?: Record<string, string | number | boolean | (string | number)[] | undefined>,
  ): Promise<RestResponse<T>>;
  /** Any method and body, to a full path. */
  send<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: string | Buffer,
    headers?: Record<string, string>,
  ): Promise<RestResponse<T>>;
  close(): Promise<void>;
}

function url(path: string): string {
  return path.startsWith('/') ? path : `/api/2.0/mlflow/${path}`;
}

/** Starts a test app (real server and database) for REST tests. */
export async function startRestApp(opts: TestAppOptions = {}): Promise<RestTestApp> {
  const t = await createTestApp(opts);
  const base = (await t.listen()).replace(/\/graphql$/, '');
  const send = async <T>(
    method: string,
    path: string,
    body?: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<RestResponse<T>> => {
    const payload = body === undefined || typeof body === 'string' ? body : new Uint8Array(body);
    const res = await fetch(`${base}${url(path)}`, { method, body: payload, headers });
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  };
  return {
    t,
    base,
    send,
    post: (path, body = {}) =>
      send('POST', path, JSON.stringify(body), { 'content-type': 'application/json' }),
    get: (path, query = {}) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined) continue;
        for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
      }
      const qs = q.toString();
      return send('GET', `${url(path)}${qs ? `?${qs}` : ''}`);
    },
    close: () => t.close(),
  };
}
