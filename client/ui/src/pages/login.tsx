import { type FormEvent, useState } from 'react';
import { setToken } from '../api/auth.ts';
import { errorText } from '../api/client.ts';

/**
 * Sign-in: the username and password are sent once, as HTTP Basic, to `createApiToken`; the token
 * it returns is kept in sessionStorage and sent as a Bearer token from then on (HTTP and WebSocket).
 */
export function LoginPage(props: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-requested-with': 'XMLHttpRequest',
          authorization: `Basic ${btoa(unescape(encodeURIComponent(`${username}:${password}`)))}`,
        },
        body: JSON.stringify({
          query:
            'mutation UiSignIn($name: String!) { createApiToken(input: { name: $name }) { __typename ... on CreateApiTokenSuccess { created { secret } } ... on Error { message } } }',
          variables: { name: `web UI sign-in ${new Date().toISOString()}` },
        }),
      });
      const body = (await res.json()) as {
        data?: {
          createApiToken: { __typename: string; created?: { secret: string }; message?: string };
        };
        errors?: { message: string }[];
      };
      const r = body.data?.createApiToken;
      if (r?.created) {
        setToken(r.created.secret);
        props.onSignedIn();
      } else setError(r?.message ?? body.errors?.[0]?.message ?? `Sign-in failed (${res.status})`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div className="page login">
      <h1>Sign in to trackql</h1>
      <form onSubmit={submit} className="card">
        <label>
          Username
          <input
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit">Sign in</button>
        {error && <div className="error">{error}</div>}
      </form>
    </div>
  );
}
