import { InvalidValueError } from '@trackql/node';

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/**
 * Parses a duration such as `30d`, `1d2h`, `90m` or `45s` (MLflow's `--older-than` format: days,
 * hours, minutes and seconds, in that order) into ms; a bare `0` is 0.
 *
 * @throws {@link InvalidValueError} (field `older-than`) for anything else.
 */
export function parseDuration(text: string, field = 'older-than'): number {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (text.trim() === '0') return 0;
  if (!m || text.trim() === '') {
    throw new InvalidValueError(
      field,
      `Invalid duration '${text}': use days, hours, minutes and seconds, e.g. 30d, 1d2h, 90m, 45s`,
    );
  }
  const ms = ['d', 'h', 'm', 's'].reduce((sum, u, i) => sum + Number(m[i + 1] ?? 0) * UNITS[u]!, 0);
  if (!Number.isSafeInteger(ms))
    throw new InvalidValueError(field, `Duration '${text}' is too long`);
  return ms;
}
