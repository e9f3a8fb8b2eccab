import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { initMigratingOrm } from '../../server/db/orm.ts';
import { bucketize, type SeriesAxis } from '../../server/modules/metrics/buckets.ts';
import { graphql } from '../gql/index.ts';
import { bucketRows } from '../helpers/buckets.ts';
import { LogBatch } from '../helpers/documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { adminQuery, withDatabase } from '../setup/database.ts';

const Buckets = graphql(`
  query BackfillBuckets($runIds: [String!]!, $buckets: Int!, $axis: SeriesAxis) {
    metricBuckets(runIds: $runIds, key: "m", buckets: $buckets, axis: $axis) {
      start end
      runs { index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue }
    }
  }
`);

type Raw = { step: number; timestamp: number; value: number };
const START = 5_000;
const RUN = 'r0000000000000000000000000000001';

let t: TestApp;
let base: string;
let name: string;
const points: Raw[] = [];

/** Three segments in the layout before the packed columns: sorted, shuffled, and NaN-heavy. */
function oldSegments(): Raw[][] {
  const sorted = Array.from({ length: 700 }, (_, i) => ({
    step: i - 40,
    timestamp: START + i * 3,
    value: Math.sin(i),
  }));
  const shuffled = Array.from({ length: 500 }, (_, i) => ({
    step: 660 + ((i * 7919) % 500),
    timestamp: START + 2_100 + ((i * 104_729) % 1_700),
    value: i % 11 === 0 ? Number.NaN : Math.cos(i) * 10,
  }));
  const nanHeavy = Array.from({ length: 300 }, (_, i) => ({
    step: 1160 + i,
    timestamp: START + 3_900 + i,
    value: i < 200 ? Number.NaN : i,
  }));
  return [sorted, shuffled, nanHeavy];
}

beforeAll(async () => {
  base = inject('baseUrl');
  name = `trackql_backfill_${randomBytes(5).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = withDatabase(base, name);
  const orm = await initMigratingOrm(url);
  await orm.getMigrator().up({ to: 'Migration20261126210000' });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`insert into experiments (id, name, artifact_location, creation_time, last_update_time)
    values (1, 'backfill', '/tmp/a', 0, 0)`);
  await client.query(
    `insert into runs (id, experiment_id, name, status, start_time, artifact_uri, last_seq)
    values ($1, 1, 'r', 'RUNNING', $2, '/tmp/a/r', 3)`,
    [RUN, START],
  );
  for (const [i, seg] of oldSegments().entries()) {
    points.push(...seg);
    await client.query(
      `insert into metric_segments (run_id, key, seq, n, min_step, max_step, steps, timestamps, vals)
       values ($1, 'm', $2, $3, $4, $5, $6::int8[], $7::int8[], $8::float8[])`,
      [
        RUN,
        i + 1,
        seg.length,
        Math.min(...seg.map((p) => p.step)),
        Math.max(...seg.map((p) => p.step)),
        seg.map((p) => p.step),
        seg.map((p) => p.timestamp),
        `{${seg.map((p) => (Number.isNaN(p.value) ? 'NaN' : p.value)).join(',')}}`,
      ],
    );
  }
  await client.end();
  await orm.getMigrator().up();
  await orm.close();
  t = await createTestApp({ shareDatabaseWith: { databaseUrl: url } });
});
afterAll(async () => {
  await t?.close();
  await adminQuery(base, `drop database if exists ${name} with (force)`);
});

async function expectBucketize(axis: SeriesAxis, count: number) {
  const res = await t.execute(Buckets, { runIds: [RUN], buckets: count, axis });
  const set = res.metricBuckets;
  const r = set.runs[0]!;
  const got = bucketRows(r);
  const x = (p: Raw) =>
    axis === 'STEP' ? p.step : axis === 'WALL_TIME' ? p.timestamp : p.timestamp - START;
  const range = { start: Number(set.start), end: Number(set.end) };
  expect(got, `${axis} ${count}`).toEqual(
    bucketize(
      points.map((p) => ({ ...p, x: x(p) })),
      range,
      count,
    ),
  );
}

describe('migration of segments to packed points and blocks', () => {
  it('backfills segments written before it so metricBuckets equals bucketize, with batches logged after it', async () => {
    for (const axis of ['STEP', 'WALL_TIME', 'RELATIVE_TIME'] as const) {
      for (const count of [1, 2, 5, 61, 400]) await expectBucketize(axis, count);
    }
    const later = Array.from({ length: 90 }, (_, i) => ({
      step: 1400 + ((i * 37) % 90),
      timestamp: START + 4_300 + i * 11,
      value: i % 7 === 0 ? Number.NaN : -i,
    }));
    points.push(...later);
    await t.execute(LogBatch, {
      input: {
        runId: RUN,
        metrics: [
          {
            key: 'm',
            steps: later.map((p) => p.step),
            timestamps: later.map((p) => p.timestamp),
            values: later.map((p) => (Number.isNaN(p.value) ? 'NaN' : p.value)),
          },
        ],
      },
    });
    for (const axis of ['STEP', 'WALL_TIME', 'RELATIVE_TIME'] as const) {
      for (const count of [3, 97]) await expectBucketize(axis, count);
    }
  });
});
