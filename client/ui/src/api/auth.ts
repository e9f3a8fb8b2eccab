const KEY = 'trackql.token';

/** The signed-in user's API token, kept for this tab only (sessionStorage). */
export function getToken(): string | null {
  return window.sessionStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token === null) window.sessionStorage.removeItem(KEY);
  else window.sessionStorage.setItem(KEY, token);
}

/**
 * Headers of every request the UI makes: the stored token as a Bearer `Authorization`, and
 * `X-Requested-With`, on which the server leaves out the Basic challenge that would make the
 * browser prompt for a password itself (the UI has its sign-in page).
 */
export function authHeader(): Record<string, string> {
  const token = getToken();
  return {
    'x-requested-with': 'XMLHttpRequest',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/**
 * Signs out: revokes the stored token on the server (`signOut`), so it stops working everywhere
 * (its open streams end too), then forgets it. The token is forgotten even when the server
 * cannot be reached.
 */
export async function signOut(): Promise<void> {
  if (getToken() === null) return;
  try {
    await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader() },
      body: JSON.stringify({ query: 'mutation UiSignOut { signOut { __typename } }' }),
    });
  } catch {
    // offline: the token stays valid on the server until it is revoked or expires
  } finally {
    setToken(null);
  }
}
