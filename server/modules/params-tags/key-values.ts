import { ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { truncate, validateKey } from '../../shared/validation.ts';
import type { KeyValue } from './params-tags.service.ts';

/**
 * Validates tags as set-tag does and truncates values past 8000 code points (MLflow's default);
 * used for run and logged-model tags.
 *
 * @remarks Duplicate keys: the last value wins, as in MLflow's log-batch.
 */
export function normaliseTags(tags: readonly KeyValue[], field = 'tags'): KeyValue[] {
  const byKey = new Map<string, string>();
  tags.forEach((t, i) => {
    validateKey(t.key, `${field}[${i}].key`);
    byKey.set(t.key, truncate(t.value, LIMITS.maxTagValueLength));
  });
  return [...byKey].map(([key, value]) => ({ key, value }));
}

/**
 * Validates params (keys by MLflow's rules) and truncates values past 6000 code points; used for
 * run and logged-model params.
 *
 * @remarks A key given twice in one request is rejected even with equal values (MLflow does so).
 */
export function normaliseParams(params: readonly KeyValue[], field = 'params'): KeyValue[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  const out = params.map((p, i) => {
    validateKey(p.key, `${field}[${i}].key`);
    if (seen.has(p.key)) dupes.add(p.key);
    seen.add(p.key);
    return { key: p.key, value: truncate(p.value, LIMITS.maxParamValueLength) };
  });
  if (dupes.size > 0) {
    throw new ValidationError(
      field,
      `Duplicate parameter keys have been submitted: ${JSON.stringify([...dupes])}.`,
    );
  }
  return out;
}

/**
 * Rejects params whose key is already stored with another value; equal values are accepted.
 *
 * @param owner how the message names the owner, e.g. `run ID='…'`.
 */
export function assertParamsUnchanged(
  params: readonly KeyValue[],
  existing: readonly KeyValue[],
  owner: string,
  field = 'params',
): void {
  const old = new Map(existing.map((p) => [p.key, p.value]));
  const i = params.findIndex((p) => old.has(p.key) && old.get(p.key) !== p.value);
  if (i < 0) return;
  const c = params[i]!;
  throw new ValidationError(
    `${field}[${i}].value`,
    `Changing param values is not allowed. Param with key='${c.key}' was already logged with value='${old.get(c.key)}' for ${owner}. Attempted logging new value '${c.value}'.`,
  );
}
