import { useEffect, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { run } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { CompareBuckets, GetRun, SearchRunsPage } from '../api/runs.ts';
import { PALETTE, Plot } from '../charts/plot.tsx';
import { ErrorBox, formatValue, Section, toNumber } from '../components/common.tsx';
import type { UiRunRowFragment } from '../gql/graphql.ts';
import { Link } from '../router.tsx';

type Run = UiRunRowFragment;

/**
 * The runs to compare, in the order given: one search (`attributes.run_id IN (...)`) when their
 * experiment is known, else one read per run.
 */
async function loadRuns(runIds: string[], experimentId: string | null): Promise<Run[]> {
  if (experimentId && runIds.length > 0) {
    const ids = runIds.map((id) => `'${id.replaceAll("'", '')}'`).join(', ');
    const res = await run(SearchRunsPage, {
      experimentIds: [experimentId],
      filter: `attributes.run_id IN (${ids})`,
      first: runIds.length,
    });
    const byId = new Map(res.searchRuns.edges.map((e) => [e.node.runId, e.node]));
    return runIds.map((id) => byId.get(id)).filter((r): r is Run => r !== undefined);
  }
  const rs = await Promise.all(runIds.map((runId) => run(GetRun, { runId })));
  return rs.map((r) => r.run).filter((r): r is NonNullable<typeof r> => r != null);
}
const BUCKETS = 400;

/** Several runs' metric on one chart (one `metricBuckets` request for all runs). */
function CompareChart(props: { runs: Run[]; metricKey: string }) {
  const ids = props.runs.map((r) => r.runId);
  const q = useQuery(
    CompareBuckets,
    { runIds: ids, key: props.metricKey, buckets: BUCKETS },
    ids.length === 0,
  );
  const data = useMemo((): uPlot.AlignedData => {
    const mb = q.data?.metricBuckets;
    if (!mb || mb.start == null || mb.end == null) return [[]];
    // a chart's x is a double: steps beyond ±(2^53-1) (decimal strings) are drawn rounded
    const [start, end] = [Number(mb.start), Number(mb.end)];
    const width = (end - start + 1) / mb.bucketCount;
    const xs = Array.from({ length: mb.bucketCount }, (_, i) => start + (i + 0.5) * width);
    const ys = mb.runs.map((r) => {
      const col: (number | null)[] = new Array(mb.bucketCount).fill(null);
      r.index.forEach((idx, i) => {
        const v = toNumber(r.lastValue[i]);
        col[idx] = v !== null && Number.isFinite(v) ? v : null;
      });
      return col;
    });
    return [xs, ...ys];
  }, [q.data]);
  const options = {
    height: 280,
    scales: { x: { time: false } },
    series: [
      { label: 'step' },
      ...props.runs.map((r, i) => ({
        label: r.name,
        stroke: PALETTE[i % PALETTE.length],
        spanGaps: true,
      })),
    ],
  };
  return (
    <div data-testid="compare-chart" data-runs={q.data?.metricBuckets.runs.length ?? 0}>
      <ErrorBox error={q.error} />
      <Plot options={options} data={data} shape={`${props.metricKey}|${ids.join(',')}`} />
    </div>
  );
}

/** A param (x) against a metric's last value (y), one point per run. */
function Scatter(props: { runs: Run[]; param: string; metric: string }) {
  const points = props.runs
    .map((r) => ({
      x: Number(r.params.find((p) => p.key === props.param)?.value),
      y: toNumber(r.metricSummaries.find((m) => m.key === props.metric)?.last.value),
    }))
    .filter(
      (p): p is { x: number; y: number } =>
        Number.isFinite(p.x) && p.y !== null && Number.isFinite(p.y),
    )
    .sort((a, b) => a.x - b.x);
  const data: uPlot.AlignedData = [points.map((p) => p.x), points.map((p) => p.y)];
  const options = {
    height: 260,
    scales: { x: { time: false } },
    series: [
      { label: props.param },
      {
        label: props.metric,
        stroke: PALETTE[0],
        paths: () => null,
        points: { show: true, size: 9 },
      },
    ],
  };
  return (
    <div data-testid="scatter" data-points={points.length}>
      {points.length === 0 && (
        <p className="muted">
          No run has a numeric {props.param} and a {props.metric}.
        </p>
      )}
      <Plot
        options={options}
        data={data}
        shape={`${props.param}|${props.metric}|${points.length}`}
      />
    </div>
  );
}

/** Compare runs: metric chart, params/metrics diff table, param-vs-metric scatter. */
export function ComparePage(props: { runIds: string[]; experimentId: string | null }) {
  const [runs, setRuns] = useState<Run[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const key = props.runIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids
  useEffect(() => {
    loadRuns(props.runIds, props.experimentId).then(setRuns, setError);
  }, [key]);
  const metricKeys = [...new Set(runs.flatMap((r) => r.metricSummaries.map((m) => m.key)))].sort();
  const paramKeys = [...new Set(runs.flatMap((r) => r.params.map((p) => p.key)))].sort();
  const [metric, setMetric] = useState<string | null>(null);
  const [param, setParam] = useState<string | null>(null);
  const m = metric ?? metricKeys[0] ?? null;
  const p = param ?? paramKeys[0] ?? null;
  const rows = [
    ...paramKeys.map((k) => ({
      label: `param ${k}`,
      values: runs.map((r) => r.params.find((x) => x.key === k)?.value ?? ''),
    })),
    ...metricKeys.map((k) => ({
      label: `metric ${k}`,
      values: runs.map((r) => formatValue(r.metricSummaries.find((x) => x.key === k)?.last.value)),
    })),
  ].map((row) => ({ ...row, differs: new Set(row.values).size > 1 }));
  return (
    <div className="page">
      <h1>Compare {runs.length} runs</h1>
      <ErrorBox error={error} />
      <Section title="Metric">
        <select aria-label="Metric" value={m ?? ''} onChange={(e) => setMetric(e.target.value)}>
          {metricKeys.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        {m && runs.length > 0 && <CompareChart runs={runs} metricKey={m} />}
      </Section>
      <Section title="Differences">
        <label>
          <input
            type="checkbox"
            checked={onlyDiff}
            onChange={(e) => setOnlyDiff(e.target.checked)}
          />{' '}
          Only rows that differ
        </label>
        <table className="grid" data-testid="diff-table">
          <thead>
            <tr>
              <th />
              {runs.map((r) => (
                <th key={r.runId}>
                  <Link to={`/runs/${r.runId}`}>{r.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((row) => !onlyDiff || row.differs)
              .map((row) => (
                <tr key={row.label} className={row.differs ? 'diff' : ''}>
                  <th>{row.label}</th>
                  {row.values.map((v, i) => (
                    <td key={runs[i]!.runId}>{v}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </Section>
      <Section title="Scatter">
        <div className="toolbar">
          <select
            aria-label="Scatter param"
            value={p ?? ''}
            onChange={(e) => setParam(e.target.value)}
          >
            {paramKeys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          against
          <select
            aria-label="Scatter metric"
            value={m ?? ''}
            onChange={(e) => setMetric(e.target.value)}
          >
            {metricKeys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        {p && m && <Scatter runs={runs} param={p} metric={m} />}
      </Section>
    </div>
  );
}
