import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from '../api/hooks.ts';
import { GetRun, RunStatusEvents } from '../api/runs.ts';
import { LiveChart } from '../charts/live-chart.tsx';
import {
  ErrorBox,
  formatDuration,
  formatTime,
  formatValue,
  KeyValues,
  Section,
} from '../components/common.tsx';
import { Link } from '../router.tsx';
import { ArtifactBrowser } from './artifacts.tsx';

const MAX_CHARTS = 6;

/** A run: overview, live metric charts, params, tags, datasets, models and artifacts. */
export function RunPage(props: { runId: string }) {
  const q = useQuery(GetRun, { runId: props.runId });
  const [live, setLive] = useState<{ status?: string; endTime?: number | null; name?: string }>({});
  useSubscription(RunStatusEvents, { runId: props.runId }, (d) => {
    const e = d.runEvents;
    setLive((old) => ({
      status: e.status ?? old.status,
      endTime: e.endTime ?? old.endTime,
      name: e.name ?? old.name,
    }));
    // a new metric key or param shows up on the next read
    if (e.kind === 'PARAMS_LOGGED' || e.kind === 'TAGS_SET' || e.kind === 'ENDED') q.refetch();
  });
  const [charted, setCharted] = useState<string[] | null>(null);
  const r = q.data?.run;
  // new metric keys and the summaries of a running run: read again every 2 s (charts are live)
  const running = (live.status ?? r?.status) === 'RUNNING';
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch is stable
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => q.refetch(), 2000);
    return () => clearInterval(t);
  }, [running]);
  if (!r) {
    return (
      <div className="page">
        <ErrorBox error={q.error} />
        {q.data && !r && <p>Run {props.runId} does not exist.</p>}
      </div>
    );
  }
  const tag = (k: string) => r.tags.find((t) => t.key === k)?.value;
  const status = live.status ?? r.status;
  const endTime = live.endTime ?? r.endTime;
  const keys = r.metricSummaries.map((m) => m.key);
  const shown = charted ?? keys.slice(0, MAX_CHARTS);
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/">Experiments</Link> /{' '}
        <Link to={`/experiments/${r.experimentId}`}>{r.experiment.name}</Link> /{' '}
        {live.name ?? r.name}
      </div>
      <h1>
        {live.name ?? r.name}{' '}
        <span className={`badge status-${status}`} data-testid="run-status">
          {status}
        </span>
      </h1>
      <Section title="Overview">
        <KeyValues
          items={[
            { key: 'Run ID', value: <code>{r.runId}</code> },
            { key: 'Status', value: status },
            { key: 'Started', value: formatTime(r.startTime) },
            { key: 'Ended', value: formatTime(endTime) },
            { key: 'Duration', value: formatDuration((endTime ?? Date.now()) - r.startTime) },
            { key: 'User', value: r.userId },
            { key: 'Source', value: tag('mlflow.source.name') ?? '' },
            { key: 'Git commit', value: <code>{tag('mlflow.source.git.commit') ?? ''}</code> },
            {
              key: 'Parent',
              value: r.parent ? <Link to={`/runs/${r.parent.runId}`}>{r.parent.name}</Link> : '',
            },
            {
              key: 'Children',
              value: r.children.map((c) => (
                <span key={c.runId} className="chip">
                  <Link to={`/runs/${c.runId}`}>{c.name}</Link> {c.status}
                </span>
              )),
            },
            { key: 'Artifact URI', value: <code>{r.artifactUri}</code> },
          ]}
        />
        {tag('mlflow.note.content') && (
          <div className="note" data-testid="run-note">
            <h3>Notes</h3>
            <pre>{tag('mlflow.note.content')}</pre>
          </div>
        )}
      </Section>
      <Section title="Metrics">
        <div className="toolbar wrap">
          {keys.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={shown.includes(k)}
                onChange={(e) =>
                  setCharted(e.target.checked ? [...shown, k] : shown.filter((s) => s !== k))
                }
              />{' '}
              {k}
            </label>
          ))}
        </div>
        <table className="grid">
          <thead>
            <tr>
              <th>Key</th>
              <th>Last</th>
              <th>Step</th>
              <th>Min</th>
              <th>Max</th>
            </tr>
          </thead>
          <tbody>
            {r.metricSummaries.map((m) => (
              <tr key={m.key}>
                <td>{m.key}</td>
                <td>{formatValue(m.last.value)}</td>
                <td>{m.last.step}</td>
                <td>{formatValue(m.min)}</td>
                <td>{formatValue(m.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="charts">
          {shown.map((k) => (
            <LiveChart key={k} runId={r.runId} metricKey={k} runStart={r.startTime} />
          ))}
        </div>
      </Section>
      <Section title="Parameters">
        <KeyValues items={r.params} />
      </Section>
      <Section title="Tags">
        <KeyValues items={r.tags} />
      </Section>
      <Section title="Datasets">
        <KeyValues
          items={r.inputs.map((i) => ({
            key: `${i.dataset.name} (${i.dataset.digest})`,
            value: `${i.context ?? ''} ${i.dataset.sourceType}: ${i.dataset.source}`,
          }))}
        />
      </Section>
      <Section title="Logged models">
        <KeyValues
          items={[
            ...r.outputs.map((o) => ({
              key: `output, step ${o.step}`,
              value: <Link to={`/models/${o.modelId}`}>{o.model.name}</Link>,
            })),
            ...r.modelInputs.map((o) => ({
              key: `input ${o.modelId}`,
              value: <Link to={`/models/${o.modelId}`}>{o.model.name}</Link>,
            })),
          ]}
        />
      </Section>
      <Section title="Artifacts" id="artifacts">
        <ArtifactBrowser runId={r.runId} />
      </Section>
    </div>
  );
}
