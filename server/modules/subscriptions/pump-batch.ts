/** Something that serves what is ready to its subscriber when pumped (a pushing `LiveIterator`). */
export interface Pumpable {
  pump(): void;
}

/** Pushing iterators woken since the last flush, served together in one loop. */
const due = new Set<Pumpable>();
let flushArmed = false;

function flushDue(): void {
  flushArmed = false;
  const list = [...due];
  due.clear();
  for (const it of list) it.pump();
}

/**
 * Pumps `it` in the next batch: every iterator woken by one commit is served in one loop, a
 * `setImmediate` after the commit's publication.
 */
export function pumpSoon(it: Pumpable): void {
  due.add(it);
  if (!flushArmed) {
    flushArmed = true;
    setImmediate(flushDue);
  }
}

/** Takes `it` out of the next batch (it ended). */
export function cancelPump(it: Pumpable): void {
  due.delete(it);
}
