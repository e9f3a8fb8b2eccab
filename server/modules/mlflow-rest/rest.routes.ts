import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { JsonListStream, sendJson } from '../../shared/http-json.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import { parseJsonBody, parseQuery, readBody } from './rest-body.ts';
import { type ErrorOverrides, RestError, sendError } from './rest-errors.ts';
import { compact, RestInput } from './wire.ts';

/** Largest JSON request body accepted (MLflow's log-batch limit is 1 MB; traces are bigger). */
const MAX_JSON_BODY_BYTES = 16 * 1024 ** 2;

/** What the REST transport needs from the app. */
export interface RestDeps {
  config: Config;
  logger: Logger;
  /** The services of a new request context (a forked entity manager). */
  services: (req: IncomingMessage) => Services;
}

/** What a route handler receives. */
export interface RestCall {
  /** Query-string fields for GET, JSON-body fields otherwise (empty for streaming routes). */
  input: RestInput;
  /** Decoded `:name` path segments; `*` holds the raw (still encoded) rest of the path. */
  params: Record<string, string>;
  services: Services;
  deps: RestDeps;
  req: IncomingMessage;
  res: ServerResponse;
}

/** One MLflow REST endpoint. */
export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT' | 'HEAD';
  /**
   * Path after `/api/<version>/`, e.g. `mlflow/runs/get`, with `:name` segments and an optional
   * trailing `*`.
   */
  path: string;
  /**
   * The API major version serving this endpoint (`/api/3.0/...` only, say), where MLflow has
   * different endpoints on one path; unset: both.
   */
  version?: 2 | 3;
  /** How this endpoint reports domain errors where MLflow differs from the usual mapping. */
  errors?: ErrorOverrides;
  /** The handler reads the body and writes the response itself (artifact streams). */
  streams?: boolean;
  /**
   * The response body (sent as JSON, 200; a {@link JsonListStream} is streamed), or nothing for a
   * streaming route.
   */
  handle(call: RestCall): Promise<unknown>;
}

interface Compiled {
  route: RestRoute;
  segments: string[];
}

/** Matches REST paths to routes: a map for fixed paths, a scan for those with parameters. */
class RouteTable {
  private readonly fixed = new Map<string, RestRoute>();
  private readonly patterns: Compiled[] = [];

  constructor(routes: readonly RestRoute[]) {
    for (const route of routes) {
      if (/(^|\/)[:*]/.test(route.path)) {
        this.patterns.push({ route, segments: route.path.split('/') });
      } else this.fixed.set(`${route.method} ${route.version ?? ''} ${route.path}`, route);
    }
  }

  find(
    method: string,
    version: 2 | 3,
    path: string,
  ): { route: RestRoute; params: Record<string, string> } | null {
    const hit =
      this.fixed.get(`${method} ${version} ${path}`) ?? this.fixed.get(`${method}  ${path}`);
    if (hit) return { route: hit, params: {} };
    const parts = path.split('/');
    for (const { route, segments } of this.patterns) {
      if (route.method !== method || (route.version && route.version !== version)) continue;
      const params = matchSegments(segments, parts);
      if (params) return { route, params };
    }
    return null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p === '*') {
      params['*'] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (p.startsWith(':')) {
      if (part === '') return null;
      try {
        params[p.slice(1)] = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else if (p !== part) return null;
  }
  return pattern.length === parts.length ? params : null;
}

function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.readableEnded) return false;
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

const API_PATH = /^\/(?:api|ajax-api)\/([23])\.0\/(mlflow(?:-artifacts)?\/.*)$/;

/** The MLflow-compatible version `/version` reports. */
export const MLFLOW_VERSION = '3.6.0';

/**
 * Builds the MLflow REST transport: `/health`, `/version`, and every route under
 * `[prefix]/api/{2.0,3.0}/mlflow[-artifacts]/...` and `[prefix]/ajax-api/...`.
 *
 * @remarks Each request gets its own services (a forked entity manager), as a GraphQL operation
 * does. GET fields come from the query string, others from a JSON body. Errors are MLflow's
 * `{error_code, message}`; an unknown path under the API prefix is 404 `ENDPOINT_NOT_FOUND`.
 */
export function createRestHandler(deps: RestDeps, routes: readonly RestRoute[]) {
  const table = new RouteTable(routes);
  const prefix = deps.config.mlflowStaticPrefix;

  /** The path after the static prefix when the request is one of ours, else null. */
  const ownPath = (url: string | undefined): string | null => {
    if (!url?.startsWith(prefix)) return null;
    const path = url.slice(prefix.length).split('?')[0]!;
    return path === '/health' || path === '/version' || API_PATH.test(path) ? path : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/health' || path === '/version') {
      const text = path === '/health' ? 'OK' : MLFLOW_VERSION;
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
      return;
    }
    const method = req.method ?? 'GET';
    const [, version, routePath] = API_PATH.exec(path)!;
    const found = table.find(method, version === '3' ? 3 : 2, routePath!);
    try {
      if (!found) {
        throw new RestError('ENDPOINT_NOT_FOUND', `No endpoint ${method} ${path}.`);
      }
      const { route, params } = found;
      const query = parseQuery(req.url!.split('?')[1] ?? '');
      const input =
        method === 'GET' || method === 'HEAD' || route.streams
          ? RestInput.query(query)
          : RestInput.json(parseJsonBody(req, await readBody(req, MAX_JSON_BODY_BYTES)));
      const services = deps.services(req);
      const body = await route.handle({ input, params, services, deps, req, res });
      if (body instanceof JsonListStream) await body.send(res);
      else if (!route.streams) sendJson(res, 200, compact((body ?? {}) as Record<string, unknown>));
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // a body left unread (refused upload): close rather than drain it
      sendError(res, err, deps.logger, found?.route.errors, hasUnreadBody(req));
    }
  };

  return {
    /** Whether the request is for the MLflow REST layer. */
    matches: (url: string | undefined) => ownPath(url) !== null,
    handler: (req: IncomingMessage, res: ServerResponse): void => {
      void handle(req, res, ownPath(req.url)!);
    },
  };
}
