import { ValidationError } from '../../shared/errors.ts';

/** A `datasets.<field>` identifier of the run search grammar. */
export type DatasetField = 'name' | 'digest' | 'context';
/** Comparators MLflow allows on `datasets.*`. */
export type DatasetComparator = '=' | '!=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

/** One parsed `datasets.*` clause, e.g. `datasets.context IN ('training', 'eval')`. */
export interface DatasetClause {
  field: DatasetField;
  /** Case-insensitive; `not  in` is accepted as `NOT IN`. */
  comparator: string;
  /** A string for `= != LIKE ILIKE`, a non-empty list for `IN` / `NOT IN`. */
  value: string | readonly string[];
}

/** SQL text with `$n` placeholders and the values they bind, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** The input tag holding a dataset's role in a run (training, eval...). */
export const CONTEXT_TAG = 'mlflow.data.context';

const COMPARATORS = new Set<DatasetComparator>(['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']);
const OPERATOR: Record<DatasetComparator, string> = {
  '=': '=',
  '!=': '<>',
  LIKE: 'like',
  ILIKE: 'ilike',
  IN: '= any',
  'NOT IN': '<> all',
};

function bad(message: string): ValidationError {
  return new ValidationError('filter', message);
}

/**
 * Builds the SQL of a run-search `datasets.*` clause: an `exists (...)` over the run's dataset
 * inputs, correlated on `<runAlias>.id`.
 *
 * @remarks A run matches when **any** of its dataset inputs satisfies the clause (MLflow's rule);
 * `context` is the input tag `mlflow.data.context`, and inputs without it never match, not even
 * `!=` or `NOT IN`. `=`/`!=`/`LIKE` are case-sensitive, `ILIKE` is not. IN lists keep every
 * value (MLflow drops upper-case ones; we deliberately do not). Placeholders start at
 * `$<paramOffset + 1>`; the caller appends `params` to its own.
 */
export function datasetFilterSql(
  clause: DatasetClause,
  { runAlias = 'runs', paramOffset = 0 }: { runAlias?: string; paramOffset?: number } = {},
): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(runAlias) || runAlias.startsWith('ds_')) {
    throw new Error(`Invalid run alias '${runAlias}'`);
  }
  const comparator = clause.comparator.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!COMPARATORS.has(comparator as DatasetComparator)) {
    throw bad(
      `Invalid comparator '${clause.comparator}' for datasets.${clause.field}; allowed: = != LIKE ILIKE IN NOT IN`,
    );
  }
  const op = comparator as DatasetComparator;
  const isList = op === 'IN' || op === 'NOT IN';
  if (isList !== Array.isArray(clause.value)) {
    throw bad(
      isList
        ? `datasets.${clause.field} ${op} needs a list of quoted strings`
        : `datasets.${clause.field} ${op} needs a quoted string`,
    );
  }
  if (isList && clause.value.length === 0) throw bad(`${op} needs a non-empty list`);
  const p = `$${paramOffset + 1}`;
  const rhs = isList ? `${OPERATOR[op]}(${p}::text[])` : `${OPERATOR[op]} ${p}`;
  const value = isList ? [...clause.value] : clause.value;
  const correlate = `ds_in.run_id = ${runAlias}.id`;
  if (clause.field === 'context') {
    return {
      sql: `exists (select 1 from dataset_inputs ds_in join input_tags ds_tag on ds_tag.input_id = ds_in.id and ds_tag.key = '${CONTEXT_TAG}' where ${correlate} and ds_tag.value ${rhs})`,
      params: [value],
    };
  }
  if (clause.field !== 'name' && clause.field !== 'digest') {
    throw bad(
      `Invalid dataset attribute '${String(clause.field)}'; allowed: name, digest, context`,
    );
  }
  return {
    sql: `exists (select 1 from dataset_inputs ds_in join datasets ds on ds.id = ds_in.dataset_id where ${correlate} and ds.${clause.field} ${rhs})`,
    params: [value],
  };
}
