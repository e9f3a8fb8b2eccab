import { createReadStream, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** First path segments of the UI's own pages: these get `index.html` (client-side routing). */
const PAGE_ROOTS = new Set(['', 'experiments', 'runs', 'compare', 'models', 'traces', 'login']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The page's Content-Security-Policy: scripts and connections to this origin only (no inline
 * scripts); inline styles are allowed because the chart library positions elements with them;
 * images also from `blob:` (artifact previews).
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Serves the built web UI: its files, and `index.html` for the UI's page routes. */
export interface UiHandler {
  /** Whether this GET/HEAD request is for the UI (a page route or a file of the build). */
  matches(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

function pathnameOf(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://ui').pathname);
  } catch {
    return null;
  }
}

/**
 * A handler serving the UI built into `dir` (see client/ui/build.mjs). Page routes are a fixed list
 * of first segments, so no API path (`/graphql`, `/api`, `/artifacts`, `/v1`, `/healthz`...) is
 * ever answered with the page.
 */
export function createUiHandler(dir: string): UiHandler {
  const root = path.resolve(dir);
  const fileOf = (pathname: string): { file: string; stat: Stats } | null => {
    const file = path.resolve(root, `.${pathname}`);
    if (!file.startsWith(`${root}${path.sep}`)) return null;
    try {
      const stat = statSync(file);
      return stat.isFile() ? { file, stat } : null;
    } catch {
      return null;
    }
  };
  const target = (req: IncomingMessage) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    const pathname = pathnameOf(req.url);
    if (pathname === null) return null;
    const first = pathname.split('/')[1] ?? '';
    if (PAGE_ROOTS.has(first)) return fileOf('/index.html');
    if (pathname === '/index.html') return null;
    return fileOf(pathname);
  };
  return {
    matches: (req) => target(req) !== null,
    handle(req, res) {
      const found = target(req);
      if (!found) {
        res.writeHead(404).end();
        return;
      }
      const ext = path.extname(found.file);
      const hashed = found.file.startsWith(path.join(root, 'assets') + path.sep);
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': String(found.stat.size),
        // Vite names assets by content hash: they never change; the page always revalidates
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        ...(ext === '.html'
          ? { 'content-security-policy': UI_CSP, 'referrer-policy': 'same-origin' }
          : {}),
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(found.file).pipe(res);
    },
  };
}
