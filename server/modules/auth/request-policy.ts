import { isLoopbackHost, type SecurityConfig } from '../../config.ts';

/** Reads one request header (either a Fetch `Headers` or a Node `IncomingMessage`'s). */
export type HeaderReader = (name: string) => string | null;

/** Why a request was refused before any work: HTTP status and message. */
export interface Refusal {
  status: 401 | 403 | 415;
  message: string;
}

/** Content types a browser sends cross-site without a preflight (a "simple" request). */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/**
 * Browser-facing checks run before authentication, on every transport: Origin, Host and the
 * "simple request" rule.
 *
 * - `Origin`, when present, must be the server's own origin or one of `TRACKQL_CORS_ORIGINS`
 *   (browsers always send it cross-site; other clients usually send none).
 * - With authentication off, the `Host` header must name loopback:
 *   this defeats DNS rebinding, where a hostile name resolves to 127.0.0.1 and looks same-origin.
 * - A POST must declare a non-simple content type (JSON, protobuf...): form posts and `text/plain`
 *   bodies are what a page can send cross-site without asking, so they never reach GraphQL or REST.
 */
export function checkRequestPolicy(
  method: string,
  header: HeaderReader,
  config: SecurityConfig,
): Refusal | null {
  const host = header('host')?.toLowerCase() ?? null;
  if (host && !config.authEnabled && !config.insecurePublicBind && !hostAllowed(host)) {
    return {
      status: 403,
      message: `Host '${host}' is not allowed while authentication is off; use localhost or 127.0.0.1`,
    };
  }
  const origin = header('origin');
  if (origin && !originAllowed(origin, host, config)) {
    return { status: 403, message: `Origin '${origin}' is not allowed (TRACKQL_CORS_ORIGINS)` };
  }
  if (method === 'POST') {
    const type = (header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === '' || SIMPLE_CONTENT_TYPES.has(type)) {
      return {
        status: 415,
        message: `Content-Type '${type}' is refused (cross-site request forgery); send application/json`,
      };
    }
  }
  return null;
}

/** Whether a browser page at `origin` may call this server (same origin or allow-listed). */
export function originAllowed(origin: string, host: string | null, config: SecurityConfig) {
  if (config.corsOrigins.includes(origin)) return true;
  if (origin === 'null' || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function hostAllowed(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return isLoopbackHost(name ?? '');
}

/**
 * yoga's CORS options for a request: allow-listed origins get credentialed CORS, anything else
 * none (no reflection of arbitrary origins).
 */
export function corsFor(origin: string | null, config: SecurityConfig) {
  if (!origin || !config.corsOrigins.includes(origin)) return false as const;
  return {
    origin: [origin],
    credentials: true,
    allowedHeaders: ['authorization', 'content-type', 'accept'],
    methods: ['GET', 'POST', 'PUT', 'HEAD', 'OPTIONS'],
    maxAge: 600,
  };
}
