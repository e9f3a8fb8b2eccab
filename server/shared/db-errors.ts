import { DeadlineExceededError, type DomainError, UnavailableError } from './errors.ts';

/** Node socket errors meaning the database cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a database that is down, restarting or out of connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg's messages for a connection that died without a code. */
const LOST_CONNECTION =
  /Connection terminated|connection error and is not queryable|Client was closed|Timeout acquiring a connection/;

function* chain(err: unknown): Generator<{ code?: unknown; message?: unknown; name?: unknown }> {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    yield e as { code?: unknown; message?: unknown };
    e = (e as { cause?: unknown }).cause;
  }
}

/**
 * The typed error an infrastructure failure stands for, or undefined for anything else: a lost or
 * refused database becomes TEMPORARILY_UNAVAILABLE; a statement cut by the statement timeout (or
 * cancelled because its client disconnected) becomes DEADLINE_EXCEEDED.
 *
 * @remarks Looks through MikroORM's and knex's wrappers (they copy the driver's `code`) and
 * `cause` chains. Both transports (GraphQL's error masking and the REST error writer) use it, so
 * neither answers a 500 or a masked error for an outage.
 */
export function infrastructureError(err: unknown): DomainError | undefined {
  for (const e of chain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === '57014') {
      return new DeadlineExceededError(
        /statement timeout/.test(message)
          ? 'The request ran past the server statement timeout (TRACKQL_STATEMENT_TIMEOUT_MS); narrow it (filter, page size) or ask the operator to raise the limit.'
          : 'The request was cancelled.',
      );
    }
    if (
      NETWORK_CODES.has(code) ||
      code.startsWith('08') ||
      UNAVAILABLE_STATES.has(code) ||
      e.name === 'KnexTimeoutError' ||
      LOST_CONNECTION.test(message)
    ) {
      return new UnavailableError();
    }
  }
  return undefined;
}

/** HTTP status of an infrastructure error (MLflow: 503 TEMPORARILY_UNAVAILABLE, 504 DEADLINE_EXCEEDED). */
export function infrastructureStatus(err: DomainError): number {
  return err instanceof UnavailableError ? 503 : 504;
}
