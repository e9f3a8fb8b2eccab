import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase, QueryResultRow } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { transactionEm, withOrmConnection } from './orm-connection.ts';

/** A connection that runs parameterised SQL with native array binding. */
export interface SqlClient {
  /**
   * Runs one statement. With `name`, the statement is prepared once per connection and later calls
   * only bind and execute it (for hot statements with a fixed text).
   */
  query<R extends QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<R[]>;
}

/**
 * Set-based SQL for the hot paths, on the ORM's own connection and transaction.
 *
 * @remarks When to use which: lifecycle CRUD (create, rename, delete, restore, tags) goes through
 * entities and the `em`; set-based statements over many rows (ingest, history, buckets, search,
 * COPY) go through `Db`, which binds JS arrays natively (for `unnest`), prepares named statements
 * and streams COPY, none of which knex offers. Both share one transaction system, the ORM's:
 * inside `em.transactional(...)` every `Db` call runs on that transaction's connection, and
 * {@link Db.transaction} is `em.transactional` underneath, so ORM writes and raw SQL in one unit of
 * work commit or roll back together. Outside a transaction each call borrows a connection from the
 * ORM's pool. The connection plumbing lives in `orm-connection.ts`.
 */
export class Db {
  constructor(
    private readonly em: EntityManager,
    private readonly onQuery?: (sql: string) => void,
  ) {}

  private wrap(client: ClientBase): SqlClient {
    return {
      query: async <R extends QueryResultRow>(text: string, values?: unknown[], name?: string) => {
        this.onQuery?.(text);
        const res = await client.query<R>(name ? { name, text, values } : { text, values });
        return res.rows;
      },
    };
  }

  /**
   * Runs one statement (`name`: see {@link SqlClient.query}); inside a transaction it is part of
   * it, otherwise it commits on its own.
   */
  query<R extends QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<R[]> {
    return withOrmConnection(this.em, (c) => this.wrap(c).query<R>(text, values, name));
  }

  /**
   * Runs `COPY (...) TO STDOUT`, handing each chunk of its output to `onChunk` as it arrives (a
   * chunk may end inside a row), so the caller can work while the server still sends.
   *
   * @remarks COPY takes no bound parameters: inline values only through `escapeLiteral` or as
   * checked numbers. With `(format binary)`, bytea columns arrive as raw bytes, without the hex
   * text a `select` sends (parse them with `CopyBinaryReader` of `pg-binary.ts`).
   */
  copyOut(text: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    return withOrmConnection(this.em, async (client) => {
      this.onQuery?.(text);
      for await (const chunk of client.query(copyTo(text))) onChunk(chunk as Buffer);
    });
  }

  /**
   * Runs `fn` on one connection; outside a transaction each statement commits on its own (inside
   * one, they belong to it).
   */
  transactionless<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T> {
    return withOrmConnection(this.em, (client) => fn(this.wrap(client)));
  }

  /**
   * Runs `fn` in a transaction, `em.transactional` underneath: it commits when `fn` resolves and
   * rolls back when it throws.
   *
   * @remarks `fn` also gets the transaction's entity manager: entities it changes are flushed in
   * the same transaction before commit. Called inside another transaction, it nests (a savepoint).
   */
  transaction<T>(fn: (sql: SqlClient, em: EntityManager) => Promise<T>): Promise<T> {
    // joins a transaction the caller already runs in (any fork of this ORM), as a savepoint
    const owner = transactionEm(this.em) ?? this.em;
    return owner.transactional((tx) =>
      withOrmConnection(tx, (client) => fn(this.wrap(client), tx)),
    );
  }
}

/** An int8 as text: a number when within ±(2^53-1), else a bigint (only metric steps go there). */
function parseInt8(v: string): number | bigint {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : BigInt(v);
}

/**
 * Makes `pg` return int8 and int8[] as JS numbers (safe to 2^53, the range the API accepts), and
 * as bigints beyond (metric steps take the whole int64 range).
 *
 * @remarks Called once at start; both the ORM and the raw hot paths read through these parsers.
 */
export async function installTypeParsers(): Promise<void> {
  const { types } = (await import('pg')).default;
  const INT8_ARRAY = 1016 as Parameters<typeof types.getTypeParser>[0];
  const parseInt8Array = types.getTypeParser(INT8_ARRAY);
  types.setTypeParser(types.builtins.INT8, parseInt8);
  types.setTypeParser(INT8_ARRAY, (v: string) =>
    (parseInt8Array(v) as unknown as string[]).map(parseInt8),
  );
}
