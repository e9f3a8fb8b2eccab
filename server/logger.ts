import type { LogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A structured logger writing one JSON object per line; the shape yoga's `logging` option accepts. */
export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

function serialise(arg: unknown): unknown {
  if (arg instanceof Error) return { name: arg.name, message: arg.message, stack: arg.stack };
  return arg;
}

/**
 * Creates a JSON-lines logger that drops messages below `level`.
 *
 * @remarks The first string argument becomes `msg`; a plain object is merged in; anything else goes to `args`.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l),
): Logger {
  const log = (lvl: Exclude<LogLevel, 'silent'>, args: unknown[]) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl };
    const rest: unknown[] = [];
    for (const arg of args) {
      if (typeof arg === 'string' && entry.msg === undefined) entry.msg = arg;
      else if (arg && typeof arg === 'object' && !(arg instanceof Error) && !Array.isArray(arg))
        Object.assign(entry, arg);
      else rest.push(serialise(arg));
    }
    if (rest.length > 0) entry.args = rest;
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (...a) => log('debug', a),
    info: (...a) => log('info', a),
    warn: (...a) => log('warn', a),
    error: (...a) => log('error', a),
  };
}
