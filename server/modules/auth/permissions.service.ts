import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Db } from '../../shared/db.ts';
import { type DomainError, NotFoundError, PermissionDeniedError } from '../../shared/errors.ts';
import { parseExperimentId } from '../../shared/ids.ts';
import { transactionEm } from '../../shared/orm-connection.ts';
import type { Viewer } from '../../shared/request-context.ts';
import type { AccessCache, Grants, OwnerKind } from './access-cache.ts';
import { upsertGrant } from './grant-writes.ts';
import { type Need, RANK, type ReadScope, readGrants, readScopeOf } from './grants.ts';
import type { Permission } from './permission.entity.ts';
import type { StreamCheck, StreamGuard } from './stream-guard.ts';

/** App-scoped state the checks share across requests (the auth gate holds it). */
export interface SharedAccess {
  access: AccessCache;
  streams: StreamGuard;
  /** Tells every instance that `userId`'s grants changed (on commit of `db`'s transaction). */
  grantsChanged(userId: string, db?: Db): Promise<void>;
}

/** The experiment an object lives in, for the checks of objects addressed by their own id. */
type Owner = { experimentId: string } | null;

/**
 * The one place that decides who may read, change or govern what (MLflow auth semantics).
 *
 * @remarks Per request. Unrestricted when authentication is off (no viewer) or for admins. Else a
 * user's level on an experiment is its grant there, else `defaultPermission`; on a logged model
 * its grant on the model, else its level on the model's experiment. The viewer's grants come from
 * the app-scoped {@link AccessCache} (read at most once per request, usually not at all: every grant
 * change drops them on every instance); owners of runs, models and traces too (they never change),
 * and those not cached are batched per tick (dataloader). Refusals: an object the caller cannot read answers as a missing one does
 * (RESOURCE_DOES_NOT_EXIST with the same message), so ids never reveal what exists; a readable
 * object the caller may not change answers PERMISSION_DENIED.
 */
export class PermissionService {
  private grantsLoad: Promise<Grants> | null = null;
  /** Created on first use: most requests find every owner in the shared cache. */
  private readonly loaders: Partial<Record<OwnerKind, DataLoader<string, Owner>>> = {};

  constructor(
    private readonly db: Db,
    private readonly viewer: Viewer | null,
    private readonly defaultPermission: Permission,
    private readonly shared: SharedAccess | null = null,
    /** The request's entity manager, for the grant written by {@link grantCreator}. */
    private readonly em: EntityManager | null = null,
  ) {}

  /** The experiment of a run, logged model or trace; null when it does not exist. */
  private owner(kind: OwnerKind, id: string): Promise<Owner> | Owner {
    const known = this.shared?.access.owner(kind, id);
    if (known !== undefined) return { experimentId: known };
    this.loaders[kind] ??= this.ownerLoader(kind);
    return this.loaders[kind].load(id);
  }

