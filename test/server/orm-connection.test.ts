import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExperimentSchema } from '../../server/modules/experiments/experiment.entity.ts';
import { Db } from '../../server/shared/db.ts';
import { transactionEm, withOrmConnection } from '../../server/shared/orm-connection.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Pins what `orm-connection.ts` relies on below MikroORM's and knex's public API: if an upgrade
// changes how transactions hand out their connection, these fail.

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pid = async (db: Db) =>
  (await db.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
const emPid = async (em: EntityManager) =>
  (await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0]!.pid;
const uniqueName = () => `orm-conn-${process.pid}-${++n}`;

function newExperiment(em: EntityManager, name: string) {
  return em.create(ExperimentSchema, {
    name,
    artifactLocation: '',
    lifecycleStage: 'active',
    creationTime: 1,
    lastUpdateTime: 1,
  });
}

describe('Db on the ORM connection', () => {
  it('runs raw SQL inside em.transactional on the transaction connection', async () => {
    const em = t.app.orm.em.fork();
    const db = new Db(em);
    await em.transactional(async (tx) => {
      expect(transactionEm(em)).toBe(tx);
      expect(await pid(db)).toBe(await emPid(tx));
      await withOrmConnection(em, async (a) => {
        await withOrmConnection(tx, async (b) => expect(a).toBe(b));
      });
    });
    expect(transactionEm(em)).toBeUndefined();
  });

  it('lets raw SQL see the em uncommitted insert, and the em see raw writes', async () => {
    const em = t.app.orm.em.fork();
    const db = new Db(em);
    const name = uniqueName();
    const other = uniqueName();
    await em.transactional(async (tx) => {
      const exp = newExperiment(tx, name);
      await tx.flush();
      const seen = await db.query<{ id: number }>('select id from experiments where name = $1', [
        name,
      ]);
      expect(seen).toEqual([{ id: exp.id }]);
      await db.query(
        `insert into experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
         values ($1, '', 'active', 1, 1)`,
        [other],
      );
      expect(await tx.findOne(ExperimentSchema, { name: other })).not.toBeNull();
      // not committed yet: a connection of its own sees neither row (a Db here would join the
      // transaction, whatever em it was built on)
      const outside = new pg.Client({ connectionString: t.databaseUrl });
      await outside.connect();
      try {
        const { rows } = await outside.query('select 1 from experiments where name = any($1)', [
          [name, other],
        ]);
        expect(rows).toHaveLength(0);
      } finally {
        await outside.end();
      }
      expect(
        await new Db(t.app.orm.em.fork()).query('select 1 from experiments where name = any($1)', [
          [name, other],
        ]),
      ).toHaveLength(2);
    });
    const after = await new Db(t.app.orm.em.fork()).query(
      'select 1 from experiments where name = any($1)',
      [[name, other]],
    );
    expect(after).toHaveLength(2);
  });

  it('rolls back ORM writes and raw SQL together when Db.transaction throws', async () => {
    const em = t.app.orm.em.fork();
    const db = new Db(em);
    const name = uniqueName();
    const other = uniqueName();
    await expect(
      db.transaction(async (sql, tx) => {
        newExperiment(tx, name);
        await tx.flush();
        await sql.query(
          `insert into experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
           values ($1, '', 'active', 1, 1)`,
          [other],
        );
        expect(await pid(db)).toBe(await emPid(tx));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.query('select 1 from experiments where name = any($1)', [[name, other]]);
    expect(rows).toHaveLength(0);
  });

  it('nests Db.transaction inside em.transactional as a savepoint on the same connection', async () => {
    const em = t.app.orm.em.fork();
    const db = new Db(em);
    const name = uniqueName();
    await em.transactional(async (tx) => {
      const outer = await emPid(tx);
      await db
        .transaction(async (sql) => {
          expect((await sql.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid).toBe(
            outer,
          );
          await sql.query(
            `insert into experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
             values ($1, '', 'active', 1, 1)`,
            [name],
          );
          throw new Error('inner');
        })
        .catch(() => {});
      // the savepoint rolled back; the outer transaction is still usable
      expect(await db.query('select 1 from experiments where name = $1', [name])).toHaveLength(0);
    });
  });

  it('returns pool connections after use, also when a statement fails', async () => {
    const db = new Db(t.app.orm.em.fork());
    // more calls than the pool has connections: a leak would hang here
    for (let i = 0; i < 12; i++) {
      await expect(db.query('select * from no_such_table')).rejects.toThrow();
      await db.transaction((sql) => sql.query('select 1'));
    }
    expect(await db.query('select 1 as one')).toEqual([{ one: 1 }]);
  });
});
