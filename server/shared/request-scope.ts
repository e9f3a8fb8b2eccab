import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg, { type ClientBase } from 'pg';

/** What a statement cancel needs: the connection's settings and its backend's process id. */
interface CancellableClient extends ClientBase {
  processID?: number | null;
  host?: string;
  port?: number;
  user?: string;
  database?: string;
  password?: string | (() => string | Promise<string>);
}

/**
 * The database connections one HTTP request is using right now, so that when its client goes away
 * the statements it started are cancelled instead of running on for nobody.
 *
 * @remarks Connections register while `withOrmConnection` holds them (every `Db` statement and
 * every `Db.transaction`); the ORM's own CRUD statements outside a transaction are short and stay
 * bounded by the statement timeout. A cancel keeps the connection from going back to the pool
 * until PostgreSQL has answered it, so a late cancel can never hit another request's statement.
 */
export class RequestScope {
  /** Connections held, with how many nested holds (a transaction's statements share one). */
  private readonly active = new Map<CancellableClient, number>();
  private readonly cancels = new Map<ClientBase, Promise<void>>();
  /** Whether the request's client has gone away. */
  aborted = false;

  /**
   * The client went away: cancels what runs now, and whatever is held later.
   *
   * @remarks A plain flag rather than an AbortController: one per request cost ~25 µs of server
   * CPU (the signal's event target) on every request, where aborts are rare.
   */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const client of this.active.keys()) this.cancel(client);
  }

  /** Marks `client` as running this request's statements until {@link release}. */
  hold(client: ClientBase): void {
    this.active.set(client, (this.active.get(client) ?? 0) + 1);
    if (this.aborted) this.cancel(client);
  }

  /** Stops watching `client`; resolves once a cancel sent for it has been answered. */
  async release(client: ClientBase): Promise<void> {
    const holds = (this.active.get(client) ?? 1) - 1;
    if (holds > 0) {
      this.active.set(client, holds);
      return;
    }
    this.active.delete(client);
    await this.cancels.get(client);
    this.cancels.delete(client);
  }

  private cancel(client: CancellableClient): void {
    if (this.cancels.has(client) || !client.processID) return;
    this.cancels.set(client, cancelBackend(client, client.processID));
  }
}

/** Cancels the statement running on backend `pid` from a short-lived connection of its own. */
async function cancelBackend(client: CancellableClient, pid: number): Promise<void> {
  const canceller = new pg.Client({
    host: client.host,
    port: client.port,
    user: client.user,
    database: client.database,
    password: client.password,
  });
  try {
    await canceller.connect();
    await canceller.query('select pg_cancel_backend($1)', [pid]);
  } catch {
    // the database is gone or the statement already ended: nothing left to cancel
  } finally {
    await canceller.end().catch(() => {});
  }
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (a request's handler) in `scope`. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The scope of the request the caller runs for, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/**
 * Wraps a Node request listener so each request runs in its own {@link RequestScope}, aborted when
 * the connection closes before the response is finished (the client went away).
 */
export function withRequestScope(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const scope = new RequestScope();
    res.once('close', () => {
      if (!res.writableFinished) scope.abort();
    });
    runInRequestScope(scope, () => listener(req, res));
  };
}
