/**
 * Resolves once `condition` holds, checking after each turn of the event loop (and every 5 ms);
 * rejects naming `what` after `timeoutMs`. Tests wait on a state this way, never on a fixed sleep.
 */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
