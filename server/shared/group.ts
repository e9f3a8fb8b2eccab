/**
 * Groups rows by parent key, in the order of `keys` (what a loadable list's `load` must return).
 */
export function groupByKeys<T, K>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
