import { TrackingError } from '@trackql/node';

/** How a command prints records. */
export type OutputFormat = 'table' | 'json';

/** A cell as printed in a table: numbers as they are, null/undefined empty. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Formats rows as an aligned text table with a header (columns in the given order). */
export function formatTable(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** JSON with bigints as strings, NaN and ±Infinity as MLflow's strings, 2-space indented. */
export function formatJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_, v) => {
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'number' && !Number.isFinite(v)) {
        return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
      }
      return v;
    },
    2,
  );
}

/** Prints records as a table (the given columns) or as JSON (the whole values). */
export function print(
  format: OutputFormat,
  values: unknown,
  table: () => { columns: string[]; rows: Record<string, unknown>[] },
): void {
  if (format === 'json') {
    process.stdout.write(`${formatJson(values)}\n`);
    return;
  }
  const { columns, rows } = table();
  process.stdout.write(`${formatTable(columns, rows)}\n`);
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = cell(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The message a failure prints: `trackql: <code>: <message>` for tracking errors. */
export function describeError(err: unknown): string {
  if (err instanceof TrackingError) {
    const where = err.field ? ` (${err.field})` : '';
    // urql marks its messages with the layer; the code already says what kind of failure it is
    return `trackql: ${err.code ?? err.kind}${where}: ${err.message.replace(/^\[(GraphQL|Network)\] /, '')}`;
  }
  return `trackql: ${err instanceof Error ? err.message : String(err)}`;
}
