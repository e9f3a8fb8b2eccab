import type { EntityManager } from '@mikro-orm/postgresql';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import type { ReadScope } from '../auth/public.ts';
import { ExperimentSchema, type LifecycleStage } from './experiment.entity.ts';

/** Which lifecycle stages a list includes (MLflow's ViewType). */
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** Lifecycle stages selected by a view type. */
export function stagesOf(view: ViewType): LifecycleStage[] {
  if (view === 'ALL') return ['active', 'deleted'];
  return view === 'ACTIVE_ONLY' ? ['active'] : ['deleted'];
}

/**
 * A page of the experiments `scope` lets the caller read, in id order, filtered by lifecycle stage
 * (the cursor is an experiment id, checked by the caller).
 */
export async function pageOfExperiments(
  em: EntityManager,
  scope: ReadScope,
  view: ViewType,
  req: PageRequest<number>,
) {
  // unreadable experiments are left out in the SQL, so pages and cursors never see them
  const readable =
    scope.unrestricted || ('except' in scope.experiments && !scope.experiments.except.length)
      ? {}
      : 'only' in scope.experiments
        ? { id: { $in: [-1, ...scope.experiments.only] } }
        : { id: { $nin: scope.experiments.except } };
  const rows = await em.find(
    ExperimentSchema,
    {
      $and: [readable],
      lifecycleStage: { $in: stagesOf(view) },
      ...(req.cursor !== null ? { id: { [req.backward ? '$lt' : '$gt']: req.cursor } } : {}),
    },
    { orderBy: { id: req.backward ? 'desc' : 'asc' }, limit: req.limit + 1 },
  );
  return toConnection(rows, req, (e) => e.id);
}
