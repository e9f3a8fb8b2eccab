import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DomainErrorFields, domainError } from '@trackql/client';
import { graphql } from './gql/index.ts';
import { type RunTarget, requestGraphQL } from './transfer.ts';

/** A dataset as `logInput` sends it; (name, digest) identify it within an experiment. */
export interface DatasetSpec {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema?: string | null;
  profile?: string | null;
}

/** One dataset input of a run, in the shape the `logInputs` mutation takes. */
export interface DatasetInputShape {
  dataset: DatasetSpec;
  tags: { key: string; value: string }[];
}

/** The input tag naming a dataset's role in a run. */
export const CONTEXT_TAG = 'mlflow.data.context';
/** Most datasets the server takes per call. */
const MAX_PER_CALL = 1000;

const LogInputsDoc = graphql(`
  mutation ClientLogInputs($input: LogInputsInput!) {
    logInputs(input: $input) {
      __typename
      ... on Error { code message }
    }
  }
`);

/**
 * Serialises a value as canonical JSON: object keys sorted, no whitespace, so equal data always
 * gives equal text. Non-finite numbers become `null` (as `JSON.stringify` does).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value ?? null);
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < 8 || length > 36) {
    throw new RangeError('digest length must be an integer from 8 to 36');
  }
}

/**
 * A stable digest of in-memory data: sha256 of its canonical JSON, first `length` hex characters
 * (default 8, as MLflow's digests; at most 36, the server's limit).
 */
export function computeDigest(data: unknown, length = 8): string {
  checkLength(length);
  return createHash('sha256').update(canonicalJson(data)).digest('hex').slice(0, length);
}

function columnType(values: unknown[]): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'long';
  if (present.every((v) => typeof v === 'number')) return 'double';
  if (present.every((v) => typeof v === 'string')) return 'string';
  return 'object';
}

/**
 * Describes an array of records (rows) as a dataset: digest of the data, a column schema
 * (`mlflow_colspec`) and a profile with the row count.
 *
 * @param source - Where the data came from (JSON text); default `{}` with source type `code`.
 */
export function datasetFromRecords(
  records: readonly Record<string, unknown>[],
  opts: { name: string; source?: string; sourceType?: string; digestLength?: number },
): DatasetSpec {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
  const colspec = columns.map((name) => ({
    name,
    type: columnType(records.map((r) => r[name])),
    required: records.every((r) => r[name] !== null && r[name] !== undefined),
  }));
  return {
    name: opts.name,
    digest: computeDigest(records, opts.digestLength),
    sourceType: opts.sourceType ?? 'code',
    source: opts.source ?? '{}',
    schema: JSON.stringify({ mlflow_colspec: colspec }),
    profile: JSON.stringify({
      num_rows: records.length,
      num_elements: records.length * columns.length,
    }),
  };
}

/**
 * Describes a local file as a dataset; the digest is the sha256 of its bytes (streamed).
 *
 * @remarks Source type `local`, source `{"uri": "file:///..."}`, profile with the size in bytes.
 */
export async function datasetFromFile(
  filePath: string,
  opts: { name?: string; digestLength?: number } = {},
): Promise<DatasetSpec> {
  checkLength(opts.digestLength ?? 8);
  const abs = path.resolve(filePath);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(abs)) hash.update(chunk as Buffer);
  const { size } = await fs.stat(abs);
  return {
    name: opts.name ?? path.basename(abs),
    digest: hash.digest('hex').slice(0, opts.digestLength ?? 8),
    sourceType: 'local',
    source: JSON.stringify({ uri: pathToFileURL(abs).href }),
    profile: JSON.stringify({ size_bytes: size }),
  };
}

/**
 * Describes remote data by URL (`https:`, `s3:`, `gs:`, `hf:`...) without fetching it.
 *
 * @remarks The source type is the scheme (`http` for http/https). Without a `digest` the URL
 * itself is digested, so a changed file behind the same URL is not noticed: pass one if you can.
 */
export function datasetFromUrl(
  url: string,
  opts: { name?: string; digest?: string; digestLength?: number } = {},
): DatasetSpec {
  const u = new URL(url);
  const scheme = u.protocol.replace(/:$/, '');
  return {
    name: opts.name ?? (path.posix.basename(u.pathname) || u.hostname),
    digest: opts.digest ?? computeDigest(url, opts.digestLength),
    sourceType: scheme === 'https' ? 'http' : scheme,
    source: JSON.stringify({ url }),
  };
}

/** Pairs a dataset with its input tags; `context` becomes the `mlflow.data.context` tag. */
export function datasetInput(
  dataset: DatasetSpec,
  opts: { context?: string; tags?: Record<string, string> } = {},
): DatasetInputShape {
  const tags = Object.entries(opts.tags ?? {}).map(([key, value]) => ({ key, value }));
  if (opts.context !== undefined) tags.push({ key: CONTEXT_TAG, value: opts.context });
  return { dataset, tags };
}

/**
 * Records dataset inputs of a run, 1000 per request.
 *
 * @remarks Re-logging a dataset the run already has is a no-op on the server (its tags stay).
 * Throws with the server's error code (`RESOURCE_DOES_NOT_EXIST`, `INVALID_STATE`...).
 */
export async function logInputs(t: RunTarget, inputs: readonly DatasetInputShape[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += MAX_PER_CALL) {
    const datasets = inputs.slice(i, i + MAX_PER_CALL);
    const { logInputs: res } = await requestGraphQL(t, LogInputsDoc, {
      input: { runId: t.runId, datasets },
    });
    if (res.__typename !== 'LogInputsSuccess') throw domainError(res as DomainErrorFields);
  }
}

/** Records one dataset as an input of the run, e.g. `logInput(t, ds, { context: 'training' })`. */
export function logInput(
  t: RunTarget,
  dataset: DatasetSpec,
  opts: { context?: string; tags?: Record<string, string> } = {},
): Promise<void> {
  return logInputs(t, [datasetInput(dataset, opts)]);
}
