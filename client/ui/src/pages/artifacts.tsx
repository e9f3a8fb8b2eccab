import { useEffect, useState } from 'react';
import { authHeader } from '../api/auth.ts';
import { useQuery } from '../api/hooks.ts';
import { RunArtifacts } from '../api/runs.ts';
import { ErrorBox, formatTime } from '../components/common.tsx';

/** Bytes read for a text preview (the server honours Range). */
const PREVIEW_BYTES = 256 * 1024;
const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp)$/i;
const TABLE = /\.(csv|tsv)$/i;
const JSON_FILE = /\.json$/i;

function urlOf(runId: string, path: string): string {
  return `/artifacts/${encodeURIComponent(runId)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function formatSize(n: number | null | undefined): string {
  if (n == null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** Splits delimited text into rows (quotes handled), at most `limit` rows. */
export function parseTable(text: string, sep: string, limit = 200): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || rows.length >= limit) continue;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === sep) {
        cells.push(cur);
        cur = '';
      } else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

type Preview =
  | { kind: 'image'; url: string }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'table'; rows: { id: number; cells: { id: number; text: string }[] }[] }
  | { kind: 'error'; message: string };

async function loadPreview(runId: string, path: string, size: number): Promise<Preview> {
  const image = IMAGE.test(path);
  const headers: Record<string, string> = { ...authHeader() };
  if (!image) headers.range = `bytes=0-${PREVIEW_BYTES - 1}`;
  const res = await fetch(urlOf(runId, path), { headers });
  if (!res.ok) return { kind: 'error', message: `${res.status} ${res.statusText}` };
  if (image) return { kind: 'image', url: URL.createObjectURL(await res.blob()) };
  const text = await res.text();
  const truncated = size > PREVIEW_BYTES;
  if (TABLE.test(path)) {
    const rows = parseTable(text, path.endsWith('.tsv') ? '\t' : ',');
    // rows and cells are positions in the file: their index is their identity
    return {
      kind: 'table',
      rows: rows.map((r, id) => ({ id, cells: r.map((text, j) => ({ id: j, text })) })),
    };
  }
  if (JSON_FILE.test(path) && !truncated) {
    try {
      return { kind: 'text', text: JSON.stringify(JSON.parse(text), null, 2), truncated };
    } catch {
      // shown as it is
    }
  }
  return { kind: 'text', text, truncated };
}

/** Downloads an artifact (with the token, so it works when auth is on) as a file. */
async function download(runId: string, path: string) {
  const res = await fetch(urlOf(runId, path), { headers: authHeader() });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = path.split('/').pop() ?? 'artifact';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The run's artifacts: folders to walk through, files to preview or download. */
export function ArtifactBrowser(props: { runId: string }) {
  const [dir, setDir] = useState('');
  const [file, setFile] = useState<{ path: string; size: number } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const q = useQuery(RunArtifacts, { runId: props.runId, path: dir });
  useEffect(() => {
    if (!file) return;
    let live = true;
    setPreview(null);
    loadPreview(props.runId, file.path, file.size).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setPreview({ kind: 'error', message: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [file, props.runId]);
  useEffect(
    () => () => {
      if (preview?.kind === 'image') URL.revokeObjectURL(preview.url);
    },
    [preview],
  );
  const entries = q.data?.run?.artifacts.edges.map((e) => e.node) ?? [];
  const up = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  return (
    <div className="artifacts">
      <div className="artifact-list">
        <div className="muted">/{dir}</div>
        <ErrorBox error={q.error} />
        <ul data-testid="artifact-list">
          {dir !== '' && (
            <li>
              <button type="button" className="link" onClick={() => setDir(up)}>
                ..
              </button>
            </li>
          )}
          {entries.map((e) => (
            <li key={e.path}>
              <button
                type="button"
                className={`link ${file?.path === e.path ? 'selected' : ''}`}
                onClick={() =>
                  e.isDir ? setDir(e.path) : setFile({ path: e.path, size: e.fileSize ?? 0 })
                }
              >
                {e.isDir ? '📁 ' : ''}
                {e.name}
              </button>{' '}
              <span className="muted">{formatSize(e.totalSize)}</span>
            </li>
          ))}
          {entries.length === 0 && !q.loading && <li className="muted">No artifacts</li>}
        </ul>
      </div>
      <div className="artifact-preview" data-testid="artifact-preview">
        {file && (
          <div className="toolbar">
            <code>{file.path}</code>
            <button type="button" onClick={() => void download(props.runId, file.path)}>
              Download
            </button>
            <span className="muted">
              {formatSize(file.size)}{' '}
              {formatTime(entries.find((e) => e.path === file.path)?.lastModified)}
            </span>
          </div>
        )}
        {preview?.kind === 'image' && <img src={preview.url} alt={file?.path} />}
        {preview?.kind === 'text' && (
          <pre className="text-preview">
            {preview.text}
            {preview.truncated ? '\n…' : ''}
          </pre>
        )}
        {preview?.kind === 'table' && (
          <table className="grid">
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.id}>
                  {row.cells.map((c) =>
                    row.id === 0 ? <th key={c.id}>{c.text}</th> : <td key={c.id}>{c.text}</td>,
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {preview?.kind === 'error' && <div className="error">{preview.message}</div>}
      </div>
    </div>
  );
}
