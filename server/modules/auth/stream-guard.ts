import type { Logger } from '../../logger.ts';
import {
  type DomainError,
  PermissionDeniedError,
  UnauthenticatedError,
} from '../../shared/errors.ts';
import type { Viewer } from '../../shared/request-context.ts';
import type { PermissionService } from './permissions.service.ts';

/** Longest timer Node accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Re-checks one open stream: throws when its subscriber may no longer read it. */
export type StreamCheck = (access: PermissionService) => Promise<void>;

interface Watch {
  viewer: Viewer;
  check: StreamCheck;
  end: (error: DomainError) => void;
  timer: NodeJS.Timeout | null;
}

/** What the guard needs from the gate: fresh credentials and a permission guard per viewer. */
export interface GuardDeps {
  /** The viewer's credential checked again now: a fresh viewer, or why it no longer holds. */
  revalidate(viewer: Viewer): Promise<Viewer | UnauthenticatedError>;
  /** When the viewer's credential expires (ms since the epoch); null: never. */
  expiresAt(viewer: Viewer): number | null;
  /** A permission guard for `viewer`, reading current grants. */
  accessFor(viewer: Viewer): PermissionService;
  /** Whether changes made on other instances reach this one (else streams are swept by timer). */
  live(): boolean;
  logger: Logger;
}

/**
 * Keeps open streams (subscriptions, WebSocket connections) within what their subscriber may
 * still read.
 *
 * @remarks App-scoped. Every auth change (this instance's, or another's through NOTIFY) re-checks
 * every watched stream: the credential first (revoked or expired token, changed password, deleted
 * user: UNAUTHENTICATED), then the stream's own check with the current grants (PERMISSION_DENIED).
 * A token's expiry ends its streams by timer. While changes from other instances cannot arrive
 * (listener down), streams are re-checked every `sweepMs`. A check that fails for another reason
 * (database unreachable) leaves the stream open until the next one.
 */
export class StreamGuard {
  private readonly watches = new Set<Watch>();
  private running: Promise<void> | null = null;
  private again = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: GuardDeps,
    private readonly sweepMs: number,
  ) {}

  /** Number of streams watched. */
  get size(): number {
    return this.watches.size;
  }

  /**
   * Watches a stream of `viewer`; `end` is called at most once, with the error its subscriber
   * gets. Returns the function that stops watching (call it when the stream ends).
   */
  watch(viewer: Viewer, check: StreamCheck, end: (error: DomainError) => void): () => void {
    const w: Watch = { viewer, check, end, timer: null };
    const expiresAt = this.deps.expiresAt(viewer);
    if (expiresAt !== null) this.armExpiry(w, expiresAt);
    this.watches.add(w);
    this.armSweep();
    return () => this.forget(w);
  }

  /** Ends `w` when its token expires (in steps of the longest timer Node accepts). */
  private armExpiry(w: Watch, expiresAt: number): void {
    const ms = expiresAt - Date.now();
    w.timer = setTimeout(
      () =>
        ms > MAX_TIMER_MS
          ? this.armExpiry(w, expiresAt)
          : this.stop(w, new UnauthenticatedError('Token expired')),
      Math.min(ms, MAX_TIMER_MS),
    );
    w.timer.unref();
  }

  /** Re-checks every watched stream (coalesced: one pass runs at a time, then one more if asked). */
  recheck(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.recheck();
      }
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    // one credential check per viewer and one grants read per fresh viewer, however many streams
    const byViewer = new Map<Viewer, Watch[]>();
    for (const w of this.watches) byViewer.set(w.viewer, [...(byViewer.get(w.viewer) ?? []), w]);
    await Promise.all(
      [...byViewer].map(async ([viewer, watches]) => {
        try {
          const fresh = await this.deps.revalidate(viewer);
          if (fresh instanceof UnauthenticatedError) {
            for (const w of watches) this.stop(w, fresh);
            return;
          }
          const access = this.deps.accessFor(fresh);
          await Promise.all(watches.map((w) => this.checkOne(w, access)));
        } catch (err) {
          this.deps.logger.warn('stream permission re-check failed', { error: String(err) });
        }
      }),
    );
  }

  private async checkOne(w: Watch, access: PermissionService): Promise<void> {
    try {
      await w.check(access);
    } catch (err) {
      if (!(err instanceof Error) || !('code' in err)) throw err;
      const code = (err as DomainError).code;
      if (code !== 'RESOURCE_DOES_NOT_EXIST' && code !== 'PERMISSION_DENIED') throw err;
      this.stop(w, new PermissionDeniedError('Permission to read this stream was withdrawn'));
    }
  }

  private stop(w: Watch, error: DomainError): void {
    if (!this.watches.has(w)) return;
    this.forget(w);
    w.end(error);
  }

  private forget(w: Watch): void {
    if (w.timer) clearTimeout(w.timer);
    this.watches.delete(w);
    if (this.watches.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }

  /** While streams are open, re-checks them every `sweepMs` if no change notice can arrive. */
  private armSweep(): void {
    if (this.sweeper || this.sweepMs <= 0) return;
    this.sweeper = setInterval(() => {
      if (!this.deps.live()) void this.recheck();
    }, this.sweepMs);
    this.sweeper.unref();
  }

  /** Stops watching everything (shutdown). */
  close(): void {
    for (const w of [...this.watches]) this.forget(w);
  }
}
