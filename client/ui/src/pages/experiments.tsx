import { type FormEvent, useState } from 'react';
import { errorText, run } from '../api/client.ts';
import {
  CreateExperiment,
  DeleteExperiment,
  RenameExperiment,
  RestoreExperiment,
  SearchExperiments,
} from '../api/experiments.ts';
import { useQuery } from '../api/hooks.ts';
import { ErrorBox, formatTime } from '../components/common.tsx';
import { Link, navigate } from '../router.tsx';

/** Builds the experiment search filter for the text typed in the box. */
function filterFor(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  // a filter expression is passed as is; plain words search names
  if (/\b(name|tags\.|creation_time|last_update_time)\b/.test(t)) return t;
  return `name ILIKE '%${t.replaceAll("'", '')}%'`;
}

/** The experiments list: search, create, rename, delete and restore. */
export function ExperimentsPage() {
  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useQuery(SearchExperiments, {
    filter: filterFor(search),
    viewType: deleted ? 'DELETED_ONLY' : 'ACTIVE_ONLY',
    after,
  });
  const act = async (fn: () => Promise<{ __typename: string; message?: string }>) => {
    setActionError(null);
    try {
      const r = await fn();
      if ('message' in r && r.message) setActionError(r.message);
      list.refetch();
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  const [name, setName] = useState('');
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setActionError(null);
    try {
      const r = (await run(CreateExperiment, { name })).createExperiment;
      if (r.__typename === 'CreateExperimentSuccess') {
        navigate(`/experiments/${r.experiment.experimentId}`);
      } else if ('message' in r) setActionError(r.message);
    } catch (err) {
      setActionError(errorText(err));
    }
  };
  const rename = (experimentId: string, old: string) => {
    const newName = window.prompt('New name', old);
    if (newName && newName !== old) {
      void act(
        async () => (await run(RenameExperiment, { experimentId, newName })).renameExperiment,
      );
    }
  };
  const edges = list.data?.searchExperiments.edges ?? [];
  return (
    <div className="page">
      <h1>Experiments</h1>
      <div className="toolbar">
        <input
          aria-label="Search experiments"
          placeholder="Search by name, or a filter such as tags.team = 'a'"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setAfter(undefined);
          }}
        />
        <label>
          <input type="checkbox" checked={deleted} onChange={(e) => setDeleted(e.target.checked)} />{' '}
          Deleted
        </label>
        <form onSubmit={create} className="inline">
          <input
            aria-label="New experiment name"
            placeholder="New experiment name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={name.trim() === ''}>
            Create
          </button>
        </form>
      </div>
      {actionError && <div className="error">{actionError}</div>}
      <ErrorBox error={list.error} />
      <table className="grid" data-testid="experiments">
        <thead>
          <tr>
            <th>ID</th>
            <th>Name</th>
            <th>Created</th>
            <th>Updated</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node: x }) => (
            <tr key={x.experimentId}>
              <td>{x.experimentId}</td>
              <td>
                <Link to={`/experiments/${x.experimentId}`}>{x.name}</Link>
              </td>
              <td>{formatTime(x.creationTime)}</td>
              <td>{formatTime(x.lastUpdateTime)}</td>
              <td className="actions">
                {x.lifecycleStage === 'ACTIVE' ? (
                  <>
                    <button type="button" onClick={() => rename(x.experimentId, x.name)}>
                      Rename
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        act(
                          async () =>
                            (await run(DeleteExperiment, { experimentId: x.experimentId }))
                              .deleteExperiment,
                        )
                      }
                    >
                      Delete
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    onClick={() =>
                      act(
                        async () =>
                          (await run(RestoreExperiment, { experimentId: x.experimentId }))
                            .restoreExperiment,
                      )
                    }
                  >
                    Restore
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        {after && (
          <button type="button" onClick={() => setAfter(undefined)}>
            First page
          </button>
        )}
        {list.data?.searchExperiments.pageInfo.hasNextPage && (
          <button
            type="button"
            onClick={() => setAfter(list.data?.searchExperiments.pageInfo.endCursor ?? undefined)}
          >
            Next page
          </button>
        )}
      </div>
    </div>
  );
}
