import { initOrm } from '../../server/db/orm.ts';
import { MetricService } from '../../server/modules/metrics/metric.service.ts';
import { prepareMetrics } from '../../server/modules/metrics/metric-batch.ts';
import { Db, installTypeParsers, type SqlClient } from '../../server/shared/db.ts';
import { benchDatabase, percentile, report } from './harness.ts';

/**
 * Cost of the block rollup on the ingest statement: `MetricService.insertBatch` as shipped against
 * the same statement with the block CTEs cut out, alternating in one process and one database.
 */
const withoutBlocks = (sql: SqlClient): SqlClient => ({
  query: (text, values) => {
    const a = text.indexOf('), b as (');
    const b = text.indexOf('insert into metric_summaries');
    return sql.query(`${text.slice(0, a)})\n${text.slice(b)}`, values?.slice(0, 18));
  },
});

await installTypeParsers();
const bench = await benchDatabase();
const orm = await initOrm(bench.url);
try {
  const em = orm.em.fork();
  const db = new Db(em);
  await db.query(
    `insert into experiments (id, name, artifact_location, creation_time, last_update_time) values (1, 'ingest', '/tmp', 0, 0)`,
  );
  const rates: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let round = 0; round < 6; round++) {
    for (const variant of ['with', 'without'] as const) {
      const id = `ingest-${variant}-${round}`;
      await db.query(
        `insert into runs (id, experiment_id, name, status, start_time, artifact_uri) values ($1, 1, $1, 'RUNNING', 0, '')`,
        [id],
      );
      const t0 = performance.now();
      for (let off = 0, seq = 1; off < 50_000; off += 1000, seq++) {
        const steps = Array.from({ length: 1000 }, (_, i) => off + i);
        const m = prepareMetrics([
          {
            key: 'loss',
            steps,
            timestamps: steps.map((s) => 1_700_000_000_000 + s * 7),
            values: steps.map((s) => Math.sin(s / 1000)),
          },
        ]);
        await db.transaction((sql) =>
          MetricService.insertBatch(variant === 'with' ? sql : withoutBlocks(sql), id, seq, m),
        );
      }
      rates[variant].push(50_000 / ((performance.now() - t0) / 1000));
    }
  }
  const withBlocks = percentile(rates.with, 50);
  const without = percentile(rates.without, 50);
  report({
    bench: 'insertBatch with vs without block rollup',
    batch_points: 1000,
    with_blocks_points_per_s: Math.round(withBlocks),
    without_blocks_points_per_s: Math.round(without),
    ratio: +(withBlocks / without).toFixed(2),
  });
} finally {
  await orm.close();
  await bench.drop();
}
