import { useEffect, useState } from 'react';
import { getToken, signOut } from './api/auth.ts';
import { onAuthRequired } from './api/client.ts';
import { ComparePage } from './pages/compare.tsx';
import { ExperimentPage } from './pages/experiment.tsx';
import { ExperimentsPage } from './pages/experiments.tsx';
import { LoginPage } from './pages/login.tsx';
import { ModelPage, ModelsPage } from './pages/models.tsx';
import { RunPage } from './pages/run.tsx';
import { TracePage, TracesPage } from './pages/traces.tsx';
import { Link, match, type Route, useRoute } from './router.tsx';

function Page(props: { route: Route }) {
  const { path, query } = props.route;
  if (path === '/' || path === '/experiments') return <ExperimentsPage />;
  const experiment = match('/experiments/:id', path);
  if (experiment) return <ExperimentPage key={experiment.id} experimentId={experiment.id!} />;
  const runPage = match('/runs/:id', path);
  if (runPage) return <RunPage key={runPage.id} runId={runPage.id!} />;
  if (path === '/compare') {
    const runs = (query.get('runs') ?? '').split(',').filter((s) => s !== '');
    return <ComparePage runIds={runs} experimentId={query.get('experiment')} />;
  }
  if (path === '/models') return <ModelsPage experimentId={query.get('experiment') ?? '0'} />;
  const model = match('/models/:id', path);
  if (model) return <ModelPage key={model.id} modelId={model.id!} />;
  if (path === '/traces') return <TracesPage experimentId={query.get('experiment') ?? '0'} />;
  const trace = match('/traces/:id', path);
  if (trace) return <TracePage key={trace.id} traceId={trace.id!} />;
  return <p className="page">Nothing here.</p>;
}

/** The app: header, sign-in when the server asks for credentials, the page of the route. */
export function App() {
  const route = useRoute();
  const [needsLogin, setNeedsLogin] = useState(false);
  const [session, setSession] = useState(0);
  useEffect(() => onAuthRequired(() => setNeedsLogin(true)), []);
  const signedIn = getToken() !== null;
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          trackql
        </Link>
        <nav>
          <Link to="/">Experiments</Link>
          <a href="/graphql">GraphiQL</a>
        </nav>
        {signedIn && (
          <button
            type="button"
            className="link"
            onClick={() => {
              void signOut().then(() => setNeedsLogin(true));
            }}
          >
            Sign out
          </button>
        )}
      </header>
      <main>
        {needsLogin ? (
          <LoginPage
            onSignedIn={() => {
              setNeedsLogin(false);
              setSession((s) => s + 1);
            }}
          />
        ) : (
          <Page key={session} route={route} />
        )}
      </main>
    </>
  );
}