  private ownerLoader(kind: OwnerKind): DataLoader<string, Owner> {
    const key = kind === 'trace_info' ? 'trace_id' : 'id';
    return new DataLoader(async (ids) => {
      const rows = await this.db.query<{ id: string; exp: string }>(
        `select ${key} as id, experiment_id::text as exp from ${kind} where ${key} = any($1)`,
        [ids],
      );
      for (const r of rows) this.shared?.access.setOwner(kind, r.id, r.exp);
      const byId = new Map(rows.map((r) => [r.id, { experimentId: r.exp }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** True when every check passes: authentication off, or an admin. */
  get unrestricted(): boolean {
    return this.viewer === null || this.viewer.isAdmin;
  }

  /** The viewer's grants: from the shared cache, else read (once per request). */
  private grants(): Promise<Grants> {
    const viewer = this.viewer;
    if (!viewer) return Promise.resolve({ experiments: new Map(), models: new Map() });
    const cache = this.shared?.access;
    this.grantsLoad ??= cache
      ? cache.grantsOf(viewer.userId, () => readGrants(this.db, viewer.userId))
      : readGrants(this.db, viewer.userId);
    return this.grantsLoad;
  }

  /** The caller's level on an experiment (MANAGE when unrestricted). */
  async experimentLevel(experimentId: string | number): Promise<Permission> {
    if (this.unrestricted) return 'MANAGE';
    const grants = await this.grants();
    return grants.experiments.get(String(experimentId)) ?? this.defaultPermission;
  }

  /** The caller's level on a logged model of `experimentId`. */
  async modelLevel(modelId: string, experimentId: string | number): Promise<Permission> {
    if (this.unrestricted) return 'MANAGE';
    const own = (await this.grants()).models.get(modelId);
    return own ?? this.experimentLevel(experimentId);
  }

  /** Whether the caller may read the experiment (for filtering loaded rows). */
  async canReadExperiment(experimentId: string | number): Promise<boolean> {
    return RANK[await this.experimentLevel(experimentId)] >= RANK.READ;
  }

  /** Keeps the rows the caller may read; `experimentOf` names each row's experiment. */
  async readable<T>(rows: T[], experimentOf: (row: T) => string | number): Promise<T[]> {
    if (this.unrestricted) return rows;
    const grants = await this.grants();
    return rows.filter(
      (r) =>
        RANK[grants.experiments.get(String(experimentOf(r))) ?? this.defaultPermission] >=
        RANK.READ,
    );
  }

  /**
   * Keeps the rows of logged models the caller may read (their own grant first, then their
   * experiment's); `modelOf` names each row's model and `experimentOf` that model's experiment.
   */
  async readableModels<T>(
    rows: T[],
    modelOf: (row: T) => string,
    experimentOf: (row: T) => string | number,
  ): Promise<T[]> {
    if (this.unrestricted) return rows;
    const keep = await Promise.all(
      rows.map(async (r) => RANK[await this.modelLevel(modelOf(r), experimentOf(r))] >= RANK.READ),
    );
    return rows.filter((_, i) => keep[i]);
  }

  private decide(level: Permission, need: Need, missing: () => NotFoundError, what: string) {
    if (RANK[level] >= RANK[need]) return;
    if (RANK[level] < RANK.READ) throw missing();
    throw new PermissionDeniedError(
      `Permission denied: ${need} is needed on ${what}; ${this.viewer?.username ?? 'the caller'} has ${level}`,
    );
  }

  /**
   * Requires `need` on an experiment. An id that is not an integer passes: the service's own
   * validation answers it.
   */
  async experiment(id: string | number, need: Need): Promise<void> {
    if (this.unrestricted || parseExperimentId(String(id)) === null) return;
    this.decide(
      await this.experimentLevel(id),
      need,
      () => new NotFoundError('Experiment', String(id), `No Experiment with id=${id} exists`),
      `experiment ${id}`,
    );
  }

  /** Requires `need` on a run's experiment; a missing run passes (the service reports it). */
  async run(runId: string, need: Need): Promise<void> {
    if (this.unrestricted) return;
    const owner = await this.owner('runs', runId);
    if (!owner) return;
    this.decide(
      await this.experimentLevel(owner.experimentId),
      need,
      () => new NotFoundError('Run', runId, `Run with id=${runId} not found`),
      `the experiment of run ${runId}`,
    );
  }

  /** The runs among `runIds` the caller may read (missing ones are dropped too). */
  async readableRuns(runIds: readonly string[]): Promise<string[]> {
    if (this.unrestricted) return [...runIds];
    const owners = await Promise.all(runIds.map((id) => this.owner('runs', id)));
    const keep = await Promise.all(
      owners.map(async (o) => o !== null && (await this.canReadExperiment(o.experimentId))),
    );
    return runIds.filter((_, i) => keep[i]);
  }

  /** Requires `need` on each run (batched). */
  async runs(runIds: readonly string[], need: Need): Promise<void> {
    await Promise.all([...new Set(runIds)].map((id) => this.run(id, need)));
  }

  /** Requires `need` on a logged model; a missing model passes (the service reports it). */
  async model(modelId: string, need: Need): Promise<void> {
    if (this.unrestricted) return;
    const owner = await this.owner('logged_models', modelId);
    if (!owner) return;
    this.decide(
      await this.modelLevel(modelId, owner.experimentId),
      need,
      () =>
        new NotFoundError('LoggedModel', modelId, `Logged model with ID '${modelId}' not found.`),
      `logged model ${modelId}`,
    );
  }

  /** Requires `need` on a trace's experiment; a missing trace passes (the service reports it). */
  async trace(traceId: string, need: Need): Promise<void> {
    if (this.unrestricted) return;
    const owner = await this.owner('trace_info', traceId);
    if (!owner) return;
    this.decide(
      await this.experimentLevel(owner.experimentId),
      need,
      () => new NotFoundError('Trace', traceId, `Trace with ID '${traceId}' not found.`),
      `the experiment of trace ${traceId}`,
    );
  }

  /** Requires `need` on each trace (batched). */
  async traces(traceIds: readonly string[], need: Need): Promise<void> {
    await Promise.all([...new Set(traceIds)].map((id) => this.trace(id, need)));
  }

  /**
   * A synchronous test of whether the caller may read an experiment, from its grants as of now
   * (for streams that filter every event); null when unrestricted.
   */
  async readFilter(): Promise<((experimentId: string) => boolean) | null> {
    if (this.unrestricted) return null;
    const grants = await this.grants();
    return (id) => RANK[grants.experiments.get(id) ?? this.defaultPermission] >= RANK.READ;
  }

  /** What searches may return, as bound lists (from the grants already read). */
  async readScope(): Promise<ReadScope> {
    if (this.unrestricted) return { unrestricted: true };
    return readScopeOf(await this.grants(), this.defaultPermission);
  }

  /**
   * Gives the caller MANAGE on what it just created (MLflow does the same), unless unrestricted
   * without a user (authentication off).
   */
  async grantCreator(kind: 'experiment' | 'model', id: string | number): Promise<void> {
    if (!this.viewer) return;
    const userId = this.viewer.userId;
    const write = (em: EntityManager) => upsertGrant(em, kind, userId, String(id), 'MANAGE');
    // in the caller's transaction when it runs one (an experiment never exists without it)
    if (this.em) await write(transactionEm(this.em) ?? this.em);
    else await this.db.transaction((_sql, em) => write(em));
    this.grantsLoad = null;
    await this.shared?.grantsChanged(this.viewer.userId, this.db);
  }

  /**
   * Keeps an open stream within what its subscriber may read: after every auth change (and at
   * its token's expiry) the credential is checked again, then `check` with current grants; when
   * either fails, `end` gets the error for the subscriber (UNAUTHENTICATED or PERMISSION_DENIED).
   *
   * @param since {@link PermissionService.changes} before the stream's first check: a change
   * applied since then triggers a re-check at once.
   * @returns the function that stops watching (call it when the stream ends); nothing is watched
   * when authentication is off.
   */
  watch(check: StreamCheck, end: (error: DomainError) => void, since?: number): () => void {
    if (!this.viewer || !this.shared) return () => {};
    const unwatch = this.shared.streams.watch(this.viewer, check, end);
    // a change applied between the subscribe-time check and now: check again
    if (since !== undefined && since !== this.changes()) void this.shared.streams.recheck();
    return unwatch;
  }

  /** Counts the auth changes applied so far (pass it to {@link PermissionService.watch}). */
  changes(): number {
    return this.shared?.access.changes ?? 0;
  }
}
