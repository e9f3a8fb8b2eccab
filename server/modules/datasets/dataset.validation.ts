import { ValidationError } from '../../shared/errors.ts';
import { isRunIdShape } from '../../shared/ids.ts';
import { validateLength } from '../../shared/validation.ts';

/** MLflow's dataset limits (`mlflow/utils/validation.py`), in code points. */
export const DATASET_LIMITS = {
  maxDatasetsPerRequest: 1000,
  maxNameLength: 500,
  maxDigestLength: 36,
  maxSourceTypeLength: 36,
  maxSourceLength: 65_535,
  maxSchemaLength: 1_048_575,
  maxProfileLength: 16_777_215,
  maxInputTagKeyLength: 255,
  maxInputTagValueLength: 500,
} as const;

/** A dataset as logged: identity (name, digest) within its experiment, plus a description. */
export interface DatasetSpec {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema?: string | null;
  profile?: string | null;
}

/** One dataset input of a run: the dataset and the input's tags (`mlflow.data.context`...). */
export interface DatasetInputSpec {
  dataset: DatasetSpec;
  tags?: readonly { key: string; value: string }[] | null;
}

function required(value: string, field: string): void {
  if (value === '')
    throw new ValidationError(field, `Missing value for required parameter '${field}'.`);
}

/**
 * Validates the inputs of a logInputs call and drops duplicates.
 *
 * @remarks Inputs with the same (name, digest) are deduplicated, the first wins (MLflow); within
 * one input a repeated tag key keeps its last value.
 */
export function validateInputs(runId: string, inputs: readonly DatasetInputSpec[]) {
  if (!isRunIdShape(runId)) throw new ValidationError('runId', `Invalid run id '${runId}'`);
  const L = DATASET_LIMITS;
  if (inputs.length > L.maxDatasetsPerRequest) {
    throw new ValidationError(
      'datasets',
      `A logInputs request can contain at most ${L.maxDatasetsPerRequest} datasets. Got ${inputs.length}.`,
    );
  }
  const seen = new Set<string>();
  const out: { dataset: DatasetSpec; tags: { key: string; value: string }[] }[] = [];
  inputs.forEach(({ dataset: d, tags }, i) => {
    const f = `datasets[${i}]`;
    required(d.name, `${f}.dataset.name`);
    required(d.digest, `${f}.dataset.digest`);
    required(d.sourceType, `${f}.dataset.sourceType`);
    validateLength(d.name, L.maxNameLength, `${f}.dataset.name`);
    validateLength(d.digest, L.maxDigestLength, `${f}.dataset.digest`);
    validateLength(d.sourceType, L.maxSourceTypeLength, `${f}.dataset.sourceType`);
    validateLength(d.source, L.maxSourceLength, `${f}.dataset.source`);
    if (d.schema != null) validateLength(d.schema, L.maxSchemaLength, `${f}.dataset.schema`);
    if (d.profile != null) validateLength(d.profile, L.maxProfileLength, `${f}.dataset.profile`);
    const byKey = new Map<string, string>();
    (tags ?? []).forEach((t, j) => {
      required(t.key, `${f}.tags[${j}].key`);
      validateLength(t.key, L.maxInputTagKeyLength, `${f}.tags[${j}].key`);
      validateLength(t.value, L.maxInputTagValueLength, `${f}.tags[${j}].value`);
      byKey.set(t.key, t.value);
    });
    const identity = JSON.stringify([d.name, d.digest]);
    if (seen.has(identity)) return;
    seen.add(identity);
    out.push({ dataset: d, tags: [...byKey].map(([key, value]) => ({ key, value })) });
  });
  return out;
}
