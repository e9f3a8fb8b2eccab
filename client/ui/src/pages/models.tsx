import { useState } from 'react';
import { useQuery } from '../api/hooks.ts';
import { GetModel, SearchModels } from '../api/models-traces.ts';
import {
  ErrorBox,
  formatDuration,
  formatTime,
  formatValue,
  KeyValues,
  Section,
} from '../components/common.tsx';
import { FilterBox } from '../components/search-list.tsx';
import { Link } from '../router.tsx';

/** Logged models of an experiment, with MLflow's logged-model filter. */
export function ModelsPage(props: { experimentId: string }) {
  const [filter, setFilter] = useState('');
  const [after, setAfter] = useState<string | undefined>();
  const q = useQuery(SearchModels, {
    experimentIds: [props.experimentId],
    filter: filter || undefined,
    after,
  });
  const edges = q.data?.searchLoggedModels.edges ?? [];
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/">Experiments</Link> /{' '}
        <Link to={`/experiments/${props.experimentId}`}>experiment {props.experimentId}</Link> /
        logged models
      </div>
      <h1>Logged models</h1>
      <FilterBox
        label="Filter models"
        placeholder="metrics.rmse < 0.5 AND params.alpha = '0.1'"
        error={q.error}
        onApply={(f) => {
          setAfter(undefined);
          setFilter(f);
        }}
      />
      <table className="grid" data-testid="models">
        <thead>
          <tr>
            <th>Name</th>
            <th>Model ID</th>
            <th>Status</th>
            <th>Type</th>
            <th>Created</th>
            <th>Source run</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node: m }) => (
            <tr key={m.modelId}>
              <td>
                <Link to={`/models/${m.modelId}`}>{m.name}</Link>
              </td>
              <td>
                <code>{m.modelId}</code>
              </td>
              <td>{m.status}</td>
              <td>{m.modelType ?? ''}</td>
              <td>{formatTime(m.creationTimestamp)}</td>
              <td>{m.sourceRunId && <Link to={`/runs/${m.sourceRunId}`}>{m.sourceRunId}</Link>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {q.data?.searchLoggedModels.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() => setAfter(q.data?.searchLoggedModels.pageInfo.endCursor ?? undefined)}
        >
          Next page
        </button>
      )}
    </div>
  );
}

/** One logged model: params, tags, metrics by dataset, source run and linked traces. */
export function ModelPage(props: { modelId: string }) {
  const q = useQuery(GetModel, { modelId: props.modelId });
  const m = q.data?.loggedModel;
  if (!m)
    return (
      <div className="page">
        <ErrorBox error={q.error} />
        {q.data && <p>No such model.</p>}
      </div>
    );
  const byDataset = new Map<string, typeof m.metrics>();
  for (const x of m.metrics) {
    const d = x.dataset ? `${x.dataset.name} (${x.dataset.digest})` : 'no dataset';
    byDataset.set(d, [...(byDataset.get(d) ?? []), x]);
  }
  return (
    <div className="page">
      <div className="crumbs">
        <Link to={`/models?experiment=${m.experimentId}`}>Logged models</Link> / {m.name}
      </div>
      <h1>
        {m.name} <span className="badge">{m.status}</span>
      </h1>
      <Section title="Overview">
        <KeyValues
          items={[
            { key: 'Model ID', value: <code>{m.modelId}</code> },
            { key: 'URI', value: <code>{m.modelUri}</code> },
            { key: 'Type', value: m.modelType ?? '' },
            { key: 'Created', value: formatTime(m.creationTimestamp) },
            {
              key: 'Source run',
              value: m.sourceRun ? (
                <Link to={`/runs/${m.sourceRun.runId}`}>{m.sourceRun.name}</Link>
              ) : (
                ''
              ),
            },
            { key: 'Artifacts', value: <code>{m.artifactUri}</code> },
          ]}
        />
      </Section>
      <Section title="Metrics by dataset">
        {[...byDataset].map(([d, ms]) => (
          <div key={d}>
            <h3>{d}</h3>
            <KeyValues
              items={ms.map((x) => ({
                key: `${x.key} @ step ${x.step}`,
                value: (
                  <>
                    {formatValue(x.value)} <Link to={`/runs/${x.runId}`}>run</Link>
                  </>
                ),
              }))}
            />
          </div>
        ))}
        {byDataset.size === 0 && <p className="muted">None</p>}
      </Section>
      <Section title="Parameters">
        <KeyValues items={m.params} />
      </Section>
      <Section title="Tags">
        <KeyValues items={m.tags} />
      </Section>
      <Section title="Linked traces">
        <KeyValues
          items={m.traces.edges.map(({ node: t }) => ({
            key: t.traceId,
            value: (
              <>
                <Link to={`/traces/${t.traceId}`}>{t.state}</Link> {formatTime(t.requestTime)}{' '}
                {formatDuration(t.executionDuration)}
              </>
            ),
          }))}
        />
      </Section>
    </div>
  );
}
