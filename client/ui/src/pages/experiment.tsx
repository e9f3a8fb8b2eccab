import { GetExperimentHeader } from '../api/experiments.ts';
import { useQuery } from '../api/hooks.ts';
import { ErrorBox } from '../components/common.tsx';
import { Link } from '../router.tsx';
import { RunsTable } from './runs-table.tsx';

/** One experiment: its runs table, with links to its logged models and traces. */
export function ExperimentPage(props: { experimentId: string }) {
  const q = useQuery(GetExperimentHeader, { experimentId: props.experimentId });
  const x = q.data?.experiment;
  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/">Experiments</Link> / {x?.name ?? props.experimentId}
      </div>
      <h1>
        {x?.name ?? '…'} {x?.lifecycleStage === 'DELETED' && <span className="badge">deleted</span>}
      </h1>
      <ErrorBox error={q.error} />
      <nav className="tabs">
        <span className="active">Runs</span>
        <Link to={`/models?experiment=${props.experimentId}`}>Logged models</Link>
        <Link to={`/traces?experiment=${props.experimentId}`}>Traces</Link>
      </nav>
      <RunsTable experimentId={props.experimentId} />
    </div>
  );
}
