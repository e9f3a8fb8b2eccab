import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.ts';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.ts';
import { parseExperimentId } from '../../shared/ids.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { Publisher } from '../subscriptions/public.ts';
import { type Experiment, ExperimentSchema, type LifecycleStage } from './experiment.entity.ts';
import { pageOfExperiments, type ViewType } from './experiment-list.ts';
import { ExperimentTagSchema } from './experiment-tag.entity.ts';
import {
  type CreateExperimentInput,
  validateExperimentName,
  validateExperimentTag,
  validateNewExperiment,
} from './experiment-validation.ts';

/** The columns of a run that an experiment's lifecycle cascades to. */
interface RunStageColumns {
  id: string;
  experimentId: number;
  lifecycleStage: LifecycleStage;
  deletedTime: number | null;
}

/** Experiments: creation, lookup, rename, soft delete and restore with their runs. */
export class ExperimentService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: Pick<Config, 'artifactRoot' | 'artifactAllowedRoots'>,
    private readonly publisher: Publisher,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /** Creates the "Default" experiment with id 0 if it is missing. */
  async ensureDefault(): Promise<void> {
    const now = Date.now();
    await this.em
      .createQueryBuilder(ExperimentSchema)
      .insert({
        id: 0,
        name: 'Default',
        artifactLocation: this.locationFor('0'),
        lifecycleStage: 'active',
        creationTime: now,
        lastUpdateTime: now,
      })
      .onConflict()
      .ignore()
      .execute();
  }

  private locationFor(id: string): string {
    return `${this.config.artifactRoot.replace(/\/+$/, '')}/${id}`;
  }

  /** Parses an experiment id from input, rejecting non-integers as MLflow does. */
  parseId(id: string, field = 'experimentId'): number {
    const parsed = parseExperimentId(id);
    if (parsed === null)
      throw new ValidationError(field, `Experiment ID must be a valid integer; got '${id}'`);
    return parsed;
  }

  /** Keeps the experiment when the caller may read it (unreadable ones look missing). */
  private async readable(exp: Experiment | null): Promise<Experiment | null> {
    return exp && (await this.access.canReadExperiment(exp.id)) ? exp : null;
  }

  /** Finds a readable experiment by id (active or deleted); null when absent or not an integer. */
  async findById(id: string): Promise<Experiment | null> {
    const parsed = parseExperimentId(id);
    if (parsed === null) return null;
    return this.readable(await this.em.findOne(ExperimentSchema, { id: parsed }));
  }

  /** Loads readable experiments for a dataloader; order is restored by the caller's `sort`. */
  async findByIds(ids: readonly string[]): Promise<Experiment[]> {
    const parsed = ids.map(parseExperimentId).filter((n): n is number => n !== null);
    const rows = await this.em.find(ExperimentSchema, { id: { $in: parsed } });
    return this.access.readable(rows, (e) => e.id);
  }

  /** Finds a readable experiment by exact name among active and deleted ones. */
  async findByName(name: string): Promise<Experiment | null> {
    return this.readable(await this.em.findOne(ExperimentSchema, { name }));
  }

  /** Returns the readable experiment or throws NotFoundError. */
  async get(id: string, field = 'experimentId'): Promise<Experiment> {
    const exp = await this.readable(
      await this.em.findOne(ExperimentSchema, { id: this.parseId(id, field) }),
    );
    if (!exp) throw new NotFoundError('Experiment', id, `No Experiment with id=${id} exists`);
    return exp;
  }

  /** Returns the experiment, requiring it to be active. */
  async getActive(id: string, field = 'experimentId'): Promise<Experiment> {
    const exp = await this.get(id, field);
    if (exp.lifecycleStage !== 'active') {
      throw new InvalidStateError(
        `The experiment ${id} must be in the 'active' state. Current state is deleted.`,
      );
    }
    return exp;
  }

  /**
   * Creates an experiment with optional artifact location and tags.
   *
   * @remarks Names are unique among active and deleted experiments (MLflow keeps a deleted name reserved).
   */
  async create(input: CreateExperimentInput): Promise<Experiment> {
    const { name, tags } = validateNewExperiment(input, this.config.artifactAllowedRoots);
    if (await this.em.findOne(ExperimentSchema, { name })) {
      throw new AlreadyExistsError(`Experiment(name=${name}) already exists.`);
    }
    const now = Date.now();
    try {
      const created = await this.em.transactional(async (em) => {
        const exp = em.create(ExperimentSchema, {
          name,
          artifactLocation: input.artifactLocation ?? '',
          lifecycleStage: 'active',
          creationTime: now,
          lastUpdateTime: now,
        });
        await em.flush();
        if (!input.artifactLocation) exp.artifactLocation = this.locationFor(String(exp.id));
        // in the same transaction: an experiment never exists without its creator's grant
        await this.access.grantCreator('experiment', exp.id);
        // a key given twice keeps its last value
        for (const [key, value] of new Map(tags.map((t) => [t.key, t.value]))) {
          em.create(ExperimentTagSchema, { experimentId: exp.id, key, value });
        }
        await this.audit.record('experiment', String(exp.id), 'create', { name });
        return exp;
      });
      return created;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw new AlreadyExistsError(`Experiment(name=${name}) already exists.`);
      }
      throw err;
    }
  }

  /** Validates an experiment tag key and value (250 / 5000 code points). */
  validateTag(key: string, value: string, field: string): void {
    validateExperimentTag(key, value, field);
  }

  /** Renames an active experiment; the new name must be free. */
  async rename(id: string, newName: string): Promise<Experiment> {
    validateExperimentName(newName, 'newName');
    await this.access.experiment(id, 'MANAGE');
    const exp = await this.get(id);
    if (exp.lifecycleStage !== 'active') {
      throw new InvalidStateError('Cannot rename a non-active experiment.');
    }
    const other = await this.em.findOne(ExperimentSchema, { name: newName });
    if (other && other.id !== exp.id)
      throw new AlreadyExistsError(`Experiment(name=${newName}) already exists.`);
    const oldName = exp.name;
    exp.name = newName;
    exp.lastUpdateTime = Date.now();
    try {
      // the rename and its audit event commit together
      await this.em.transactional(() =>
        this.audit.record('experiment', String(exp.id), 'rename', { from: oldName, to: newName }),
      );
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw new AlreadyExistsError(`Experiment(name=${newName}) already exists.`);
      }
      throw err;
    }
    return exp;
  }

  /** Soft-deletes an active experiment and marks all its runs deleted. */
  async delete(id: string): Promise<Experiment> {
    await this.access.experiment(id, 'MANAGE');
    const exp = await this.get(id);
    if (exp.lifecycleStage !== 'active') {
      throw new InvalidStateError(`The experiment ${id} is already deleted.`);
    }
    return this.setStage(exp, 'deleted');
  }

  /**
   * Restores a deleted experiment and every one of its runs.
   *
   * @remarks Copies MLflow: runs deleted individually before the experiment was deleted are restored too.
   */
  async restore(id: string): Promise<Experiment> {
    await this.access.experiment(id, 'MANAGE');
    const exp = await this.get(id);
    if (exp.lifecycleStage !== 'deleted') {
      throw new InvalidStateError(`The experiment ${id} is not deleted.`);
    }
    return this.setStage(exp, 'active');
  }

  private async setStage(exp: Experiment, stage: LifecycleStage): Promise<Experiment> {
    const now = Date.now();
    const runs = await this.em.transactional(async (em) => {
      exp.lifecycleStage = stage;
      exp.lastUpdateTime = now;
      // runs sit above experiments: named, not imported, so the modules keep one direction
      const runs = await em
        .createQueryBuilder<RunStageColumns>('Run')
        .update({ lifecycleStage: stage, deletedTime: stage === 'deleted' ? now : null })
        .where({ experimentId: exp.id })
        .returning('id')
        .execute<{ id: string }[]>('all', false);
      await this.audit.record(
        'experiment',
        String(exp.id),
        stage === 'deleted' ? 'delete' : 'restore',
        {
          runs: runs.length,
        },
      );
      return runs.map((r) => r.id);
    });
    // after commit: the cascade reaches run subscribers as one event per run
    const kind = stage === 'deleted' ? 'DELETED' : 'RESTORED';
    for (const runId of runs) {
      this.publisher.run({ kind, runId, experimentId: String(exp.id), lifecycleStage: stage });
    }
    return exp;
  }

  /** A page of readable experiments in id order, filtered by lifecycle stage. */
  async list(view: ViewType, req: PageRequest<number>) {
    if (req.cursor !== null && !Number.isSafeInteger(req.cursor)) {
      throw new ValidationError(
        req.backward ? 'before' : 'after',
        'Invalid cursor for experiments',
      );
    }
    return pageOfExperiments(this.em, await this.access.readScope(), view, req);
  }
}
