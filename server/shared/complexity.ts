import { LIMITS } from './limits.ts';

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/**
 * Cost of a connection field for the complexity limit: its children count once per requested row.
 *
 * @remarks `per` rows count as one (metric points are cheap next to runs).
 */
export function connectionComplexity(defaultSize: number = LIMITS.defaultPageSize, per = 1) {
  return (args: PageArgs) => ({
    field: 1,
    multiplier: Math.max(1, Math.ceil((args.first ?? args.last ?? defaultSize) / per)),
  });
}
