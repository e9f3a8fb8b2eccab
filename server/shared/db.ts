import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolClient, QueryResultRow } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** A connection that runs parameterised SQL with native array binding. */
export interface SqlClient {
  /**
   * Runs one statement. With `name`, the statement is prepared once per connection and later calls
   * only bind and execute it (for hot statements with a fixed text).
   */
  query<R extends QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<R[]>;
}

/**
 * Set-based SQL for the hot paths, run on the ORM's own connection pool.
 *
 * @remarks knex expands JS arrays in bindings; hot paths bind arrays to `unnest` and need the
 * driver's binding, so this borrows a raw `pg` client from the pool the ORM already has.
 */
export class Db {
  constructor(
    private readonly em: EntityManager,
    private readonly onQuery?: (sql: string) => void,
  ) {}

  private async withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const knexClient = this.em.getKnex().client;
    const client: PoolClient = await knexClient.acquireConnection();
    try {
      return await fn(client);
    } finally {
      await knexClient.releaseConnection(client);
    }
  }

  private wrap(client: PoolClient): SqlClient {
    return {
      query: async <R extends QueryResultRow>(text: string, values?: unknown[], name?: string) => {
        this.onQuery?.(text);
        const res = await client.query<R>(name ? { name, text, values } : { text, values });
        return res.rows;
      },
    };
  }

  /** Runs one statement outside any transaction (`name`: see {@link SqlClient.query}). */
  query<R extends QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<R[]> {
    return this.withClient((c) => this.wrap(c).query<R>(text, values, name));
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
    return this.withClient(async (client) => {
      this.onQuery?.(text);
      for await (const chunk of client.query(copyTo(text))) onChunk(chunk as Buffer);
    });
  }

  /** Runs `fn` on one connection without a transaction: each statement commits on its own. */
  transactionless<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T> {
    return this.withClient((client) => fn(this.wrap(client)));
  }

  /** Runs `fn` in a transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      const sql = this.wrap(client);
      await sql.query('begin');
      try {
        const result = await fn(sql);
        await sql.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      }
    });
  }
}

/**
 * Makes `pg` return int8 and int8[] as JS numbers (safe to 2^53, the range the API accepts).
 *
 * @remarks Called once at start; both the ORM and the raw hot paths read through these parsers.
 */
export async function installTypeParsers(): Promise<void> {
  const { types } = (await import('pg')).default;
  const INT8_ARRAY = 1016 as Parameters<typeof types.getTypeParser>[0];
  const parseInt8Array = types.getTypeParser(INT8_ARRAY);
  types.setTypeParser(types.builtins.INT8, (v: string) => Number(v));
  types.setTypeParser(INT8_ARRAY, (v: string) =>
    (parseInt8Array(v) as unknown as string[]).map(Number),
  );
}
