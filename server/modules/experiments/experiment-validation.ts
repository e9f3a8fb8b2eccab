import { ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { validateLength } from '../../shared/validation.ts';
import { checkArtifactLocation } from '../artifacts/public.ts';

export interface CreateExperimentInput {
  name: string;
  artifactLocation?: string | null;
  tags?: { key: string; value: string }[] | null;
}

/** Validates an experiment name: not empty, at most the name limit. */
export function validateExperimentName(name: string, field: string): void {
  if (name === '') throw new ValidationError(field, 'Experiment name must be a non-empty string');
  validateLength(name, LIMITS.maxExperimentNameLength, field);
}

/** Validates an experiment tag key and value (250 / 5000 code points). */
export function validateExperimentTag(key: string, value: string, field: string): void {
  if (key === '') throw new ValidationError(`${field}.key`, 'Tag key must not be empty');
  validateLength(key, LIMITS.maxExperimentTagKeyLength, `${field}.key`);
  validateLength(value, LIMITS.maxExperimentTagValueLength, `${field}.value`);
}

/**
 * Validates a new experiment's name, artifact location (within `allowedRoots`, no fragment, query
 * or `runs:` URI) and tags; returns the name (blank names count as empty) and the tags.
 */
export function validateNewExperiment(
  input: CreateExperimentInput,
  allowedRoots: readonly string[],
): { name: string; tags: { key: string; value: string }[] } {
  const name = input.name.trim() === '' ? '' : input.name;
  validateExperimentName(name, 'name');
  if (input.artifactLocation) {
    validateLength(input.artifactLocation, LIMITS.maxArtifactLocationLength, 'artifactLocation');
    if (/[#?]/.test(input.artifactLocation) || input.artifactLocation.startsWith('runs:')) {
      throw new ValidationError(
        'artifactLocation',
        'Artifact location must not contain a fragment or query, nor be a runs: URI',
      );
    }
    checkArtifactLocation(input.artifactLocation, allowedRoots);
  }
  const tags = input.tags ?? [];
  for (const [i, t] of tags.entries()) validateExperimentTag(t.key, t.value, `tags[${i}]`);
  return { name, tags };
}
