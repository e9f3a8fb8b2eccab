import type { ReadScope } from '../auth/public.ts';
import type { Params } from './keyset.ts';

/**
 * The WHERE conditions that keep a search to what the caller may read (none when unrestricted).
 *
 * @remarks Applied inside the search's own statement, so unreadable rows never reach a page, a
 * cursor, `hasNextPage` or a count. The lists come from the caller's grants (read once per
 * request), bound as arrays: `experiment = any(only)` when the default permission is
 * NO_PERMISSIONS, else `not (experiment = any(except))`. With `modelColumn`, a logged model with
 * its own grant follows that grant whatever its experiment allows.
 */
export function readScopeSql(
  scope: ReadScope | undefined,
  experimentColumn: string,
  params: Params,
  modelColumn?: string,
): string[] {
  if (!scope || scope.unrestricted) return [];
  const exps = scope.experiments;
  const byExperiment =
    'only' in exps
      ? `${experimentColumn} = any(${params.add(exps.only, 'int8[]')})`
      : exps.except.length
        ? `not (${experimentColumn} = any(${params.add(exps.except, 'int8[]')}))`
        : 'true';
  if (!modelColumn || (!scope.modelsAllowed.length && !scope.modelsDenied.length)) {
    return byExperiment === 'true' ? [] : [byExperiment];
  }
  const allowed = `${modelColumn} = any(${params.add(scope.modelsAllowed, 'text[]')})`;
  const denied = `${modelColumn} = any(${params.add(scope.modelsDenied, 'text[]')})`;
  return [`(${allowed} or (not ${denied} and ${byExperiment}))`];
}
