import { ArtifactError, InvalidValueError, TrackingError } from '@trackql/client';
import { fileUrl, logBytes, type UploadedArtifact } from '../artifacts.ts';
import { graphql } from '../gql/index.ts';
import { failure, httpFetch, type RunTarget, requestGraphQL } from '../transfer.ts';
import { checkArtifactFile } from './images.ts';

/** MLflow's table layout (pandas `orient="split"` without index): column names and rows. */
export interface TableData {
  columns: string[];
  data: unknown[][];
}

/**
 * A table: records (`[{ a: 1, b: 'x' }, ...]`), MLflow's `{ columns, data }`, or columns as
 * arrays (`{ a: [1, 2], b: ['x', 'y'] }`, a pandas-style dict).
 */
export type TableInput = readonly Record<string, unknown>[] | TableData | Record<string, unknown[]>;

/** The run tag listing the tables logged to a run (as MLflow's `log_table` keeps it). */
export const LOGGED_ARTIFACTS_TAG = 'mlflow.loggedArtifacts';
/** Longest tag value the server stores whole (longer ones are cut, which would break the JSON). */
const MAX_TAG_VALUE = 8000;

const RunTags = graphql(`
  query ClientRunTags($runId: String!) {
    run(runId: $runId) { tags { key value } }
  }
`);

const SetRunTag = graphql(`
  mutation ClientSetRunTag($input: SetRunTagInput!) {
    setRunTag(input: $input) {
      __typename
      ... on Error { code message }
    }
  }
`);

const isRow = (r: unknown): r is Record<string, unknown> =>
  r !== null && typeof r === 'object' && !Array.isArray(r);

/**
 * Normalises a table input to `{ columns, data }`.
 *
 * @throws {@link InvalidValueError} (field `data`) for rows that are not objects, rows of the wrong
 * length, duplicate columns, or columns of unequal length.
 */
export function toTable(input: unknown): TableData {
  const bad = (why: string) => new InvalidValueError('data', `Invalid table: ${why}`);
  if (Array.isArray(input)) {
    const columns: string[] = [];
    const seen = new Set<string>();
    input.forEach((r, i) => {
      if (!isRow(r)) throw bad(`row ${i} is not an object`);
      for (const k of Object.keys(r)) if (!seen.has(k)) seen.add(k) && columns.push(k);
    });
    return { columns, data: input.map((r) => columns.map((c) => r[c] ?? null)) };
  }
  if (!isRow(input)) throw bad('expected records, { columns, data } or { column: values[] }');
  const keys = Object.keys(input);
  if (keys.length === 2 && Array.isArray(input.columns) && Array.isArray(input.data)) {
    const { columns, data } = input as unknown as TableData;
    if (!columns.every((c) => typeof c === 'string')) throw bad('columns must be strings');
    if (new Set(columns).size !== columns.length) throw bad('duplicate column names');
    data.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== columns.length) {
        throw bad(`row ${i} must be an array of ${columns.length} values`);
      }
    });
    return { columns: [...columns], data: data.map((r) => [...r]) };
  }
  const cols = Object.values(input);
  if (!cols.every(Array.isArray))
    throw bad('expected records, { columns, data } or { column: values[] }');
  const n = (cols[0] as unknown[] | undefined)?.length ?? 0;
  if (!cols.every((c) => (c as unknown[]).length === n)) throw bad('columns of unequal length');
  return {
    columns: keys,
    data: Array.from({ length: n }, (_, i) => cols.map((c) => (c as unknown[])[i] ?? null)),
  };
}

/** Appends `more` below `base`, matching columns by name (new columns at the end, gaps null), as `pd.concat`. */
export function concatTables(base: TableData, more: TableData): TableData {
  const columns = [...base.columns, ...more.columns.filter((c) => !base.columns.includes(c))];
  const widen = (t: TableData) => {
    const at = columns.map((c) => t.columns.indexOf(c));
    return t.data.map((row) => at.map((i) => (i < 0 ? null : (row[i] ?? null))));
  };
  return { columns, data: [...widen(base), ...widen(more)] };
}

/** Reads a run's artifact file as bytes; null when there is no such file. */
async function readArtifact(t: RunTarget, artifactFile: string): Promise<Buffer | null> {
  const res = await httpFetch(t, fileUrl(t, artifactFile), { headers: t.headers });
  if (res.status === 404) return null;
  if (!res.ok) throw await failure(res);
  return Buffer.from(await res.arrayBuffer());
}

function parseStored(bytes: Buffer, artifactFile: string): TableData {
  try {
    return toTable(JSON.parse(bytes.toString('utf8')));
  } catch (cause) {
    throw new TrackingError(
      'domain',
      `The existing artifact '${artifactFile}' is not a table ({ columns, data }); not appending to it`,
      {
        code: 'INVALID_PARAMETER_VALUE',
        typename: 'ValidationError',
        field: 'artifactFile',
        cause,
      },
    );
  }
}

/**
 * Logs a table as the JSON artifact `artifactFile` (MLflow `log_table`): stored as `{ columns,
 * data }`; when the file exists, the rows are appended to it (columns matched by name), and the
 * run's `mlflow.loggedArtifacts` tag lists the file as `{ path, type: 'table' }`.
 *
 * @throws {@link InvalidValueError} before anything is written: a file not ending in `.json`, a
 * malformed table, or a tag that would outgrow 8000 characters (the server would cut it).
 */
export async function logTable(
  t: RunTarget,
  input: TableInput,
  artifactFile: string,
): Promise<UploadedArtifact> {
  checkArtifactFile(artifactFile);
  if (!artifactFile.toLowerCase().endsWith('.json')) {
    throw new InvalidValueError(
      'artifactFile',
      `Tables are stored as JSON: '${artifactFile}' must end in .json`,
    );
  }
  let table = toTable(input);
  const data = await requestGraphQL(t, RunTags, { runId: t.runId });
  if (!data.run)
    throw new ArtifactError(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${t.runId} not found`);
  const current = data.run.tags.find((x) => x.key === LOGGED_ARTIFACTS_TAG)?.value;
  let listed: { path: string; type: string }[] = [];
  try {
    listed = current ? JSON.parse(current) : [];
  } catch {
    listed = [];
  }
  const known = listed.some((e) => e.path === artifactFile && e.type === 'table');
  const tagValue = known
    ? null
    : JSON.stringify([...listed, { path: artifactFile, type: 'table' }]);
  if (tagValue !== null && tagValue.length > MAX_TAG_VALUE) {
    throw new InvalidValueError(
      'artifactFile',
      `The run already lists ${listed.length} tables: '${LOGGED_ARTIFACTS_TAG}' would pass ${MAX_TAG_VALUE} characters; append to an existing table file instead`,
    );
  }
  const existing = await readArtifact(t, artifactFile);
  if (existing) table = concatTables(parseStored(existing, artifactFile), table);
  const json = JSON.stringify(table, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  const stored = await logBytes(t, Buffer.from(json, 'utf8'), artifactFile);
  if (tagValue !== null) {
    const res = await requestGraphQL(t, SetRunTag, {
      input: { runId: t.runId, key: LOGGED_ARTIFACTS_TAG, value: tagValue },
    });
    if (res.setRunTag.__typename !== 'BatchAck') {
      const e = res.setRunTag as { code?: string; message?: string };
      throw new TrackingError('domain', e.message ?? 'setRunTag failed', { code: e.code });
    }
  }
  return stored;
}
