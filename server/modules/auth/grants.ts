import type { Db } from '../../shared/db.ts';
import type { Grants } from './access-cache.ts';
import type { Permission } from './permission.entity.ts';

/** What an operation needs: READ to see, EDIT to change what is in it, MANAGE to govern it. */
export type Need = 'READ' | 'EDIT' | 'MANAGE';

/** Levels in order (NO_PERMISSIONS below READ). */
export const RANK: Record<Permission, number> = { NO_PERMISSIONS: 0, READ: 1, EDIT: 2, MANAGE: 3 };

/**
 * Which rows a search may return, as bound values for its SQL (see `readScopeSql` in search).
 *
 * @remarks `unrestricted`: everything. Otherwise experiments are `only` those listed (the default
 * is NO_PERMISSIONS) or all `except` those listed; a logged model with its own grant is readable
 * exactly when it is in `modelsAllowed`, whatever its experiment says.
 */
export type ReadScope =
  | { unrestricted: true }
  | {
      unrestricted: false;
      experiments: { only: number[] } | { except: number[] };
      modelsAllowed: string[];
      modelsDenied: string[];
    };

/**
 * Reads a user's grants on experiments and logged models (one statement over the `(user_id, ...)`
 * primary keys).
 *
 * @remarks Raw SQL on purpose: this runs on the request path whenever the grants are not cached,
 * and one `union all` is cheaper than two entity queries and their hydration.
 */
export async function readGrants(db: Db, userId: string): Promise<Grants> {
  const rows = await db.query<{ kind: 'e' | 'm'; id: string; permission: Permission }>(
    `select 'e' as kind, experiment_id::text as id, permission from experiment_permissions where user_id = $1
     union all
     select 'm', model_id, permission from logged_model_permissions where user_id = $1`,
    [userId],
  );
  const grants: Grants = { experiments: new Map(), models: new Map() };
  for (const r of rows) {
    (r.kind === 'e' ? grants.experiments : grants.models).set(r.id, r.permission);
  }
  return grants;
}

/** What searches may return to a user with `grants` and the default level `fallback`. */
export function readScopeOf(grants: Grants, fallback: Permission): ReadScope {
  const list = (map: Map<string, Permission>, readable: boolean) =>
    [...map].filter(([, p]) => RANK[p] >= RANK.READ === readable).map(([id]) => id);
  const defaultReadable = RANK[fallback] >= RANK.READ;
  const experiments = defaultReadable
    ? { except: list(grants.experiments, false).map(Number) }
    : { only: list(grants.experiments, true).map(Number) };
  return {
    unrestricted: false,
    experiments,
    modelsAllowed: list(grants.models, true),
    modelsDenied: list(grants.models, false),
  };
}
