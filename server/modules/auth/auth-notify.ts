import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase, Notification } from 'pg';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../shared/db.ts';
import { withOrmConnection } from '../../shared/orm-connection.ts';

/** The PostgreSQL channel every instance of a deployment listens on. */
const CHANNEL = 'trackql_auth';
/** Wait before listening again after the listening connection dropped. */
const RETRY_MS = 1000;

/** A change of who may do what: one user's grants, or credentials and users (null: everyone). */
export interface AuthChange {
  userId: string | null;
  /** Credentials changed too (a token revoked, a password set, a user deleted or demoted). */
  credentials: boolean;
}

/**
 * Carries auth changes between the instances of a deployment that share one PostgreSQL:
 * `publish` sends `NOTIFY trackql_auth`, and every instance's listener (one pooled connection held
 * for `LISTEN`) hands the change to `onRemote`. A change published from inside a transaction
 * comes back to this instance too: PostgreSQL delivers the notice when the transaction commits,
 * so the change is applied again once it is visible (a read racing the commit cannot leave stale
 * grants behind); a change published after its commit was applied here already.
 *
 * @remarks While the listener is down (`live` false) callers must not trust cached state; after
 * it reconnects, `onRemote` gets a change for everyone, since notices sent meanwhile were lost.
 */
export class AuthNotify {
  private listening = false;
  private stopped = false;
  private readonly instance = randomUUID();
  private release: (() => void) | null = null;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onRemote: (change: AuthChange) => void,
  ) {}

  /** Whether changes made on other instances reach this one now. */
  get live(): boolean {
    return this.listening;
  }

  /**
   * Tells every instance, on commit when `db` runs in a transaction (best effort: cache lifetimes
   * bound a lost notice).
   */
  async publish(change: AuthChange, db?: Db): Promise<void> {
    // sent on `db` (a transaction's), the notice must come back here on commit
    const payload = JSON.stringify({ ...change, from: db ? null : this.instance });
    await (db ?? this.db)
      .query('select pg_notify($1, $2)', [CHANNEL, payload])
      .catch(() => undefined);
  }

  /** Starts listening; resolves once the first `LISTEN` took effect (or failed). */
  start(em: EntityManager, logger: Logger): Promise<void> {
    return new Promise<void>((started) => {
      const run = async () => {
        while (!this.stopped) {
          try {
            await withOrmConnection(em, (client) => this.hold(client, started));
          } catch (err) {
            logger.warn('auth change listener failed', { error: String(err) });
          }
          this.listening = false;
          started();
          if (!this.stopped) await new Promise((r) => setTimeout(r, RETRY_MS));
        }
      };
      this.loop = run();
    });
  }

  /** Holds `client` in `LISTEN` until it fails or {@link AuthNotify.close}. */
  private async hold(client: ClientBase, started: () => void): Promise<void> {
    const onNotice = (n: Notification) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        const msg = JSON.parse(n.payload) as AuthChange & { from: string | null };
        if (msg.from === this.instance) return;
        this.onRemote({ userId: msg.userId ?? null, credentials: msg.credentials === true });
      } catch {
        this.onRemote({ userId: null, credentials: true });
      }
    };
    const ended = new Promise<void>((resolve) => {
      this.release = resolve;
      client.once('error', () => resolve());
      client.once('end', () => resolve());
    });
    client.on('notification', onNotice);
    try {
      await client.query(`listen ${CHANNEL}`);
      // whatever changed while nobody listened is unknown: forget everything once
      if (!this.stopped) this.onRemote({ userId: null, credentials: true });
      this.listening = true;
      started();
      await ended;
    } finally {
      this.listening = false;
      client.off('notification', onNotice);
      await client.query(`unlisten ${CHANNEL}`).catch(() => {});
    }
  }

  /** Stops listening; resolves once the connection is back in the pool. */
  async close(): Promise<void> {
    this.stopped = true;
    this.release?.();
    await this.loop;
  }
}
