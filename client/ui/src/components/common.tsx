import type { ReactNode } from 'react';
import { errorText } from '../api/client.ts';

/** A date-time in the viewer's locale (ms since the epoch); empty for null. */
export function formatTime(ms: number | null | undefined): string {
  return ms == null ? '' : new Date(ms).toLocaleString();
}

/** A duration in ms as `1h 2m 3s`, `4.5s` or `120ms`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h ${m}m ${s % 60}s` : `${m}m ${s % 60}s`;
}

/** A metric value (number, or "NaN"/"Infinity" strings) shortened for a table cell. */
export function formatValue(v: number | string | null | undefined): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
}

/** A metric value as a number for charts (the strings NaN/±Infinity become numbers). */
export function toNumber(v: number | string | null | undefined): number | null {
  if (v == null) return null;
  return typeof v === 'number' ? v : Number(v);
}

export function ErrorBox(props: { error: unknown }) {
  if (!props.error) return null;
  return (
    <div className="error" role="alert">
      {errorText(props.error)}
    </div>
  );
}

export function KeyValues(props: { items: { key: string; value: ReactNode }[]; empty?: string }) {
  if (props.items.length === 0) return <p className="muted">{props.empty ?? 'None'}</p>;
  return (
    <table className="kv">
      <tbody>
        {props.items.map((i) => (
          <tr key={i.key}>
            <th>{i.key}</th>
            <td>{i.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Section(props: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="card" id={props.id}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
