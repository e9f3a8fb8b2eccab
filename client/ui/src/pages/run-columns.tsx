import type { ReactNode } from 'react';
import { formatDuration, formatTime, formatValue } from '../components/common.tsx';
import type { UiRunRowFragment } from '../gql/graphql.ts';

export type RunRow = UiRunRowFragment;

/** A column of the runs table: its header, the `orderBy` entry sorting by it, its cell. */
export interface RunColumn {
  id: string;
  label: string;
  group: 'attribute' | 'param' | 'metric' | 'tag';
  /** MLflow order entry without direction, e.g. `metrics.acc` or `min(metrics.loss)`. */
  order: string | null;
  cell(run: RunRow): ReactNode;
}

/** Quotes a key for a filter or order entry when it is not a plain word. */
export function quoteKey(key: string): string {
  return /^[\w.]+$/.test(key) ? key : `\`${key}\``;
}

export const ATTRIBUTE_COLUMNS: RunColumn[] = [
  {
    id: 'a:status',
    label: 'Status',
    group: 'attribute',
    order: 'attributes.status',
    cell: (r) => r.status,
  },
  {
    id: 'a:start',
    label: 'Started',
    group: 'attribute',
    order: 'attributes.start_time',
    cell: (r) => formatTime(r.startTime),
  },
  {
    id: 'a:end',
    label: 'Ended',
    group: 'attribute',
    order: 'attributes.end_time',
    cell: (r) => formatTime(r.endTime),
  },
  {
    id: 'a:duration',
    label: 'Duration',
    group: 'attribute',
    order: null,
    cell: (r) => formatDuration((r.endTime ?? Date.now()) - r.startTime),
  },
  {
    id: 'a:user',
    label: 'User',
    group: 'attribute',
    order: 'attributes.user_id',
    cell: (r) => r.userId,
  },
];

export function paramColumn(key: string): RunColumn {
  return {
    id: `p:${key}`,
    label: key,
    group: 'param',
    order: `params.${quoteKey(key)}`,
    cell: (r) => r.params.find((p) => p.key === key)?.value ?? '',
  };
}

export function tagColumn(key: string): RunColumn {
  return {
    id: `t:${key}`,
    label: key,
    group: 'tag',
    order: `tags.${quoteKey(key)}`,
    cell: (r) => r.tags.find((p) => p.key === key)?.value ?? '',
  };
}

/** Three columns per metric: last, min and max (from the run's metric summaries). */
export function metricColumns(key: string): RunColumn[] {
  const summary = (r: RunRow) => r.metricSummaries.find((m) => m.key === key);
  const q = `metrics.${quoteKey(key)}`;
  return [
    {
      id: `m:${key}`,
      label: key,
      group: 'metric',
      order: q,
      cell: (r) => formatValue(summary(r)?.last.value),
    },
    {
      id: `m:${key}:min`,
      label: `${key} (min)`,
      group: 'metric',
      order: `min(${q})`,
      cell: (r) => formatValue(summary(r)?.min),
    },
    {
      id: `m:${key}:max`,
      label: `${key} (max)`,
      group: 'metric',
      order: `max(${q})`,
      cell: (r) => formatValue(summary(r)?.max),
    },
  ];
}

/** Keys seen on the loaded runs, sorted: params, metrics and (non-system) tags. */
export function keysOf(runs: RunRow[]) {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  for (const r of runs) {
    for (const p of r.params) params.add(p.key);
    for (const m of r.metricSummaries) metrics.add(m.key);
    for (const t of r.tags) if (!t.key.startsWith('mlflow.')) tags.add(t.key);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { params: sorted(params), metrics: sorted(metrics), tags: sorted(tags) };
}

/**
 * Orders a page so that each child run follows its parent (when the parent is on the page), and
 * gives each row its depth.
 */
export function nestRuns(runs: RunRow[], collapsed: Set<string>) {
  const parentOf = (r: RunRow) => r.tags.find((t) => t.key === 'mlflow.parentRunId')?.value;
  const ids = new Set(runs.map((r) => r.runId));
  const children = new Map<string, RunRow[]>();
  const roots: RunRow[] = [];
  for (const r of runs) {
    const p = parentOf(r);
    if (p && ids.has(p) && p !== r.runId) children.set(p, [...(children.get(p) ?? []), r]);
    else roots.push(r);
  }
  const out: { run: RunRow; depth: number; childCount: number }[] = [];
  const seen = new Set<string>();
  const visit = (r: RunRow, depth: number) => {
    if (seen.has(r.runId)) return;
    seen.add(r.runId);
    const kids = children.get(r.runId) ?? [];
    out.push({ run: r, depth, childCount: kids.length });
    if (!collapsed.has(r.runId)) for (const k of kids) visit(k, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  return out;
}

/** The character offset named by a filter error ("Invalid filter at character N: ..."), if any. */
export function errorOffset(message: string): number | null {
  const m = /at character (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}
