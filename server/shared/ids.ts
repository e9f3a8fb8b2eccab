import { randomUUID } from 'node:crypto';

/** A new 32-character lowercase hex id, MLflow's `uuid4().hex`. */
export function newId(): string {
  return randomUUID().replaceAll('-', '');
}

/** Whether `id` has the shape of a run id MLflow accepts (`^[a-zA-Z0-9][\w-]{0,255}$`). */
export function isRunIdShape(id: string): boolean {
  return /^[a-zA-Z0-9][\w-]{0,255}$/.test(id);
}

/** Parses an experiment id ("0", "12"); returns null when it is not a non-negative integer. */
export function parseExperimentId(id: string): number | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  return Number(id);
}
