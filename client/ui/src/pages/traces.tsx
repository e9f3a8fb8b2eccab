import { useState } from 'react';
import { useQuery } from '../api/hooks.ts';
import { GetTrace, SearchTraces } from '../api/models-traces.ts';
import { ErrorBox, formatDuration, formatTime, KeyValues, Section } from '../components/common.tsx';
import { FilterBox } from '../components/search-list.tsx';
import type { UiTraceQuery } from '../gql/graphql.ts';
import { Link } from '../router.tsx';

type Span = NonNullable<UiTraceQuery['trace']>['spans'][number];

/** Traces of an experiment, with MLflow's trace filter. */
export function TracesPage(props: { experimentId: string }) {
  const [filter, setFilter] = useState('');
  const [after, setAfter] = useState<string | undefined>();
  const q = useQuery(SearchTraces, {
    experimentIds: [props.experimentId],
    filter: filter || undefined,
    after,
  });
  const edges = q.data?.searchTraces.edges ?? [];
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/">Experiments</Link> /{' '}
        <Link to={`/experiments/${props.experimentId}`}>experiment {props.experimentId}</Link> /
        traces
      </div>
      <h1>Traces</h1>
      <FilterBox
        label="Filter traces"
        placeholder="status = 'OK' AND execution_time_ms > 100"
        error={q.error}
        onApply={(f) => {
          setAfter(undefined);
          setFilter(f);
        }}
      />
      <table className="grid" data-testid="traces">
        <thead>
          <tr>
            <th>Trace</th>
            <th>Name</th>
            <th>State</th>
            <th>Time</th>
            <th>Duration</th>
            <th>Request</th>
            <th>Response</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node: t }) => (
            <tr key={t.traceId}>
              <td>
                <Link to={`/traces/${t.traceId}`}>{t.traceId.slice(0, 12)}…</Link>
              </td>
              <td>{t.tags.find((x) => x.key === 'mlflow.traceName')?.value ?? ''}</td>
              <td className={`state-${t.state}`}>{t.state}</td>
              <td>{formatTime(t.requestTime)}</td>
              <td>{formatDuration(t.executionDuration)}</td>
              <td className="clip">{t.requestPreview ?? ''}</td>
              <td className="clip">{t.responsePreview ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {q.data?.searchTraces.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() => setAfter(q.data?.searchTraces.pageInfo.endCursor ?? undefined)}
        >
          Next page
        </button>
      )}
    </div>
  );
}

/** ms from a decimal nanosecond string, relative to `origin` (both BigInt-exact). */
function msSince(ns: string, origin: bigint): number {
  return Number(BigInt(ns) - origin) / 1e6;
}

/** Spans in depth-first order with their depth (children by start time). */
function flatten(spans: Span[]): { span: Span; depth: number }[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const kids = new Map<string | null, Span[]>();
  for (const s of spans) {
    const p = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : null;
    kids.set(p, [...(kids.get(p) ?? []), s]);
  }
  const out: { span: Span; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = [...(kids.get(parent) ?? [])].sort((a, b) =>
      BigInt(a.startTimeNs) < BigInt(b.startTimeNs) ? -1 : 1,
    );
    for (const s of list) {
      out.push({ span: s, depth });
      visit(s.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

function pretty(json: string | null): string {
  if (json == null) return '';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** A trace: its span tree with timing bars; the chosen span's inputs, outputs, attributes, errors. */
export function TracePage(props: { traceId: string }) {
  const q = useQuery(GetTrace, { traceId: props.traceId });
  const [chosen, setChosen] = useState<string | null>(null);
  const t = q.data?.trace;
  if (!t)
    return (
      <div className="page">
        <ErrorBox error={q.error} />
        {q.data && <p>No such trace.</p>}
      </div>
    );
  const rows = flatten(t.spans);
  const origin = rows.length
    ? rows.reduce(
        (m, r) => (BigInt(r.span.startTimeNs) < m ? BigInt(r.span.startTimeNs) : m),
        BigInt(rows[0]!.span.startTimeNs),
      )
    : 0n;
  const total = Math.max(
    1,
    ...rows.map((r) => msSince(r.span.endTimeNs ?? r.span.startTimeNs, origin)),
  );
  const span = t.spans.find((s) => s.spanId === chosen) ?? rows[0]?.span ?? null;
  return (
    <div className="page">
      <div className="crumbs">
        <Link to={`/traces?experiment=${t.experimentId}`}>Traces</Link> / {t.traceId}
      </div>
      <h1>
        Trace <code>{t.traceId}</code> <span className={`badge state-${t.state}`}>{t.state}</span>
      </h1>
      <p>
        {formatTime(t.requestTime)} · {formatDuration(t.executionDuration)}
      </p>
      <div className="trace">
        <div className="span-tree" data-testid="span-tree">
          {rows.map(({ span: s, depth }) => {
            const start = msSince(s.startTimeNs, origin);
            const end = msSince(s.endTimeNs ?? s.startTimeNs, origin);
            return (
              <button
                type="button"
                key={s.spanId}
                className={`span-row ${s.spanId === span?.spanId ? 'selected' : ''} ${s.statusCode === 'ERROR' ? 'failed' : ''}`}
                onClick={() => setChosen(s.spanId)}
              >
                <span className="span-name" style={{ paddingLeft: `${depth * 1.2}em` }}>
                  {s.name} <span className="muted">{s.spanType}</span>
                </span>
                <span className="span-bar">
                  <span
                    style={{
                      left: `${(start / total) * 100}%`,
                      width: `${Math.max(0.5, ((end - start) / total) * 100)}%`,
                    }}
                  />
                </span>
                <span className="span-time">{formatDuration(end - start)}</span>
              </button>
            );
          })}
        </div>
        {span && (
          <div className="span-detail" data-testid="span-detail">
            <h2>{span.name}</h2>
            {span.statusCode === 'ERROR' && (
              <div className="error">
                ERROR {span.statusMessage}
                {span.events
                  .filter((e) => e.name === 'exception')
                  .map((e) => (
                    <pre key={e.timeNs}>
                      {e.attributes.map((a) => `${a.key}: ${pretty(a.value)}`).join('\n')}
                    </pre>
                  ))}
              </div>
            )}
            <Section title="Inputs">
              <pre>{pretty(span.inputs)}</pre>
            </Section>
            <Section title="Outputs">
              <pre>{pretty(span.outputs)}</pre>
            </Section>
            <Section title="Attributes">
              <KeyValues
                items={span.attributes
                  .filter((a) => !a.key.startsWith('mlflow.span'))
                  .map((a) => ({ key: a.key, value: pretty(a.value) }))}
              />
            </Section>
            <Section title="Events">
              <KeyValues
                items={span.events.map((e) => ({
                  key: e.name,
                  value: e.attributes.map((a) => `${a.key}=${a.value}`).join(' '),
                }))}
              />
            </Section>
          </div>
        )}
      </div>
      <Section title="Tags">
        <KeyValues items={t.tags} />
      </Section>
      <Section title="Metadata">
        <KeyValues items={t.metadata} />
      </Section>
    </div>
  );
}
