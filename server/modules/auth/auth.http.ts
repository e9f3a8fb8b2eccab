import type { IncomingMessage, ServerResponse } from 'node:http';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../../config.ts';
import type { AuthGate, Viewer } from './auth.gate.ts';
import { checkRequestPolicy, type HeaderReader } from './request-policy.ts';

/** The challenge sent with every 401: Basic (browsers prompt for it) and Bearer (tokens). */
export const WWW_AUTHENTICATE = 'Basic realm="trackql", charset="UTF-8", Bearer realm="trackql"';

/**
 * The challenge for a script's request (`X-Requested-With: XMLHttpRequest`, as the web UI sends):
 * Bearer only, so the browser shows no password prompt of its own and the page signs in itself.
 */
export const SCRIPT_WWW_AUTHENTICATE = 'Bearer realm="trackql"';

function fromScript(header: HeaderReader): boolean {
  return header('x-requested-with')?.toLowerCase() === 'xmlhttprequest';
}

/** Paths anyone may reach: liveness and readiness probes. */
const OPEN_PATHS = new Set(['/healthz', '/readyz']);

function pathOf(url: string): string {
  const start = url.startsWith('/') ? 0 : url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const q = url.indexOf('?', start);
  return url.slice(start, q < 0 ? undefined : q);
}

type Admission =
  | { ok: true; viewer: Viewer | null }
  | { ok: false; status: number; message: string };

/** Runs the request policy, then authentication, for one request. */
async function admit(
  gate: AuthGate,
  config: SecurityConfig,
  method: string,
  header: HeaderReader,
): Promise<Admission> {
  const refusal = checkRequestPolicy(method, header, config);
  if (refusal) return { ok: false, ...refusal };
  try {
    const outcome = await gate.authenticate(header('authorization'));
    return outcome.ok ? outcome : { ok: false, status: 401, message: outcome.message };
  } catch {
    // the user store is unreachable: say so without internals, and let clients retry
    return { ok: false, status: 503, message: 'Authentication is temporarily unavailable' };
  }
}

/** Status, headers and JSON body of a refused request. */
function refusal(status: number, message: string, script = false) {
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'PERMISSION_DENIED'
        : status === 503
          ? 'TEMPORARILY_UNAVAILABLE'
          : 'INVALID_PARAMETER_VALUE';
  // MLflow's REST shape, plus `errors` so GraphQL clients surface the message and code too
  const body = JSON.stringify({
    error_code: code,
    message,
    errors: [{ message, extensions: { code } }],
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (status === 401)
    headers['www-authenticate'] = script ? SCRIPT_WWW_AUTHENTICATE : WWW_AUTHENTICATE;
  return { status, headers, body };
}

/**
 * The gate in front of GraphQL over HTTP and SSE (yoga `onRequest`): request policy, then
 * credentials; the viewer is bound to the request for the context factory.
 *
 * @remarks Preflights (`OPTIONS`) are left to yoga's CORS handling, and `/healthz`, `/readyz` stay
 * open. With `introspection` off, introspection fields fail validation on every transport.
 */
export function useAuthGate(gate: AuthGate, config: SecurityConfig): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS' || OPEN_PATHS.has(pathOf(request.url))) return;
      const header: HeaderReader = (n) => request.headers.get(n);
      return admit(gate, config, request.method, header).then((result) => {
        if (result.ok) {
          gate.bind(request, result.viewer);
          return;
        }
        const r = refusal(result.status, result.message, fromScript(header));
        endResponse(new fetchAPI.Response(r.body, { status: r.status, headers: r.headers }));
      });
    },
    onValidate({ addValidationRule }) {
      if (!config.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/**
 * Wraps the Node request listener: every request that yoga does not gate itself (anything but the
 * GraphQL endpoint and the open probes) passes the request policy and authentication first.
 *
 * @remarks This covers the artifact routes, OTLP and any route added to `next` later (MLflow REST),
 * so a new route is protected without remembering to. The viewer is bound to the Node request.
 */
export function gateNodeRequests(
  gate: AuthGate,
  config: SecurityConfig,
  yogaPaths: Set<string>,
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = pathOf(req.url ?? '/');
    if (yogaPaths.has(path) || OPEN_PATHS.has(path)) {
      next(req, res);
      return;
    }
    const header: HeaderReader = (n) => {
      const v = req.headers[n];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    };
    void admit(gate, config, req.method ?? 'GET', header).then((result) => {
      if (result.ok) {
        gate.bind(req, result.viewer);
        next(req, res);
        return;
      }
      // the body (an upload, perhaps) is left unread: close the connection after answering
      const r = refusal(result.status, result.message, fromScript(header));
      res.writeHead(r.status, { ...r.headers, connection: 'close' });
      res.end(r.body);
    });
  };
}
