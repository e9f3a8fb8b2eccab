const KEY = 'trackql.token';

/** The signed-in user's API token, kept for this tab only (sessionStorage). */
export function getToken(): string | null {
  return window.sessionStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token === null) window.sessionStorage.removeItem(KEY);
  else window.sessionStorage.setItem(KEY, token);
}

/** `Authorization` header value for the stored token, if any. */
export function authHeader(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
