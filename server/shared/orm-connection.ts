import { TransactionContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import { currentRequestScope } from './request-scope.ts';

/**
 * The one place that reaches below MikroORM's and knex's public API: it borrows the raw `pg`
 * connection the ORM itself would use for the current unit of work.
 *
 * @remarks Relied on (pinned by `test/server/orm-connection.test.ts`, MikroORM 6.6.16, knex 3.x):
 * - MikroORM runs an `em.transactional` callback inside `TransactionContext` (public export) with
 *   the transaction's fork, whose `getTransactionContext()` is the knex transaction;
 * - a knex transaction's `client.acquireConnection()` resolves to the transaction's own connection
 *   and its `releaseConnection()` does nothing; the root knex client's pair borrows from and
 *   returns to the pool (both undocumented knex internals);
 * - knex's PostgreSQL dialect hands out `pg.Client` instances.
 */
interface KnexConnectionSource {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

interface KnexLike {
  client: KnexConnectionSource;
}

/**
 * The entity manager of the transaction the caller runs in, if any, for the same ORM as `em`:
 * `em` itself when it holds one, else the fork MikroORM put in its transaction context.
 */
export function transactionEm(em: EntityManager): EntityManager | undefined {
  if (em.isInTransaction()) return em;
  const tx = TransactionContext.getEntityManager(em.name) as EntityManager | undefined;
  // another ORM instance (another app in this process) may have the same name
  if (tx && tx.getDriver() === em.getDriver() && tx.isInTransaction()) return tx;
  return undefined;
}

function isPgClient(conn: unknown): conn is ClientBase {
  return (
    typeof conn === 'object' &&
    conn !== null &&
    typeof (conn as ClientBase).query === 'function' &&
    'processID' in conn
  );
}

/**
 * Runs `fn` on the ORM's connection for the current unit of work: the transaction's connection
 * inside `em.transactional` (or {@link Db.transaction}), otherwise one borrowed from the ORM's pool
 * for the duration of `fn`.
 */
export async function withOrmConnection<T>(
  em: EntityManager,
  fn: (client: ClientBase) => Promise<T>,
): Promise<T> {
  const tx = transactionEm(em);
  const knex = (tx ? tx.getTransactionContext() : em.getKnex()) as KnexLike | undefined;
  const source = knex?.client;
  if (!source || typeof source.acquireConnection !== 'function') {
    throw new Error('orm-connection: knex client has no acquireConnection (knex changed?)');
  }
  const conn = await source.acquireConnection();
  if (!isPgClient(conn)) {
    await source.releaseConnection(conn);
    throw new Error('orm-connection: knex handed out something that is not a pg client');
  }
  // a client that disconnects cancels the statements its request runs here (request-scope.ts)
  const scope = currentRequestScope();
  scope?.hold(conn);
  try {
    return await fn(conn);
  } finally {
    await scope?.release(conn);
    await source.releaseConnection(conn);
  }
}
