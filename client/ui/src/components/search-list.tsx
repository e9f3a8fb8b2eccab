import { type ReactNode, useState } from 'react';
import { errorText } from '../api/client.ts';
import { errorOffset } from '../pages/run-columns.tsx';

/** A filter box that applies on Enter and shows the server's error at the character it names. */
export function FilterBox(props: {
  placeholder: string;
  label: string;
  error: unknown;
  onApply: (filter: string) => void;
  children?: ReactNode;
}) {
  const [draft, setDraft] = useState('');
  const [applied, setApplied] = useState('');
  const message = props.error ? errorText(props.error) : null;
  const at = message ? errorOffset(message) : null;
  return (
    <>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft.trim());
          props.onApply(draft.trim());
        }}
      >
        <input
          className="wide mono"
          aria-label={props.label}
          placeholder={props.placeholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Search</button>
        {props.children}
      </form>
      {message && (
        <div className="error" role="alert" data-testid="filter-error" data-offset={at ?? ''}>
          <div>{message}</div>
          {at !== null && <pre className="caret">{`${applied}\n${' '.repeat(at)}^`}</pre>}
        </div>
      )}
    </>
  );
}
